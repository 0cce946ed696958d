#!/usr/bin/env bash
# A 30-day daily growth series («прирост просмотров по дням за ноябрь 2025») at about 1M snapshots
# on SQLite and on PostgreSQL (a throwaway cluster), end to end through `videobot ask` with
# hyperfine, plus the compiled SQL of both paths (day rollup in UTC, raw snapshots in +03:00).
# Usage: BUILD=build bench/series/run.sh   (BUILD defaults to build-release)
#   DATA=FILE       load FILE (e.g. /tmp/perf/10m.json, `generate --videos 100000 --seed 11`) instead
#                   of generating the 8,500-video set
#   RUNS=N WARMUP=N hyperfine runs of the UTC series (default 30 and 3)
#   SLOW_RUNS=N SLOW_WARMUP=N  the same for the +03:00 series, a snapshot scan (default RUNS, WARMUP;
#                   at 10M one SQLite run takes minutes, so e.g. SLOW_RUNS=3 SLOW_WARMUP=0)
#   --sqlite-only   skip PostgreSQL
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
binary="$root/${BUILD:-build-release}/videobot"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
question="Покажи прирост просмотров по дням за ноябрь 2025"
export VIDEOBOT_NOW=2025-12-02T12:00:00Z VIDEOBOT_PLANNER=rules
runs="${RUNS:-30}" warmup="${WARMUP:-3}"
slow_runs="${SLOW_RUNS:-$runs}" slow_warmup="${SLOW_WARMUP:-$warmup}"
if [[ -n "${DATA:-}" ]]; then
  data="$DATA"
else
  data="$work/videos.json"
  "$binary" generate --videos 8500 --creators 200 --seed 7 > "$data"
fi
# hyperfine's run options for a zone: the +03:00 series scans the snapshots, so it may get fewer runs.
run_options() { if [[ "$1" == UTC ]]; then echo "--warmup $warmup --runs $runs"; else echo "--warmup $slow_warmup --runs $slow_runs"; fi; }
run_engine() {
  local url="$1" label="$2"
  DATABASE_URL="$url" /usr/bin/time -f 'load: %e s wall, %U s user, %S s system' "$binary" load "$data" 2>&1 | tail -2
  echo "== $label: $(DATABASE_URL="$url" "$binary" ask "$question" | wc -l) buckets"
  for tz in UTC +03:00; do
    DATABASE_URL="$url" VIDEOBOT_TZ="$tz" "$binary" sql "$question" | head -1
    DATABASE_URL="$url" VIDEOBOT_TZ="$tz" hyperfine -N $(run_options "$tz") --style basic \
      --command-name "$label $tz" "$binary ask '$question'" 2>&1 | grep -E "Time|Range"
  done
}
run_engine "sqlite:$work/series.db" sqlite
if [[ "${1:-}" != "--sqlite-only" ]]; then
  "$root/scripts/with-postgres.sh" bash -c "$(declare -f run_engine run_options); binary='$binary' data='$data' question='$question' \
    runs=$runs warmup=$warmup slow_runs=$slow_runs slow_warmup=$slow_warmup; \
    psql \"\$VIDEOBOT_TEST_PG_URL\" -qc 'SELECT 1' >/dev/null; run_engine \"\$VIDEOBOT_TEST_PG_URL\" postgres; \
    psql \"\$VIDEOBOT_TEST_PG_URL\" -qc 'VACUUM (ANALYZE)'; \
    for tz in UTC +03:00; do DATABASE_URL=\"\$VIDEOBOT_TEST_PG_URL\" VIDEOBOT_TZ=\$tz hyperfine -N \$(run_options \$tz) --style basic \
      --command-name \"postgres (after VACUUM ANALYZE) \$tz\" \"\$binary ask '\$question'\" 2>&1 | grep -E 'Time|Range'; done"
fi
