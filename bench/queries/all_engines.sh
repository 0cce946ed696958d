#!/usr/bin/env bash
# One question of every family of DOMAIN.md on every engine named in the environment, in one run
# on the same data set (bench/queries/measure.py: `ask` with hyperfine, in-process, query alone),
# with one table of all engines side by side and a table per engine.
#   bench/queries/all_engines.sh [--load] DATA.json [RUNS]
# Engines (any subset, at least one):
#   PG_URL          postgresql://… of a PostgreSQL database
#   SQLITE_PATH     path of a SQLite database file
#   CH_URL          clickhouse://HOST:PORT/DB of a single ClickHouse server
#   CH_CLUSTER_URL  clickhouse://H1:P1,H2:P2/DB?cluster=NAME of a ClickHouse cluster
# Without --load nothing is loaded: every database must already hold DATA.json. With --load each
# is migrated and DATA.json is loaded into it first (`videobot load`, timed with /usr/bin/time:
# wall time and peak RSS, written to OUT/loads.txt); PostgreSQL then gets VACUUM (ANALYZE), what
# autovacuum does within minutes of a bulk load. Give empty databases to --load: into a loaded one
# the load is an upsert, and its time is not that of a first load.
# Other environment:
#   VIDEOBOT   the binary (default build-scale/videobot: a Release build)
#   OUT        results.md, results.json, loads.txt and explain/ (default /tmp/videobot-all-engines)
#   WARMUP     warm-up runs per question and engine (default 3); RUNS defaults to 30
#   FAMILIES   comma-separated family numbers (default all 15)
# With throwaway servers (scripts/with-clickhouse.sh, scripts/with-postgres.sh):
#   scripts/with-clickhouse.sh scripts/with-postgres.sh bash -c 'PG_URL=$VIDEOBOT_TEST_PG_URL \
#     CH_URL=$VIDEOBOT_TEST_CLICKHOUSE_URL CH_CLUSTER_URL=$VIDEOBOT_TEST_CLICKHOUSE_CLUSTER_URL \
#     SQLITE_PATH=/tmp/bench.db bench/queries/all_engines.sh --load /tmp/data.json'
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
load=false
if [ "${1:-}" = --load ]; then load=true; shift; fi
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: all_engines.sh [--load] DATA.json [RUNS]" >&2; exit 2; }
data=$1
runs=${2:-30}
videobot=${VIDEOBOT:-$root/build-scale/videobot}
out=${OUT:-/tmp/videobot-all-engines}
[ -x "$videobot" ] || { echo "all_engines.sh: $videobot not found (set VIDEOBOT)" >&2; exit 1; }
[ -f "$data" ] || { echo "all_engines.sh: $data not found" >&2; exit 1; }

# The engines given, each as NAME|DB_URL (for videobot --db)|MEASURE_FLAG|MEASURE_VALUE.
engines=()
[ -n "${PG_URL:-}" ] && engines+=("postgres|$PG_URL|--pg|$PG_URL")
[ -n "${SQLITE_PATH:-}" ] && engines+=("sqlite|sqlite:$SQLITE_PATH|--sqlite|$SQLITE_PATH")
[ -n "${CH_URL:-}" ] && engines+=("clickhouse|$CH_URL|--clickhouse|$CH_URL")
[ -n "${CH_CLUSTER_URL:-}" ] && engines+=("clickhouse-cluster|$CH_CLUSTER_URL|--clickhouse-cluster|$CH_CLUSTER_URL")
[ ${#engines[@]} -gt 0 ] || { echo "all_engines.sh: set PG_URL, SQLITE_PATH, CH_URL and/or CH_CLUSTER_URL" >&2; exit 2; }

mkdir -p "$out"
echo "== machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "== data set: $data" >&2

# load_into NAME DB_URL: migrate, then load DATA.json with wall time and peak RSS.
load_into() {
  "$videobot" --db "$2" migrate >/dev/null
  echo "== load $(basename "$data") -> $1" >&2
  /usr/bin/time -f "$1 load: %e s wall, %M KB peak RSS" -a -o "$out/loads.txt" "$videobot" --db "$2" load "$data" >&2
  tail -n 1 "$out/loads.txt" >&2
  if [ "$1" = postgres ]; then psql -X -q "$2" -c "VACUUM (ANALYZE)"; fi
}

measure_args=()
if $load; then : >"$out/loads.txt"; fi
for entry in "${engines[@]}"; do
  IFS='|' read -r name db_url flag value <<<"$entry"
  if $load; then load_into "$name" "$db_url"; fi
  measure_args+=("$flag" "$value")
done

# measure.py exits 1 when engines disagree (it says which families): the tables are written anyway.
status=0
python3 "$root/bench/queries/measure.py" --videobot "$videobot" "${measure_args[@]}" --runs "$runs" \
  --warmup "${WARMUP:-3}" --out "$out" ${FAMILIES:+--families "$FAMILIES"} || status=$?
echo "== results: $out/results.md, $out/results.json$($load && echo ", loads: $out/loads.txt")" >&2
exit $status
