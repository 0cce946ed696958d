#!/usr/bin/env bash
# Runs the whole test suite: builds, starts a throwaway PostgreSQL cluster and ClickHouse servers
# (scripts/with-clickhouse.sh), runs every test
# (unit, golden cases, integration against PostgreSQL, SQLite and loopback fake servers) and
# stops the cluster. Under CI (CI=true) warnings are errors, the layout of every C++ file is
# checked against .clang-format (scripts/check-style.sh), and clang-tidy checks every source of
# src and app against .clang-tidy (scripts/check-tidy.sh) at the lowest priority beside the rest,
# so it takes the time the test runs leave idle waiting on servers and timeouts; its findings
# fail the run at the end. VIDEOBOT_ASAN=1 also runs the whole suite under AddressSanitizer +
# UndefinedBehaviorSanitizer (preset asan, build-asan/).
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
tidy_pid=
if [ "$preset" = "ci" ]; then
  tidy_log=build/clang-tidy.log
  setsid nice -n 19 scripts/check-tidy.sh build >"$tidy_log" 2>&1 &
  tidy_pid=$!
  trap 'kill -- "-$tidy_pid" 2>/dev/null || true' EXIT
fi
scripts/with-clickhouse.sh scripts/with-postgres.sh ctest --preset "$preset"

if [ "${VIDEOBOT_ASAN:-0}" = "1" ]; then
  cmake --preset asan
  cmake --build --preset asan
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    scripts/with-clickhouse.sh scripts/with-postgres.sh ctest --preset asan
fi

if [ -n "$tidy_pid" ]; then
  if ! wait "$tidy_pid"; then
    grep -E 'error:|warning:' "$tidy_log" | sort -u
    echo "clang-tidy found the problems above (whole output in $tidy_log)" >&2
    exit 1
  fi
  trap - EXIT
  echo "clang-tidy: no findings"
fi

if [ "${VIDEOBOT_CONTAINER_TEST:-0}" = "1" ]; then
  scripts/container-test.sh
fi
