#!/usr/bin/env bash
# Rewrites the expectations of the golden records (tests/cases/golden) with what the product now
# gives — plans, refusals, SQL per engine, replies — on every engine (throwaway PostgreSQL and
# ClickHouse servers are started and stopped). Review the diff before committing.
# Usage: scripts/update-golden.sh [gtest filter, e.g. 'Cases/GoldenFile.EveryRecordHolds/03_growth']
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${VIDEOBOT_PRESET:-dev}
cmake --preset "$preset" > /dev/null
cmake --build --preset "$preset" --target golden_tests
case "$preset" in
  asan) build_dir=build-asan ;;
  release) build_dir=build-release ;;
  *) build_dir=build ;;
esac
binary=$build_dir/tests/integration/golden/golden_tests
filter=${1:-'*'}
scripts/with-clickhouse.sh scripts/with-postgres.sh "$binary" --update --gtest_filter="$filter"
git --no-pager diff --stat -- tests/cases/golden
