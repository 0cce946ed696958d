#!/usr/bin/env python3
"""Question latency at scale: one question of every family of DOMAIN.md, asked end to end through
`videobot ask` (process start, planning, connection, query, reply) and timed with hyperfine, in
one `videobot chat` process, and the compiled query alone (no process start or connection: one
psql session with \\timing, Python's sqlite3, or one keep-alive HTTP connection to ClickHouse).
Saves EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL and EXPLAIN QUERY PLAN on SQLite for every family;
ClickHouse 18.16 has no EXPLAIN that shows an access path, so none is saved for it.

    measure.py --videobot BIN [--pg URL] [--sqlite PATH] [--clickhouse URL] [--clickhouse-cluster URL]
               [--runs N] [--out DIR] [--explain-dir DIR]

Any subset of the four engines may be given; all must hold the same data set. The script checks
that every engine gives the same answers, and that the query alone returns the answer `ask`
prints. Writes DIR/results.json and DIR/results.md (one table with every engine side by side,
then a table per engine) and prints the tables; exits 1 on any disagreement.
"""
import argparse
import base64
import datetime
import http.client
import json
import os
import pathlib
import re
import shlex
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

# (family, target class, wording). {creator} is replaced with a creator id that exists in the data.
FAMILIES = [
    (1, "whole table", "Сколько всего видео есть в системе?"),
    (2, "one creator", "Сколько видео у креатора с id {creator} набрали больше 10 000 просмотров по итоговой статистике?"),
    (3, "one creator", "Сколько видео опубликовал креатор с id {creator} в период с 1 ноября 2025 по 5 ноября 2025 включительно?"),
    (4, "whole table", "Сколько видео набрало больше 100 000 просмотров за всё время?"),
    (5, "one day", "На сколько просмотров в сумме выросли все видео 28 ноября 2025?"),
    (6, "one day", "Сколько разных видео получали новые просмотры 27 ноября 2025?"),
    (7, "whole table", "Сколько всего есть замеров статистики (по всем видео), в которых число просмотров за час "
                       "оказалось отрицательным — то есть по сравнению с предыдущим замером количество просмотров "
                       "стало меньше?"),
    (8, "time window", "Какое суммарное количество просмотров набрали все видео, опубликованные в июне 2025 года?"),
    (9, "one creator", "На сколько просмотров суммарно выросли все видео креатора с id {creator} в промежутке "
                       "с 10:00 до 15:00 28 ноября 2025 года?"),
    (10, "whole table", "Сколько разных креаторов имеют хотя бы одно видео, которое в итоге набрало больше 100 000 "
                        "просмотров?"),
    (11, "one creator", "Для креатора с id {creator} посчитай, в скольких разных календарных днях ноября 2025 года "
                        "он публиковал хотя бы одно видео."),
    (12, "whole table", "Какое общее количество лайков набрали все видео?"),
    (13, "time window", "Сколько видео появилось на платформе за июль 2025"),
    (14, "whole table", "Какой суммарный прирост лайков получили все видео за ноябрь 2025 года?"),
    (15, "whole table", "Какой суммарный прирост комментариев получили все видео за первые 3 часа после публикации "
                        "каждого из них?"),
]
TARGET_MS = {"one day": 50, "one creator": 50, "time window": 50, "whole table": 1000}

ENGINES = ("pg", "sqlite", "clickhouse", "clickhouse_cluster")
TITLES = {"pg": "PostgreSQL 15", "sqlite": "SQLite", "clickhouse": "ClickHouse",
          "clickhouse_cluster": "ClickHouse (2 shards)"}

# The creator with the most videos published in November 2025 (ties: smallest id), so that the
# one-creator questions have non-empty answers. SQLite and ClickHouse store instants as
# microseconds since the epoch (Int64 on ClickHouse).
CREATOR_SQL = {
    "pg": "SELECT creator_id FROM videos WHERE video_created_at >= '2025-11-01T00:00:00Z' "
          "AND video_created_at < '2025-12-01T00:00:00Z' GROUP BY creator_id ORDER BY count(*) DESC, creator_id LIMIT 1",
    "sqlite": "SELECT creator_id FROM videos WHERE video_created_at >= 1761955200000000 "
              "AND video_created_at < 1764547200000000 GROUP BY creator_id ORDER BY count(*) DESC, creator_id LIMIT 1",
    "clickhouse": "SELECT creator_id FROM videos WHERE video_created_at >= 1761955200000000 "
                  "AND video_created_at < 1764547200000000 GROUP BY creator_id ORDER BY count() DESC, creator_id LIMIT 1",
}


