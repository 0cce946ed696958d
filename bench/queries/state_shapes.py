#!/usr/bin/env python3
"""Query shapes for counters as of a moment («сколько просмотров было на 28 ноября»), compared on
one loaded data set: each shape answers the same questions; the script checks that the answers
agree and prints the median time of each (ms).

  bench/queries/state_shapes.py --sqlite FILE [--pg URL] [--runs 7]

SQLite is timed through Python's sqlite3, PostgreSQL in one psql session (\\timing). The moment is
the end of 28 November 2025 (UTC) and 10:00 that day, inside the generator's default tracking
window; the one-creator questions use the creator with the most videos.
"""
import argparse
import re
import sqlite3
import statistics
import subprocess
import time

END_OF_DAY_US = 1764374400000000  # 2025-11-29T00:00:00Z
TEN_AM_US = 1764324000000001      # 2025-11-28T10:00:00Z + 1 µs (that instant included)
END_OF_DAY_PG = "'2025-11-29 00:00:00+00'::timestamptz"
TEN_AM_PG = "'2025-11-28 10:00:00.000001+00'::timestamptz"


def state(column, moment, tie_break=""):
    return (f"COALESCE((SELECT s.{column} FROM video_snapshots s WHERE s.video_id = v.id AND s.created_at < {moment} "
            f"ORDER BY s.created_at DESC{tie_break} LIMIT 1), 0)")


def sqlite_shapes(creator):
    m, t = "?1", "?1"
    return {
        "sum views, all videos": {
            "correlated subquery (chosen)": (f"SELECT COALESCE(SUM({state('views_count', m)}), 0) FROM videos v "
                                             f"WHERE v.video_created_at < {m}", END_OF_DAY_US),
            "correlated subquery, ties by id": (f"SELECT COALESCE(SUM({state('views_count', m, ', s.id DESC')}), 0) "
                                                f"FROM videos v WHERE v.video_created_at < {m}", END_OF_DAY_US),
            "GROUP BY video_id MAX(created_at) join": (
                "SELECT COALESCE(SUM(s.views_count), 0) FROM (SELECT video_id, MAX(created_at) AS at FROM video_snapshots "
                f"WHERE created_at < {m} GROUP BY video_id) l JOIN video_snapshots s ON s.video_id = l.video_id AND "
                f"s.created_at = l.at JOIN videos v ON v.id = l.video_id WHERE v.video_created_at < {m}", END_OF_DAY_US),
            "bare column with MAX (SQLite)": (
                "SELECT COALESCE(SUM(x.views_count), 0) FROM (SELECT video_id, views_count, MAX(created_at) FROM "
                f"video_snapshots WHERE created_at < {m} GROUP BY video_id) x JOIN videos v ON v.id = x.video_id "
                f"WHERE v.video_created_at < {m}", END_OF_DAY_US),
        },
        "videos over 1000 views at 10:00": {
            "correlated subquery (chosen)": (f"SELECT COUNT(*) FROM videos v WHERE v.video_created_at < {t} AND "
                                             f"{state('views_count', t)} > 1000", TEN_AM_US),
            "GROUP BY video_id MAX(created_at) join": (
                "SELECT COUNT(*) FROM (SELECT video_id, MAX(created_at) AS at FROM video_snapshots "
                f"WHERE created_at < {t} GROUP BY video_id) l JOIN video_snapshots s ON s.video_id = l.video_id AND "
                f"s.created_at = l.at JOIN videos v ON v.id = l.video_id WHERE v.video_created_at < {t} AND "
                "s.views_count > 1000", TEN_AM_US),
        },
        "sum views, one creator": {
            "correlated subquery (chosen)": (f"SELECT COALESCE(SUM({state('views_count', m)}), 0) FROM videos v "
                                             f"WHERE v.video_created_at < {m} AND v.creator_id IN ('{creator}')",
                                             END_OF_DAY_US),
            "GROUP BY video_id MAX(created_at) join": (
                "SELECT COALESCE(SUM(s.views_count), 0) FROM videos v JOIN (SELECT video_id, MAX(created_at) AS at FROM "
                f"video_snapshots WHERE created_at < {m} GROUP BY video_id) l ON l.video_id = v.id JOIN video_snapshots s "
                f"ON s.video_id = l.video_id AND s.created_at = l.at WHERE v.video_created_at < {m} AND "
                f"v.creator_id IN ('{creator}')", END_OF_DAY_US),
        },
    }


