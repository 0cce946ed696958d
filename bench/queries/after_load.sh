#!/usr/bin/env bash
# Families 9 (one creator's growth 10:00–15:00 on one day) and 6 (distinct videos with new views
# on one day), and the 30-day daily growth series in UTC and in +03:00, on PostgreSQL measured right
# after a load, as a whole `videobot ask` process each, with
# farm-bench (median of RUNS). Run inside scripts/with-postgres.sh (a fresh cluster: autovacuum on,
# as in production). The load itself is timed with /usr/bin/time; family 1 (all videos, one index-only
# count) gives the floor every question pays: process start-up and a new connection.
#   scripts/with-postgres.sh bench/queries/after_load.sh BINARY JSON [RUNS]
# JSON: a generated file, e.g. `videobot generate --videos 10000 --seed 11 > /tmp/1m.json`.
set -euo pipefail
binary=$1
json=$2
runs=${3:-9}
url=${VIDEOBOT_TEST_PG_URL:?run inside scripts/with-postgres.sh}
now=2025-12-01T12:00:00Z

"$binary" --db "$url" migrate >/dev/null
echo "== load $(basename "$json") with $binary"
/usr/bin/time -f 'load: %e s wall, %M KB peak RSS' "$binary" --db "$url" load "$json"
creator=$(psql -qAt "$url" -c "SELECT creator_id FROM videos WHERE video_created_at >= '2025-11-01'
  GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
family9="На сколько просмотров суммарно выросли все видео креатора с id $creator в промежутке с 10:00 до 15:00 28 ноября 2025 года?"
family6="Сколько разных видео получали новые просмотры 27 ноября 2025?"
family1="Сколько всего видео есть в системе?"   # the floor: start-up, connection, a trivial query
for family in 9 6 1; do
  question=family$family
  echo "== family $family: $("$binary" --db "$url" --now "$now" ask "${!question}")"
  farm-bench -n "$runs" -- "$binary" --db "$url" --now "$now" ask "${!question}" | grep -E 'wall|exit'
done
series="Покажи прирост просмотров по дням за ноябрь 2025"
for tz in UTC +03:00; do
  echo "== series by day, $tz: $("$binary" --db "$url" --now "$now" --tz "$tz" ask "$series" | wc -l) lines"
  farm-bench -n "$runs" -- "$binary" --db "$url" --now "$now" --tz "$tz" ask "$series" | grep -E 'wall|exit'
done