# The families the rollups serve, as the compiler wrote them against the raw snapshots before the
# rollups existed (bound values inlined): timed with --raw-baseline to show what the rollups save.
RAW_SQL = {
    "pg": {
        5: "SELECT COALESCE(SUM(s.delta_views_count), 0)::bigint AS value FROM video_snapshots s "
           "WHERE s.created_at >= '2025-11-28 00:00:00+00'::timestamptz AND s.created_at < '2025-11-29 00:00:00+00'::timestamptz",
        6: "SELECT COUNT(DISTINCT s.video_id) AS value FROM video_snapshots s WHERE s.created_at >= "
           "'2025-11-27 00:00:00+00'::timestamptz AND s.created_at < '2025-11-28 00:00:00+00'::timestamptz "
           "AND s.delta_views_count > 0::bigint",
        7: "SELECT COUNT(*) AS value FROM video_snapshots s WHERE s.delta_views_count < 0::bigint",
        14: "SELECT COALESCE(SUM(s.delta_likes_count), 0)::bigint AS value FROM video_snapshots s WHERE s.created_at >= "
            "'2025-11-01 00:00:00+00'::timestamptz AND s.created_at < '2025-12-01 00:00:00+00'::timestamptz",
        15: "SELECT COALESCE(SUM(s.delta_comments_count), 0)::bigint AS value FROM video_snapshots s JOIN videos v "
            "ON v.id = s.video_id WHERE s.created_at >= v.video_created_at AND s.created_at < "
            "(v.video_created_at + 10800000000::bigint * interval '1 microsecond')",
    },
    "sqlite": {
        5: "SELECT COALESCE(SUM(s.delta_views_count), 0) AS value FROM video_snapshots s "
           "WHERE s.created_at >= 1764288000000000 AND s.created_at < 1764374400000000",
        6: "SELECT COUNT(DISTINCT s.video_id) AS value FROM video_snapshots s WHERE s.created_at >= 1764201600000000 "
           "AND s.created_at < 1764288000000000 AND s.delta_views_count > 0",
        7: "SELECT COUNT(*) AS value FROM video_snapshots s WHERE s.delta_views_count < 0",
        14: "SELECT COALESCE(SUM(s.delta_likes_count), 0) AS value FROM video_snapshots s "
            "WHERE s.created_at >= 1761955200000000 AND s.created_at < 1764547200000000",
        15: "SELECT COALESCE(SUM(s.delta_comments_count), 0) AS value FROM video_snapshots s JOIN videos v "
            "ON v.id = s.video_id WHERE s.created_at >= v.video_created_at AND s.created_at < (v.video_created_at + 10800000000)",
    },
}


def run(args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs).stdout


def psql(url, script):
    return run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url], input="SET TimeZone = 'UTC';\n" + script)


def sqlite(path, script):
    return run(["sqlite3", "-batch", path], input=script)


def is_clickhouse(engine):
    return engine.startswith("clickhouse")


class ClickHouse:
    """The HTTP interface of a clickhouse:// URL's first host (the host `videobot` asks first), over
    one keep-alive connection, with the settings `videobot` sends (the database; on a cluster
    distributed_product_mode=local)."""

    def __init__(self, url):
        parts = urllib.parse.urlsplit(url)
        userinfo, _, hosts = parts.netloc.rpartition("@")
        self.hosts = hosts.split(",")
        self.database = parts.path.lstrip("/")
        self.settings = {"database": self.database}
        if "cluster" in urllib.parse.parse_qs(parts.query):
            self.settings["distributed_product_mode"] = "local"
        self.headers = {}
        if userinfo:
            credentials = urllib.parse.unquote(userinfo).encode()
            self.headers["Authorization"] = "Basic " + base64.b64encode(credentials).decode()
        self.connections = {}

    def reconnect(self):
        """Drops the open connections (the server closes idle ones after keep_alive_timeout)."""
        for connection in self.connections.values():
            connection.close()
        self.connections = {}

    def query(self, sql_text, host=None):
        host = host or self.hosts[0]
        try:
            return self._send(host, sql_text)
        except (http.client.RemoteDisconnected, ConnectionError):
            self.connections.pop(host, None)
            return self._send(host, sql_text)

    def _send(self, host, sql_text):
        connection = self.connections.setdefault(host, http.client.HTTPConnection(host, timeout=600))
        connection.request("POST", "/?" + urllib.parse.urlencode(self.settings), body=sql_text.encode(),
                           headers=self.headers)
        response = connection.getresponse()
        body = response.read().decode()
        if response.status != 200:
            raise SystemExit(f"ClickHouse {host}: HTTP {response.status}: {body[:1000]}")
        return body


