#!/usr/bin/env bash
# Runs the whole test suite: builds, starts a throwaway PostgreSQL cluster and ClickHouse servers
# (scripts/with-clickhouse.sh), runs every test
# (unit, golden cases, integration against PostgreSQL, SQLite and loopback fake servers) and
# stops the cluster. Under CI (CI=true) warnings are errors and the layout of every C++ file is
# checked against .clang-format (scripts/check-style.sh). VIDEOBOT_ASAN=1 also runs the whole
# suite under AddressSanitizer + UndefinedBehaviorSanitizer (preset asan, build-asan/).
# VIDEOBOT_CONTAINER_TEST=1 also builds and runs the container image (scripts/container-test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=dev
if [ "${CI:-}" = "true" ] || [ "${CI:-}" = "1" ]; then preset=ci; fi
preset=${VIDEOBOT_PRESET:-$preset}

if [ "$preset" = "ci" ]; then
  scripts/check-style.sh  # every C++ file as .clang-format lays it out
fi
cmake --preset "$preset"
cmake --build --preset "$preset"
scripts/with-clickhouse.sh scripts/with-postgres.sh ctest --preset "$preset"

if [ "${VIDEOBOT_ASAN:-0}" = "1" ]; then
  cmake --preset asan
  cmake --build --preset asan
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    scripts/with-clickhouse.sh scripts/with-postgres.sh ctest --preset asan
fi

if [ "${VIDEOBOT_CONTAINER_TEST:-0}" = "1" ]; then
  scripts/container-test.sh
fi
