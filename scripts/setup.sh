#!/usr/bin/env bash
# One command from a fresh clone to a working product: installs the Debian packages, builds
# build/videobot, generates a sample data set, loads it into the embedded SQLite database
# (videobot.db) and answers a sample question.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset dev
cmake --build --preset dev --target videobot
build/videobot generate --seed 42 > build/sample_videos.json
rm -f videobot.db videobot.db-wal videobot.db-shm
build/videobot --db sqlite:videobot.db migrate
build/videobot --db sqlite:videobot.db load build/sample_videos.json
question="Сколько всего видео есть в системе?"
echo "videobot ask \"$question\""
build/videobot --db sqlite:videobot.db ask "$question"
