#!/usr/bin/env bash
# A 30-day daily growth series («прирост просмотров по дням за ноябрь 2025») at about 1M snapshots
# on SQLite and on PostgreSQL (a throwaway cluster), end to end through `videobot ask` with
# hyperfine, plus the compiled SQL of both paths (day rollup in UTC, raw snapshots in +03:00).
# Usage: BUILD=build bench/series/run.sh   (BUILD defaults to build-release)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
binary="$root/${BUILD:-build-release}/videobot"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
question="Покажи прирост просмотров по дням за ноябрь 2025"
export VIDEOBOT_NOW=2025-12-02T12:00:00Z VIDEOBOT_PLANNER=rules
"$binary" generate --videos 8500 --creators 200 --seed 7 > "$work/videos.json"
run_engine() {
  local url="$1" label="$2"
  DATABASE_URL="$url" "$binary" load "$work/videos.json" | tail -1
  echo "== $label: $(DATABASE_URL="$url" "$binary" ask "$question" | wc -l) buckets"
  for tz in UTC +03:00; do
    DATABASE_URL="$url" VIDEOBOT_TZ="$tz" "$binary" sql "$question" | head -1
    DATABASE_URL="$url" VIDEOBOT_TZ="$tz" hyperfine -N --warmup 3 --runs 30 --style basic \
      --command-name "$label $tz" "$binary ask '$question'" 2>&1 | grep -E "Time|Range"
  done
}
run_engine "sqlite:$work/series.db" sqlite
if [[ "${1:-}" != "--sqlite-only" ]]; then
  "$root/scripts/with-postgres.sh" bash -c "$(declare -f run_engine); binary='$binary' work='$work' question='$question'; \
    psql \"\$VIDEOBOT_TEST_PG_URL\" -qc 'SELECT 1' >/dev/null; run_engine \"\$VIDEOBOT_TEST_PG_URL\" postgres; \
    psql \"\$VIDEOBOT_TEST_PG_URL\" -qc 'VACUUM (ANALYZE)'; \
    for tz in UTC +03:00; do DATABASE_URL=\"\$VIDEOBOT_TEST_PG_URL\" VIDEOBOT_TZ=\$tz hyperfine -N --warmup 3 --runs 30 --style basic \
      --command-name \"postgres (after VACUUM ANALYZE) \$tz\" \"\$binary ask '\$question'\" 2>&1 | grep -E 'Time|Range'; done"
fi
