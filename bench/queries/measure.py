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


def explain(cfg, engine, family, question, template, sql_text):
    if engine == "pg":
        plan = psql(cfg.pg, f"EXPLAIN (ANALYZE, BUFFERS) {sql_text};\n")
    else:
        plan = sqlite(cfg.sqlite, f"EXPLAIN QUERY PLAN {sql_text};\n")
    path = pathlib.Path(cfg.explain_dir) / f"{engine}_{family:02d}.txt"
    path.write_text(f"-- family {family}: {question}\n-- compiled: {template}\n-- bound:    {sql_text}\n\n{plan}")
    return access_paths(plan), plan


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
                  "| # | target | `ask` median | `ask` p99 | `ask` CPU | query median | query p99 | met | answer | access path |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for row in rows:
            e2e, q = row["end_to_end"], row["query"]
            met = "yes" if e2e["median_ms"] < row["target_ms"] else "**no**"
            lines.append(f"| {row['family']} | {row['class']} < {row['target_ms']} ms | {e2e['median_ms']:.1f} ms | "
                         f"{e2e['p99_ms']:.1f} ms | {e2e['cpu_ms']:.1f} ms | {q['median_ms']:.2f} ms | {q['p99_ms']:.2f} ms | {met} | "
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
    parser.add_argument("--families", default="", help="comma-separated family numbers (default: all)")
    parser.add_argument("--out", default=".")
    parser.add_argument("--explain-dir", default=None)
    cfg = parser.parse_args()
    engines = [e for e, on in (("pg", cfg.pg), ("sqlite", cfg.sqlite)) if on]
    if not engines:
        parser.error("give --pg and/or --sqlite")
    cfg.explain_dir = cfg.explain_dir or os.path.join(cfg.out, "explain")
    pathlib.Path(cfg.explain_dir).mkdir(parents=True, exist_ok=True)
    pathlib.Path(cfg.out).mkdir(parents=True, exist_ok=True)
    wanted = {int(f) for f in cfg.families.split(",") if f}

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
            row = {"family": family, "class": kind, "target_ms": TARGET_MS[kind], "question": question,
                   "sql": template, "answer": answer(cfg, engine, question), "access": access,
                   "query": query_alone(cfg, engine, sql_text), "end_to_end": end_to_end(cfg, engine, question)}
            print(f"{engine} {family:2d}: ask median {row['end_to_end']['median_ms']:8.1f} ms, p99 "
                  f"{row['end_to_end']['p99_ms']:8.1f} ms; query median {row['query']['median_ms']:8.2f} ms; "
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
