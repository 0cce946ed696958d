#!/usr/bin/env python3
"""Question latency at scale: one question of every family of DOMAIN.md, asked end to end through
`videobot ask` (process start, planning, connection, query, reply) and timed with hyperfine, and
the compiled query alone (psql \\timing / sqlite3 .timer, no process start or connection). Saves
EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL and EXPLAIN QUERY PLAN on SQLite for every family.

    measure.py --videobot BIN [--pg URL] [--sqlite PATH] [--runs N] [--out DIR] [--explain-dir DIR]

Writes DIR/results.json and DIR/results.md (a Markdown table per engine) and prints the table.
Both engines must hold the same data set: the script checks that they give the same answers.
"""
import argparse
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

# The creator with the most videos published in November 2025 (ties: smallest id), so that the
# one-creator questions have non-empty answers. SQLite stores instants as microseconds.
CREATOR_SQL = {
    "pg": "SELECT creator_id FROM videos WHERE video_created_at >= '2025-11-01T00:00:00Z' "
          "AND video_created_at < '2025-12-01T00:00:00Z' GROUP BY creator_id ORDER BY count(*) DESC, creator_id LIMIT 1",
    "sqlite": "SELECT creator_id FROM videos WHERE video_created_at >= 1761955200000000 "
              "AND video_created_at < 1764547200000000 GROUP BY creator_id ORDER BY count(*) DESC, creator_id LIMIT 1",
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


def db_url(engine, cfg):
    return cfg.pg if engine == "pg" else "sqlite:" + cfg.sqlite


def compiled_sql(cfg, engine, question):
    """The SQL `videobot sql` prints for the engine, with its parameters bound as literals."""
    out = run([cfg.videobot, "--db", db_url(engine, cfg), "sql", question]).splitlines()
    text, params = out[0], {}
    for line in out[1:]:
        m = re.fullmatch(r"\s+(\d+) = (.*)", line)
        if not m:
            raise SystemExit(f"unexpected line in `videobot sql` output: {line!r}")
        value = m.group(2)
        if value.startswith("'") and value.endswith("'"):
            value = "'" + value[1:-1].replace("'", "''") + "'"
        elif not re.fullmatch(r"-?\d+", value):
            raise SystemExit(f"unexpected parameter value {value!r}")
        params[int(m.group(1))] = value
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


def query_alone(cfg, engine, sql_text):
    """The compiled query repeated in one client session: execution plus one round trip."""
    if engine == "pg":
        out = psql(cfg.pg, "\\timing on\n" + (sql_text + ";\n") * (cfg.runs + cfg.warmup))
        times = [float(m) for m in re.findall(r"^Time: ([\d.]+) ms", out, re.M)]
    else:
        # The sqlite3 shell's .timer has millisecond resolution: time the same library from Python.
        connection = sqlite3.connect(f"file:{cfg.sqlite}?mode=ro", uri=True)
        times = []
        for _ in range(cfg.runs + cfg.warmup):
            start = time.perf_counter_ns()
            connection.execute(sql_text).fetchall()
            times.append((time.perf_counter_ns() - start) / 1e6)
        connection.close()
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
    _, plan = explain_text(cfg, engine, sql_text)
    path = pathlib.Path(cfg.explain_dir) / f"{engine}_{family:02d}.txt"
    path.write_text(f"-- family {family}: {question}\n-- compiled: {template}\n-- bound:    {sql_text}\n\n{plan}")
    return access_paths(plan), plan


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
            value = (psql(cfg.pg, sql_text + ";\n") if engine == "pg" else sqlite(cfg.sqlite, sql_text + ";\n")).strip()
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
    count = "SELECT (SELECT count(*) FROM videos), (SELECT count(*) FROM video_snapshots);\n"
    if engine == "pg":
        videos, snapshots = psql(cfg.pg, count).strip().split("|")
        size = int(psql(cfg.pg, "SELECT pg_database_size(current_database());\n").strip())
    else:
        videos, snapshots = sqlite(cfg.sqlite, count).strip().split("|")
        size = os.path.getsize(cfg.sqlite)
    return {"videos": int(videos), "snapshots": int(snapshots), "bytes": size}


def markdown(results):
    lines = []
    for engine, rows in results["engines"].items():
        title = "PostgreSQL 15" if engine == "pg" else "SQLite"
        lines += [f"### {title}", "",
                  "| # | target | `ask` median | `ask` p99 | `ask` CPU | in-process median / p99 | query median / p99 | met | answer | access path |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for row in rows:
            e2e, q, chat = row["end_to_end"], row["query"], row["in_process"]
            met = "yes" if e2e["median_ms"] < row["target_ms"] else "**no**"
            lines.append(f"| {row['family']} | {row['class']} < {row['target_ms']} ms | {e2e['median_ms']:.1f} ms | "
                         f"{e2e['p99_ms']:.1f} ms | {e2e['cpu_ms']:.1f} ms | {chat['median_ms']:.1f} / {chat['p99_ms']:.1f} ms | "
                         f"{q['median_ms']:.2f} / {q['p99_ms']:.2f} ms | {met} | "
                         f"{row['answer']} | {'; '.join(row['access'])} |")
        lines.append("")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--videobot", required=True)
    parser.add_argument("--pg", help="libpq URL of a loaded PostgreSQL database")
    parser.add_argument("--sqlite", help="path of a loaded SQLite database")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--slow-runs", type=int, default=5, help="repetitions for questions slower than 1 s")
    parser.add_argument("--families", default="", help="comma-separated family numbers (default: all)")
    parser.add_argument("--out", default=".")
    parser.add_argument("--explain-dir", default=None)
    parser.add_argument("--raw-baseline", action="store_true",
                        help="time only the raw-snapshot statements of the rollup-served families (RAW_SQL)")
    cfg = parser.parse_args()
    engines = [e for e, on in (("pg", cfg.pg), ("sqlite", cfg.sqlite)) if on]
    if not engines:
        parser.error("give --pg and/or --sqlite")
    cfg.explain_dir = cfg.explain_dir or os.path.join(cfg.out, "explain")
    pathlib.Path(cfg.explain_dir).mkdir(parents=True, exist_ok=True)
    pathlib.Path(cfg.out).mkdir(parents=True, exist_ok=True)
    wanted = {int(f) for f in cfg.families.split(",") if f}
    cfg.families = wanted
    if cfg.raw_baseline:
        baseline = {"machine_start": machine(), "runs": cfg.runs, "engines": raw_baseline(cfg, engines),
                    "machine_end": machine()}
        pathlib.Path(cfg.out, "raw_baseline.json").write_text(json.dumps(baseline, ensure_ascii=False, indent=2))
        return 0

    first = engines[0]
    creator = (psql(cfg.pg, CREATOR_SQL["pg"] + ";\n") if first == "pg" else sqlite(cfg.sqlite, CREATOR_SQL["sqlite"] + ";\n")).strip()
    results = {"machine_start": machine(), "creator": creator, "runs": cfg.runs, "warmup": cfg.warmup,
               "data": {e: data_shape(cfg, e) for e in engines}, "engines": {}}
    for engine in engines:
        rows = []
        for family, kind, wording in FAMILIES:
            if wanted and family not in wanted:
                continue
            question = wording.format(creator=creator)
            template, sql_text = compiled_sql(cfg, engine, question)
            access, _ = explain(cfg, engine, family, question, template, sql_text)
            started = time.perf_counter()
            reply = answer(cfg, engine, question)
            # Questions slower than a second get SLOW_RUNS repetitions, to keep a run within minutes.
            slow = time.perf_counter() - started > 1.0
            timing = argparse.Namespace(**vars(cfg))
            if slow:
                timing.runs, timing.warmup = min(cfg.runs, cfg.slow_runs), min(cfg.warmup, 1)
            row = {"family": family, "class": kind, "target_ms": TARGET_MS[kind], "question": question,
                   "sql": template, "answer": reply, "access": access,
                   "query": query_alone(timing, engine, sql_text), "in_process": in_process(timing, engine, question),
                   "end_to_end": end_to_end(timing, engine, question)}
            print(f"{engine} {family:2d}: ask median {row['end_to_end']['median_ms']:8.1f} ms, p99 "
                  f"{row['end_to_end']['p99_ms']:8.1f} ms; in process {row['in_process']['median_ms']:8.2f} ms; "
                  f"query median {row['query']['median_ms']:8.2f} ms; "
                  f"answer {row['answer']}", file=sys.stderr, flush=True)
            rows.append(row)
        results["engines"][engine] = rows
    if len(engines) == 2:
        mismatches = [(a["family"], a["answer"], b["answer"])
                      for a, b in zip(results["engines"]["pg"], results["engines"]["sqlite"]) if a["answer"] != b["answer"]]
        results["answer_mismatches"] = mismatches
        for family, pg_answer, sqlite_answer in mismatches:
            print(f"MISMATCH family {family}: PostgreSQL {pg_answer}, SQLite {sqlite_answer}", file=sys.stderr)
    results["machine_end"] = machine()
    results["finished_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    pathlib.Path(cfg.out, "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))
    table = markdown(results)
    pathlib.Path(cfg.out, "results.md").write_text(table)
    print(table)
    return 1 if results.get("answer_mismatches") else 0


if __name__ == "__main__":
    sys.exit(main())
