#!/bin/sh
# Times `videobot load` against `videobot load --replace` at about 1M snapshots, on SQLite and
# on a throwaway PostgreSQL cluster, with /usr/bin/time (seconds, peak RSS in KB).
# Usage: bench/loader/replace.sh [VIDEOBOT_BINARY]   (default build/videobot)
# Run it inside scripts/with-postgres.sh, which provides VIDEOBOT_TEST_PG_ADMIN_URL:
#   scripts/with-postgres.sh bench/loader/replace.sh
set -eu
binary=$(realpath "${1:-build/videobot}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$binary" generate --videos 10000 --creators 300 --seed 11 > a.json
"$binary" generate --videos 10000 --creators 300 --seed 12 > b.json
timed() { /usr/bin/time -f '%e s, peak RSS %M KB' "$binary" --db "$url" "$@"; }
for engine in ${ENGINES:-sqlite postgres}; do
  if [ "$engine" = sqlite ]; then
    url="sqlite:$work/replace.db"
  else
    psql "$VIDEOBOT_TEST_PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS replace_bench" -c "CREATE DATABASE replace_bench"
    url=$(echo "$VIDEOBOT_TEST_PG_ADMIN_URL" | sed 's#/postgres$#/replace_bench#')
  fi
  echo "== $engine (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "load a.json into an empty database:"; timed load a.json
  echo "load a.json again (upsert):"; timed load a.json
  echo "load --replace a.json (the same file, nothing to remove):"; timed load --replace a.json
  echo "load --replace b.json (another 10,000 videos: all stored ones removed):"; timed load --replace b.json
done
