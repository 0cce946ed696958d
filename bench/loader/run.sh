#!/usr/bin/env bash
# Loader benchmark: generate a data set, load it from JSON into a throwaway PostgreSQL with the
# streaming loader, compare with `psql \copy` of the same rows as CSV into the same (empty,
# indexed) tables on the same server (two rounds, each way into a fresh database, alternating),
# and load the JSON into SQLite too.
#   bench/loader/run.sh [VIDEOS]        (default 100000 videos ≈ 10M snapshots)
# Environment: BUILD (build directory with bench/loader/loader_bench, default build-release),
# WORK (scratch directory for the data files, default a fresh one under /tmp, removed at the end
# unless KEEP=1).
set -euo pipefail
videos=${1:-100000}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$root/build-release}
bench=$build/bench/loader/loader_bench
[ -x "$bench" ] || { echo "run.sh: $bench not found: cmake --preset release && cmake --build build-release --target loader_bench" >&2; exit 1; }
work=${WORK:-$(mktemp -d /tmp/videobot-loader-bench.XXXXXX)}
mkdir -p "$work"
chmod 755 "$work"
if [ "${KEEP:-0}" != 1 ] && [ -z "${WORK:-}" ]; then trap 'rm -rf "$work"' EXIT; fi

json=$work/videos_$videos.json
if [ ! -s "$json" ]; then
  echo "== generate $videos videos -> $json" >&2
  /usr/bin/time -f "generate: %e s, max RSS %M KB" "$bench" generate "$videos" 1 >"$json"
fi
echo "== input: $(du -h "$json" | cut -f1) ($(stat -c %s "$json") bytes)" >&2

export bench json work
"$root/scripts/with-postgres.sh" bash -euo pipefail -c '
  base=${VIDEOBOT_TEST_PG_ADMIN_URL%/*}
  psql -q "$VIDEOBOT_TEST_PG_ADMIN_URL" -c "CREATE DATABASE bench_json"

  echo "== videobot loader: JSON -> PostgreSQL, first load on a fresh server (also the CSV source)" >&2
  /usr/bin/time -v "$bench" load "$base/bench_json" "$json" 2>"$work/time_json.txt" | tee "$work/json.txt"
  grep -E "Maximum resident|Elapsed" "$work/time_json.txt"

  echo "== export the same rows as CSV" >&2
  psql -q "$base/bench_json" -c "\copy videos TO '\''$work/videos.csv'\'' CSV" \
                            -c "\copy video_snapshots TO '\''$work/snapshots.csv'\'' CSV"

  # The two ways alternate on a server that has already written as much, so that neither pays
  # alone for the first growth of the WAL and of the page cache.
  for round in 1 2; do
    psql -q "$VIDEOBOT_TEST_PG_ADMIN_URL" -c "CREATE DATABASE bench_csv_$round" -c "CREATE DATABASE bench_json_$round"
    "$bench" migrate "$base/bench_csv_$round"
    psql -q "$base/bench_csv_$round" -c CHECKPOINT
    echo "== round $round: psql \\copy CSV -> PostgreSQL (same empty indexed tables, one transaction)" >&2
    start=$(date +%s.%N)
    psql -q -v ON_ERROR_STOP=1 "$base/bench_csv_$round" -c "BEGIN" \
      -c "\copy videos FROM '\''$work/videos.csv'\'' CSV" \
      -c "\copy video_snapshots FROM '\''$work/snapshots.csv'\'' CSV" -c "COMMIT"
    end=$(date +%s.%N)
    rows=$(psql -qAt "$base/bench_csv_$round" -c "SELECT (SELECT count(*) FROM videos) + (SELECT count(*) FROM video_snapshots)")
    psql -q "$base/bench_csv_$round" -c CHECKPOINT
    echo "== round $round: videobot loader JSON -> PostgreSQL (rows, rollups, ANALYZE, VACUUM)" >&2
    "$bench" load "$base/bench_json_$round" "$json" | tee "$work/json_$round.txt"
    json_seconds=$(sed -E "s/.*seconds=([0-9.]+).*/\1/" "$work/json_$round.txt")
    python3 -c "
rows, start, end, json_seconds = $rows, $start, $end, $json_seconds
copy_seconds = end - start
print(f\"round $round copy: rows={rows} seconds={copy_seconds:.2f} rows_per_second={rows / copy_seconds:.0f}\")
print(f\"round $round ratio (JSON loader / raw CSV COPY): {copy_seconds / json_seconds:.2f}\")"
    psql -q "$VIDEOBOT_TEST_PG_ADMIN_URL" -c "DROP DATABASE bench_csv_$round" -c "DROP DATABASE bench_json_$round"
  done

  echo "== reload the same JSON (idempotent upsert over existing rows)" >&2
  "$bench" load "$base/bench_json" "$json"
'

echo "== videobot loader: JSON -> SQLite (prepared upserts, one transaction)" >&2
rm -f "$work/bench.db" "$work/bench.db-wal" "$work/bench.db-shm"
/usr/bin/time -v "$bench" load "sqlite:$work/bench.db" "$json" 2>"$work/time_sqlite.txt"
grep -E "Maximum resident|Elapsed" "$work/time_sqlite.txt"