def pg_shapes(creator):
    m, t = END_OF_DAY_PG, TEN_AM_PG

    def distinct_on(moment, column="views_count"):
        return (f"(SELECT DISTINCT ON (s.video_id) s.video_id, s.{column} FROM video_snapshots s WHERE s.created_at < "
                f"{moment} ORDER BY s.video_id, s.created_at DESC) x")

    def lateral(moment):
        return (f"LEFT JOIN LATERAL (SELECT s.views_count FROM video_snapshots s WHERE s.video_id = v.id AND "
                f"s.created_at < {moment} ORDER BY s.created_at DESC LIMIT 1) l ON true")

    return {
        "sum views, all videos": {
            "correlated subquery (chosen)": f"SELECT COALESCE(SUM({state('views_count', m)}), 0)::bigint FROM videos v "
                                            f"WHERE v.video_created_at < {m}",
            "correlated subquery, ties by id": f"SELECT COALESCE(SUM({state('views_count', m, ', s.id DESC')}), 0)::bigint "
                                               f"FROM videos v WHERE v.video_created_at < {m}",
            "LEFT JOIN LATERAL": f"SELECT COALESCE(SUM(COALESCE(l.views_count, 0)), 0)::bigint FROM videos v {lateral(m)} "
                                 f"WHERE v.video_created_at < {m}",
            "DISTINCT ON": f"SELECT COALESCE(SUM(x.views_count), 0)::bigint FROM {distinct_on(m)} JOIN videos v ON "
                           f"v.id = x.video_id WHERE v.video_created_at < {m}",
        },
        "videos over 1000 views at 10:00": {
            "correlated subquery (chosen)": f"SELECT COUNT(*) FROM videos v WHERE v.video_created_at < {t} AND "
                                            f"{state('views_count', t)} > 1000",
            "DISTINCT ON": f"SELECT COUNT(*) FROM {distinct_on(t)} JOIN videos v ON v.id = x.video_id WHERE "
                           f"v.video_created_at < {t} AND x.views_count > 1000",
        },
        "sum views, one creator": {
            "correlated subquery (chosen)": f"SELECT COALESCE(SUM({state('views_count', m)}), 0)::bigint FROM videos v "
                                            f"WHERE v.video_created_at < {m} AND v.creator_id IN ('{creator}')",
            "LEFT JOIN LATERAL": f"SELECT COALESCE(SUM(COALESCE(l.views_count, 0)), 0)::bigint FROM videos v {lateral(m)} "
                                 f"WHERE v.video_created_at < {m} AND v.creator_id IN ('{creator}')",
            "DISTINCT ON": f"SELECT COALESCE(SUM(x.views_count), 0)::bigint FROM {distinct_on(m)} JOIN videos v ON "
                           f"v.id = x.video_id WHERE v.video_created_at < {m} AND v.creator_id IN ('{creator}')",
        },
    }


def time_sqlite(path, sql, param, runs):
    con = sqlite3.connect(path)
    answer = con.execute(sql, (param,)).fetchone()[0]  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        value = con.execute(sql, (param,)).fetchone()[0]
        times.append((time.perf_counter() - start) * 1000)
        assert value == answer
    return answer, statistics.median(times)


def time_pg(url, sql, runs):
    script = "\\timing on\n" + (sql + ";\n") * (runs + 1)
    out = subprocess.run(["psql", "-X", "-qAt", url], input=script, capture_output=True, text=True, check=True).stdout
    values = [line for line in out.splitlines() if not line.startswith("Time")]
    times = [float(x) for x in re.findall(r"Time: ([0-9.]+) ms", out)][1:]
    assert len(set(values)) == 1, values
    return int(values[0]), statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sqlite", required=True)
    parser.add_argument("--pg")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    con = sqlite3.connect(args.sqlite)
    creator = con.execute("SELECT creator_id FROM videos GROUP BY creator_id ORDER BY COUNT(*) DESC, creator_id LIMIT 1"
                          ).fetchone()[0]
    videos, snapshots = (con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("videos", "video_snapshots"))
    print(f"data: {videos} videos, {snapshots} snapshots; creator {creator}")
    answers = {}
    for question, shapes in sqlite_shapes(creator).items():
        for name, (sql, param) in shapes.items():
            answer, ms = time_sqlite(args.sqlite, sql, param, args.runs)
            answers.setdefault(question, set()).add(answer)
            print(f"sqlite   | {question} | {name} | {ms:.2f} ms | answer {answer}")
    if args.pg:
        for question, shapes in pg_shapes(creator).items():
            for name, sql in shapes.items():
                answer, ms = time_pg(args.pg, sql, args.runs)
                answers.setdefault(question, set()).add(answer)
                print(f"postgres | {question} | {name} | {ms:.2f} ms | answer {answer}")
    for question, values in answers.items():
        print(f"{question}: {'answers agree' if len(values) == 1 else 'ANSWERS DIFFER ' + str(values)}")


if __name__ == "__main__":
    main()
