#!/usr/bin/env bash
# One command from a fresh clone to a working product: installs the Debian packages, builds
# build/videobot, generates a sample data set, loads it into the embedded SQLite database
# (videobot.db) and answers a sample question. An existing videobot.db is kept (and said so);
# `--fresh` deletes it and loads the sample again.
set -euo pipefail
cd "$(dirname "$0")/.."
fresh=0
for arg in "$@"; do
  case "$arg" in
    --fresh) fresh=1 ;;
    -h|--help) echo "usage: scripts/setup.sh [--fresh]   (--fresh: delete videobot.db and load the sample again)"; exit 0 ;;
    *) echo "setup.sh: unknown argument $arg (expected --fresh)" >&2; exit 2 ;;
  esac
done
scripts/install-deps.sh
cmake --preset dev
cmake --build --preset dev --target videobot
if [ -e videobot.db ] && [ "$fresh" -eq 1 ]; then
  rm -f videobot.db videobot.db-wal videobot.db-shm
fi
if [ -e videobot.db ]; then
  echo "videobot.db exists: keeping it and its data (scripts/setup.sh --fresh recreates it with the sample)"
  build/videobot --db sqlite:videobot.db migrate
else
  build/videobot generate --seed 42 > build/sample_videos.json
  build/videobot --db sqlite:videobot.db migrate
  build/videobot --db sqlite:videobot.db load build/sample_videos.json
fi
question="Сколько всего видео есть в системе?"
echo "videobot ask \"$question\""
build/videobot --db sqlite:videobot.db ask "$question"