def db_url(engine, cfg):
    return "sqlite:" + cfg.sqlite if engine == "sqlite" else getattr(cfg, engine)


def query_value(cfg, engine, sql_text):
    """The compiled query's result as text (every family's query returns one value)."""
    if engine == "pg":
        return psql(cfg.pg, sql_text + ";\n").strip()
    if engine == "sqlite":
        return sqlite(cfg.sqlite, sql_text + ";\n").strip()
    return cfg.clickhouse_servers[engine].query(sql_text).strip()


INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})")
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def bound_literal(engine, shown):
    """A parameter as `videobot sql` shows it, as the literal the engine's driver binds. Instants are
    shown in RFC 3339: PostgreSQL's SQL casts them (`$N::timestamptz`), SQLite and ClickHouse store
    microseconds since the epoch. Durations are shown as `N µs = ISO duration`."""
    number = re.fullmatch(r"(-?\d+)(?: µs = \S+)?", shown)
    if number:
        return number.group(1)
    if len(shown) < 2 or shown[0] != "'" or shown[-1] != "'":
        raise SystemExit(f"unexpected parameter value {shown!r}")
    text = shown[1:-1]
    if engine != "pg" and INSTANT.fullmatch(text):
        instant = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        return str((instant - EPOCH) // datetime.timedelta(microseconds=1))
    if is_clickhouse(engine):
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
    return "'" + text.replace("'", "''") + "'"


def compiled_sql(cfg, engine, question):
    """The SQL `videobot sql` prints for the engine, and the same with its parameters as literals."""
    out = run([cfg.videobot, "--db", db_url(engine, cfg), "sql", question]).splitlines()
    text, params = out[0], {}
    for line in out[1:]:
        m = re.fullmatch(r"\s+[$?](\d+) = (.*)", line)
        if not m:
            raise SystemExit(f"unexpected line in `videobot sql` output: {line!r}")
        params[int(m.group(1))] = bound_literal(engine, m.group(2))
    placeholder = r"\$(\d+)" if engine == "pg" else r"\?(\d+)"
    return text, re.sub(placeholder, lambda p: params[int(p.group(1))], text)


def summary(times_ms):
    times = sorted(times_ms)
    p99 = statistics.quantiles(times, n=100, method="inclusive")[98] if len(times) > 1 else times[0]
    return {"median_ms": statistics.median(times), "p99_ms": p99, "min_ms": times[0], "max_ms": times[-1],
            "runs": len(times)}


def end_to_end(cfg, engine, question):
    """hyperfine over `videobot ask`: the whole process, as a user or the bot's caller sees it."""
    command = shlex.join([cfg.videobot, "--db", db_url(engine, cfg), "ask", question])
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        run(["hyperfine", "-N", "--style", "none", "--warmup", str(cfg.warmup), "--runs", str(cfg.runs),
             "--export-json", export.name, command])
        result = json.load(open(export.name))["results"][0]
    stats = summary([t * 1000 for t in result["times"]])
    stats["cpu_ms"] = (result["user"] + result["system"]) * 1000  # mean user + system CPU per run
    return stats


def in_process(cfg, engine, question):
    """One `videobot chat` process answering the question repeatedly over one connection, as the
    Telegram bot does: planning, compilation, the query and the reply, without process start-up."""
    chat = subprocess.Popen([cfg.videobot, "--db", db_url(engine, cfg), "chat"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, bufsize=1)
    times = []
    try:
        for _ in range(cfg.runs + cfg.warmup):
            start = time.perf_counter_ns()
            chat.stdin.write(question + "\n")
            chat.stdin.flush()
            chat.stdout.readline()
            times.append((time.perf_counter_ns() - start) / 1e6)
    finally:
        chat.stdin.close()
        chat.wait()
    return summary(times[cfg.warmup:])


def timed_repeats(cfg, execute):
    times = []
    for _ in range(cfg.runs + cfg.warmup):
        start = time.perf_counter_ns()
        execute()
        times.append((time.perf_counter_ns() - start) / 1e6)
    return times


def query_alone(cfg, engine, sql_text):
    """The compiled query repeated in one client session: execution plus one round trip."""
    out = ""
    if engine == "pg":
        out = psql(cfg.pg, "\\timing on\n" + (sql_text + ";\n") * (cfg.runs + cfg.warmup))
        times = [float(m) for m in re.findall(r"^Time: ([\d.]+) ms", out, re.M)]
    elif engine == "sqlite":
        # The sqlite3 shell's .timer has millisecond resolution: time the same library from Python.
        connection = sqlite3.connect(f"file:{cfg.sqlite}?mode=ro", uri=True)
        times = timed_repeats(cfg, lambda: connection.execute(sql_text).fetchall())
        connection.close()
    else:
        # Client-side: the HTTP request on an open connection, execution and the whole response.
        server = cfg.clickhouse_servers[engine]
        server.reconnect()
        times = timed_repeats(cfg, lambda: server.query(sql_text))
    if len(times) != cfg.runs + cfg.warmup:
        raise SystemExit(f"could not read {engine} timings:\n{out[-2000:]}")
    return summary(times[cfg.warmup:])


def access_paths(plan_text):
    """Tables and indexes the plan reads, in plan order, without repeats."""
    found = []
    patterns = [
        r"(Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\S+)",
        r"(Parallel Seq Scan|Seq Scan) on (\S+)",
        r"(SEARCH|SCAN) (\S+(?: USING (?:COVERING )?INDEX \S+)?)",
    ]
    for line in plan_text.splitlines():
        for pattern in patterns:
            m = re.search(pattern, line)
            if m:
                item = f"{m.group(1)} {m.group(2)}"
                if item not in found:
                    found.append(item)
    return found


def explain_text(cfg, engine, sql_text):
    if engine == "pg":
        plan = psql(cfg.pg, f"EXPLAIN (ANALYZE, BUFFERS) {sql_text};\n")
    else:
        plan = sqlite(cfg.sqlite, f"EXPLAIN QUERY PLAN {sql_text};\n")
    return access_paths(plan), plan


def explain(cfg, engine, family, question, template, sql_text):
    """The access path of the query, with its plan saved; none on ClickHouse (18.16's EXPLAIN
    shows no access path)."""
    if is_clickhouse(engine):
        return []
    _, plan = explain_text(cfg, engine, sql_text)
    path = pathlib.Path(cfg.explain_dir) / f"{engine}_{family:02d}.txt"
    path.write_text(f"-- family {family}: {question}\n-- compiled: {template}\n-- bound:    {sql_text}\n\n{plan}")
    return access_paths(plan)


def raw_baseline(cfg, engines):
    """Times the raw-table statements of RAW_SQL (query alone) and saves their plans."""
    out = {}
    for engine in engines:
        out[engine] = {}
        for family, sql_text in RAW_SQL[engine].items():
            if cfg.families and family not in cfg.families:
                continue
            _, plan = explain_text(cfg, engine, sql_text)
            path = pathlib.Path(cfg.explain_dir) / f"{engine}_{family:02d}_raw.txt"
            path.write_text(f"-- family {family} on the raw snapshots (before the rollups)\n-- {sql_text}\n\n{plan}")
            value = query_value(cfg, engine, sql_text)
            stats = query_alone(cfg, engine, sql_text)
            stats.update(answer=value, access=access_paths(plan))
            print(f"{engine} {family:2d} raw: query median {stats['median_ms']:9.1f} ms, p99 {stats['p99_ms']:9.1f} ms; "
                  f"answer {value}", file=sys.stderr, flush=True)
            out[engine][family] = stats
    return out


def answer(cfg, engine, question):
    return run([cfg.videobot, "--db", db_url(engine, cfg), "ask", question]).strip()


def machine():
    cpu = ""
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return {"cpus": os.cpu_count(), "cpu": cpu, "load_average": os.getloadavg()}


def data_shape(cfg, engine):
    """Videos, snapshots and bytes on disk (on a ClickHouse cluster: all shards together)."""
    count = "SELECT (SELECT count(*) FROM videos), (SELECT count(*) FROM video_snapshots)"
    if engine == "pg":
        videos, snapshots = psql(cfg.pg, count + ";\n").strip().split("|")
        size = int(psql(cfg.pg, "SELECT pg_database_size(current_database());\n").strip())
    elif engine == "sqlite":
        videos, snapshots = sqlite(cfg.sqlite, count + ";\n").strip().split("|")
        size = os.path.getsize(cfg.sqlite)
    else:
        server = cfg.clickhouse_servers[engine]
        videos, snapshots = server.query(count).strip().split("\t")
        parts = "SELECT sum(bytes_on_disk) FROM system.parts WHERE active AND database = currentDatabase()"
        size = sum(int(server.query(parts, host).strip() or 0) for host in server.hosts)
    return {"videos": int(videos), "snapshots": int(snapshots), "bytes": size}


def met(row):
    return row["end_to_end"]["median_ms"] < row["target_ms"]


def combined_markdown(results):
    """One row per family, every engine side by side: `ask` median, query median, target met."""
    engines = list(results["engines"])
    names = " / ".join(TITLES[e] for e in engines)
    lines = ["### All engines side by side", "",
             f"`ask` median and query median in ms; «met»: the `ask` median is under the target ({names}).", "",
             "| # | target | " + " | ".join(f"`ask` {TITLES[e]}" for e in engines) + " | "
             + " | ".join(f"query {TITLES[e]}" for e in engines) + " | met |",
             "| --- | --- | " + "--- | " * (2 * len(engines)) + "--- |"]
    by_family = [{e: results["engines"][e][i] for e in engines} for i in range(len(results["engines"][engines[0]]))]
    for rows in by_family:
        first = rows[engines[0]]
        asks = [f"{rows[e]['end_to_end']['median_ms']:.1f}" for e in engines]
        queries = [f"{rows[e]['query']['median_ms']:.2f}" for e in engines]
        verdicts = " / ".join("yes" if met(rows[e]) else "**no**" for e in engines)
        lines.append(f"| {first['family']} | {first['class']} < {first['target_ms']} | " + " | ".join(asks) + " | "
                     + " | ".join(queries) + f" | {verdicts} |")
    lines.append("")
    return lines


def engine_markdown(engine, rows):
    lines = [f"### {TITLES[engine]}", ""]
    if is_clickhouse(engine):
        lines += ["ClickHouse 18.16 has no EXPLAIN that shows an access path: none is recorded.", ""]
    lines += ["| # | target | `ask` median | `ask` p99 | `ask` CPU | in-process median / p99 | query median / p99 | met | answer | access path |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for row in rows:
        e2e, q, chat = row["end_to_end"], row["query"], row["in_process"]
        lines.append(f"| {row['family']} | {row['class']} < {row['target_ms']} ms | {e2e['median_ms']:.1f} ms | "
                     f"{e2e['p99_ms']:.1f} ms | {e2e['cpu_ms']:.1f} ms | {chat['median_ms']:.1f} / {chat['p99_ms']:.1f} ms | "
                     f"{q['median_ms']:.2f} / {q['p99_ms']:.2f} ms | {'yes' if met(row) else '**no**'} | "
                     f"{row['answer']} | {'; '.join(row['access']) or '—'} |")
    lines.append("")
    return lines


def markdown(results):
    lines = combined_markdown(results)
    for engine, rows in results["engines"].items():
        lines += engine_markdown(engine, rows)
    return "\n".join(lines)


def disagreements(results):
    """Families whose answers differ between engines, and rows whose query alone did not return
    the answer `ask` printed (a wrongly bound query would be timed otherwise)."""
    engines = list(results["engines"])
    between = []
    for index, row in enumerate(results["engines"][engines[0]]):
        answers = {e: results["engines"][e][index]["answer"] for e in engines}
        if len(set(answers.values())) > 1:
            between.append({"family": row["family"], "answers": answers})
    query_vs_ask = [{"engine": e, "family": row["family"], "ask": row["answer"], "query": row["query_answer"]}
                    for e in engines for row in results["engines"][e] if row["query_answer"] != row["answer"]]
    return between, query_vs_ask


def measure_family(cfg, engine, family, kind, question):
    template, sql_text = compiled_sql(cfg, engine, question)
    access = explain(cfg, engine, family, question, template, sql_text)
    started = time.perf_counter()
    reply = answer(cfg, engine, question)
    # Questions slower than a second get SLOW_RUNS repetitions, to keep a run within minutes.
    slow = time.perf_counter() - started > 1.0
    timing = argparse.Namespace(**vars(cfg))
    if slow:
        timing.runs, timing.warmup = min(cfg.runs, cfg.slow_runs), min(cfg.warmup, 1)
    row = {"family": family, "class": kind, "target_ms": TARGET_MS[kind], "question": question,
           "sql": template, "bound_sql": sql_text, "answer": reply,
           "query_answer": query_value(cfg, engine, sql_text), "access": access,
           "query": query_alone(timing, engine, sql_text), "in_process": in_process(timing, engine, question),
           "end_to_end": end_to_end(timing, engine, question)}
    print(f"{engine} {family:2d}: ask median {row['end_to_end']['median_ms']:8.1f} ms, p99 "
          f"{row['end_to_end']['p99_ms']:8.1f} ms; in process {row['in_process']['median_ms']:8.2f} ms; "
          f"query median {row['query']['median_ms']:8.2f} ms; "
          f"answer {row['answer']}", file=sys.stderr, flush=True)
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--videobot", required=True)
    parser.add_argument("--pg", help="libpq URL of a loaded PostgreSQL database")
    parser.add_argument("--sqlite", help="path of a loaded SQLite database")
    parser.add_argument("--clickhouse", help="clickhouse://HOST:PORT/DB of a loaded single ClickHouse server")
    parser.add_argument("--clickhouse-cluster", help="clickhouse://H1:P1,H2:P2/DB?cluster=NAME of a loaded cluster")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--slow-runs", type=int, default=5, help="repetitions for questions slower than 1 s")
    parser.add_argument("--families", default="", help="comma-separated family numbers (default: all)")
    parser.add_argument("--out", default=".")
    parser.add_argument("--explain-dir", default=None)
    parser.add_argument("--raw-baseline", action="store_true",
                        help="time only the raw-snapshot statements of the rollup-served families (RAW_SQL; "
                             "PostgreSQL and SQLite)")
    cfg = parser.parse_args()
    engines = [e for e in ENGINES if getattr(cfg, e)]
    if not engines:
        parser.error("give at least one of --pg, --sqlite, --clickhouse, --clickhouse-cluster")
    cfg.clickhouse_servers = {e: ClickHouse(getattr(cfg, e)) for e in engines if is_clickhouse(e)}
    cfg.explain_dir = cfg.explain_dir or os.path.join(cfg.out, "explain")
    pathlib.Path(cfg.explain_dir).mkdir(parents=True, exist_ok=True)
    pathlib.Path(cfg.out).mkdir(parents=True, exist_ok=True)
    wanted = {int(f) for f in cfg.families.split(",") if f}
    cfg.families = wanted
    if cfg.raw_baseline:
        engines = [e for e in engines if e in RAW_SQL]
        if not engines:
            parser.error("--raw-baseline needs --pg and/or --sqlite")
        baseline = {"machine_start": machine(), "runs": cfg.runs, "engines": raw_baseline(cfg, engines),
                    "machine_end": machine()}
        pathlib.Path(cfg.out, "raw_baseline.json").write_text(json.dumps(baseline, ensure_ascii=False, indent=2))
        return 0

    first = engines[0]
    creator = query_value(cfg, first, CREATOR_SQL["clickhouse" if is_clickhouse(first) else first])
    results = {"machine_start": machine(), "creator": creator, "runs": cfg.runs, "warmup": cfg.warmup,
               "data": {e: data_shape(cfg, e) for e in engines}, "engines": {}}
    for engine in engines:
        results["engines"][engine] = [measure_family(cfg, engine, family, kind, wording.format(creator=creator))
                                      for family, kind, wording in FAMILIES if not wanted or family in wanted]
    between, query_vs_ask = disagreements(results)
    results["answer_mismatches"], results["query_mismatches"] = between, query_vs_ask
    for mismatch in between:
        shown = ", ".join(f"{TITLES[e]} {a}" for e, a in mismatch["answers"].items())
        print(f"MISMATCH family {mismatch['family']}: {shown}", file=sys.stderr)
    for mismatch in query_vs_ask:
        print(f"MISMATCH {TITLES[mismatch['engine']]} family {mismatch['family']}: ask {mismatch['ask']}, "
              f"query alone {mismatch['query']}", file=sys.stderr)
    results["machine_end"] = machine()
    results["finished_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    pathlib.Path(cfg.out, "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))
    table = markdown(results)
    pathlib.Path(cfg.out, "results.md").write_text(table)
    print(table)
    return 1 if between or query_vs_ask else 0


if __name__ == "__main__":
    sys.exit(main())
