#!/usr/bin/env bash
# Question latency at scale: generates a data set of about 10M snapshots, loads it with
# `videobot load` into SQLite and into a throwaway PostgreSQL 15 cluster (scripts/with-postgres.sh:
# fsync=off, synchronous_commit=off, shared_buffers=256MB), then measures one question of every
# family of DOMAIN.md on both engines (bench/queries/measure.py): `videobot ask` end to end with
# hyperfine, the compiled query alone, and EXPLAIN (ANALYZE, BUFFERS) / EXPLAIN QUERY PLAN.
#   bench/queries/run.sh
# Environment:
#   BUILD        build directory with a Release videobot (default build-scale)
#   WORK         scratch directory, kept between runs (default /tmp/videobot-queries-bench); its
#                SQLite database is reused when complete (delete WORK/bench.db to reload)
#   VIDEOS, CREATORS, SEED   the data set (default 103500, 2000, 7: about 10.0M snapshots)
#   RUNS, WARMUP repetitions per question and engine (default 30, 3)
#   PG_URL       measure this already loaded PostgreSQL database instead of loading a throwaway one
#   EXPLAIN_DIR  where the plans are written (default WORK/explain)
#   FAMILIES     comma-separated family numbers to measure (default all 15)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$root/build-scale}
videobot=$build/videobot
[ -x "$videobot" ] || {
  echo "run.sh: $videobot not found: cmake -S . -B build-scale -G Ninja -DCMAKE_BUILD_TYPE=Release" \
       "-DVIDEOBOT_BUILD_TESTS=OFF -DVIDEOBOT_BUILD_BENCH=OFF && cmake --build build-scale --target videobot" >&2
  exit 1
}
work=${WORK:-/tmp/videobot-queries-bench}
videos=${VIDEOS:-103500}
creators=${CREATORS:-2000}
seed=${SEED:-7}
mkdir -p "$work"
chmod 755 "$work"
generate=("$videobot" generate --videos "$videos" --creators "$creators" --seed "$seed")
data_set="videos=$videos creators=$creators seed=$seed"

echo "== machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# SQLite: generated straight into the loader (no 5 GB intermediate file).
db=$work/bench.db
if [ ! -s "$db" ] || [ "$(cat "$db.dataset" 2>/dev/null)" != "$data_set" ]; then
  rm -f "$db" "$db-wal" "$db-shm" "$db.dataset"
  echo "== generate ($data_set) | videobot load -> SQLite $db" >&2
  /usr/bin/time -f "sqlite load: %e s wall, max RSS %M KB" -o "$work/load_sqlite.txt" \
    bash -c "${generate[*]} | \"$videobot\" --db \"sqlite:$db\" load -"
  cat "$work/load_sqlite.txt" >&2
  echo "$data_set" >"$db.dataset"
fi
echo "== SQLite: $(du -h "$db" | cut -f1)" >&2

export videobot db work data_set root
export measure_args="--videobot $videobot --sqlite $db --runs ${RUNS:-30} --warmup ${WARMUP:-3} --out $work \
--explain-dir ${EXPLAIN_DIR:-$work/explain}${FAMILIES:+ --families $FAMILIES}"
export generate_cmd="${generate[*]}"

measure_postgres='
  set -euo pipefail
  count=$(psql -X -qAt "$PG_URL" -c "SELECT count(*) FROM video_snapshots" 2>/dev/null || echo 0)
  if [ "$count" = 0 ]; then
    echo "== generate ($data_set) | videobot load -> PostgreSQL" >&2
    /usr/bin/time -f "postgres load: %e s wall, max RSS %M KB" -o "$work/load_postgres.txt" \
      bash -c "$generate_cmd | \"$videobot\" --db \"$PG_URL\" load -"
    cat "$work/load_postgres.txt" >&2
    # What autovacuum does within minutes of a bulk load: statistics and the visibility map.
    psql -X -q "$PG_URL" -c "VACUUM (ANALYZE)"
  fi
  echo "== PostgreSQL: $(psql -X -qAt "$PG_URL" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")" >&2
  python3 "$root/bench/queries/measure.py" --pg "$PG_URL" $measure_args
'
if [ -n "${PG_URL:-}" ]; then
  PG_URL=$PG_URL bash -c "$measure_postgres"
else
  "$root/scripts/with-postgres.sh" bash -c 'PG_URL=$VIDEOBOT_TEST_PG_URL; export PG_URL; '"$measure_postgres"
fi
echo "== results: $work/results.md, $work/results.json" >&2
