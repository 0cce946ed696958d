#!/usr/bin/env bash
# The benchmark suite in one command: builds the benchmarks and a Release videobot in build-bench/,
# then runs the chosen parts and prints their results (recorded in docs/benchmarks.md).
#   bench/run.sh [micro] [telegram] [loader] [queries]      (default: all four)
#     micro     offline parser, plan validation/compilation and chart rendering (Google Benchmark)
#     telegram  answered messages per second through a loopback fake Bot API (needs ../shared)
#     loader    JSON → PostgreSQL / SQLite against `psql \copy` (bench/loader/run.sh $LOADER_VIDEOS)
#     queries   one question of every family at ~10M snapshots on both engines (bench/queries/run.sh)
# Environment: BUILD (default build-bench), LOADER_VIDEOS (default 100000: ~10M snapshots),
# and those of bench/loader/run.sh and bench/queries/run.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=${BUILD:-$root/build-bench}
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(micro telegram loader queries)

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DVIDEOBOT_BUILD_BENCH=ON >/dev/null
cmake --build "$build" --target videobot nl_bench plan_bench chart_bench loader_bench bench_telegram_bot

echo "== machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for part in "${parts[@]}"; do
  echo "== $part"
  case $part in
    micro)
      "$build/bench/nl/nl_bench" --benchmark_repetitions=10 --benchmark_report_aggregates_only=true
      "$build/bench/plan/plan_bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
      "$build/bench/chart/chart_bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
      ;;
    telegram)
      data=$root/../shared/data/dev_videos.json
      questions=$root/../shared/questions/dev.tsv
      [ -f "$data" ] || { echo "bench: $data not found (telegram needs ../shared)" >&2; exit 1; }
      db=$(mktemp -d /tmp/videobot-bot-bench.XXXXXX)/bench.db
      "$build/videobot" --db "sqlite:$db" load "$data" >/dev/null
      "$build/bench/telegram/bench_telegram_bot" --binary "$build/videobot" --db "sqlite:$db" \
        --questions "$questions" --chats 100 --per-chat 30 --workers 4
      "$build/bench/telegram/bench_telegram_bot" --chats 100 --per-chat 30 --workers 4
      rm -rf "$(dirname "$db")"
      ;;
    loader) BUILD=$build "$root/bench/loader/run.sh" "${LOADER_VIDEOS:-100000}" ;;
    queries) BUILD=$build "$root/bench/queries/run.sh" ;;
    *) echo "bench: unknown part '$part' (micro, telegram, loader, queries)" >&2; exit 2 ;;
  esac
done
