#!/usr/bin/env bash
# Builds the container image from the Dockerfile and runs it for real, with podman:
#   1. on the embedded default (SQLite in a volume): generate 50 videos | load -, then ask how many
#      videos there are: the answer must be 50; the package's postinst runs again without harm;
#   2. against PostgreSQL 15 (a container on the host network): the same question, the same answer;
#   3. compose.yaml under podman-compose (every service on the host network, the bot pointed at a
#      fake Bot API): the one-shot load exits 0, the bot reaches getUpdates and answers a question
#      through PostgreSQL with 50.
# Everything it starts is removed when it ends (trap). Prints the total time and the image size.
#   scripts/container-test.sh
# Machine recipe (podman with runc and cgroupfs, base images from the Debian archive, host
# network) is in docs/install.md. Packages: podman runc mmdebstrap uidmap podman-compose.
# VIDEOBOT_BASE_TAR=FILE keeps the mmdebstrap tarball of the base image between runs.
# podman-compose 1.0.3 (Debian bookworm) ignores depends_on conditions, so step 3 starts the
# services in compose.yaml's order itself: postgres until healthy, load until it exits, then bot.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$(pwd)
started=$(date +%s)
question="Сколько всего видео есть в системе?"
videos=50
image=videobot:test
base_image=docker.io/library/debian:bookworm-slim
pg_image=docker.io/library/postgres:15

say() { printf '[container-test %3ds] %s\n' "$(($(date +%s) - started))" "$*" >&2; }
fail() { say "FAIL: $*"; exit 1; }

for tool in podman podman-compose runc mmdebstrap python3; do
  command -v "$tool" >/dev/null || fail "$tool not found (apt-get install podman runc mmdebstrap uidmap podman-compose)"
done

work=$(mktemp -d /tmp/videobot-container-test.XXXXXX)
suffix=$$
project=videobottest$suffix
data_volume=videobot-test-data-$suffix
pg_container=videobot-test-pg-$suffix
fake_pid=""

# --- podman configuration: runc, cgroupfs, no default ulimits -----------------------------------------
cat >"$work/containers.conf" <<'CONF'
[containers]
default_ulimits = []
[engine]
cgroup_manager = "cgroupfs"
runtime = "runc"
CONF
export CONTAINERS_CONF="$work/containers.conf"

# podman-compose 1.0.3 passes its project network (--net NAME --network-alias SERVICE) even to a
# service with network_mode: host, which podman refuses; this wrapper drops that pair then.
cat >"$work/podman-host-net" <<'WRAPPER'
#!/usr/bin/env bash
args=("$@")
case " ${args[*]} " in
  *" --network host "*)
    kept=()
    for ((i = 0; i < ${#args[@]}; i++)); do
      case "${args[i]}" in
        --net|--network-alias) i=$((i + 1)) ;;
        *) kept+=("${args[i]}") ;;
      esac
    done
    args=("${kept[@]}") ;;
esac
exec podman "${args[@]}"
WRAPPER
chmod +x "$work/podman-host-net"

compose() {
  podman-compose --podman-path "$work/podman-host-net" -p "$project" \
    -f "$work/compose/compose.yaml" -f "$work/compose/override.yaml" "$@"
}

cleanup() {
  set +e
  # -v: also the anonymous volumes of the images' VOLUME directories.
  podman rm -f -v "$pg_container" >/dev/null 2>&1
  podman rm -f -v $(podman ps -aq --filter "label=io.podman.compose.project=$project") >/dev/null 2>&1
  if [ -f "$work/compose/override.yaml" ]; then
    compose down -v >"$work/compose-down.log" 2>&1
  fi
  podman volume rm -f "$data_volume" >/dev/null 2>&1
  podman volume rm -f $(podman volume ls -q --filter "label=io.podman.compose.project=$project") >/dev/null 2>&1
  podman network rm -f "${project}_default" >/dev/null 2>&1
  [ -n "$fake_pid" ] && kill "$fake_pid" 2>/dev/null && wait "$fake_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits up to SECONDS for COMMAND to succeed.
wait_for() {
  local seconds=$1
  shift
  local deadline=$(($(date +%s) + seconds))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 1
  done
}

# --- Images --------------------------------------------------------------------------------------
if ! podman image exists "$base_image"; then
  base_tar=${VIDEOBOT_BASE_TAR:-$work/bookworm.tar}
  if [ ! -s "$base_tar" ]; then
    say "building the base image with mmdebstrap (minbase bookworm)"
    mmdebstrap --variant=minbase --quiet bookworm "$base_tar"
  fi
  podman import "$base_tar" "$base_image" >/dev/null 2>&1
fi

say "building $image from the Dockerfile"
# Docker image format: the OCI format podman defaults to has no HEALTHCHECK.
podman build --format docker --network=host -t "$image" . >"$work/build.log" 2>&1 || { tail -50 "$work/build.log" >&2; fail "podman build"; }
say "building the PostgreSQL 15 stand-in tagged $pg_image"
podman build --format docker --network=host -t "$pg_image" tests/containers/postgres >"$work/build-pg.log" 2>&1 \
  || { tail -50 "$work/build-pg.log" >&2; fail "podman build (postgres)"; }

[ "$(podman image inspect --format '{{.Config.User}}' "$image")" = videobot ] || fail "the image does not run as videobot"

run() { podman run --rm --network=host "$@"; }

# --- 1. The embedded default: SQLite in a volume ---------------------------------------------------
say "1. embedded SQLite in volume $data_volume"
run -v "$data_volume:/var/lib/videobot" "$image" generate --videos "$videos" \
  | run -i -v "$data_volume:/var/lib/videobot" "$image" load - >"$work/load1.log" 2>&1 \
  || { cat "$work/load1.log" >&2; fail "load into the volume"; }
answer=$(run -v "$data_volume:/var/lib/videobot" "$image" ask "$question") || fail "ask on SQLite"
[ "$answer" = "$videos" ] || fail "ask on SQLite answered '$answer', expected $videos"
say "ok: SQLite answers $answer"
run --user root --entrypoint /bin/sh "$image" -c \
  '/var/lib/dpkg/info/videobot.postinst configure && /var/lib/dpkg/info/videobot.postinst configure &&
   [ "$(stat -c %U:%G /var/lib/videobot)" = videobot:videobot ] && [ "$(stat -c %G /etc/videobot/videobot.env)" = videobot ]' \
  || fail "the postinst is not idempotent"
say "ok: postinst runs again without harm"

# --- 2. PostgreSQL -----------------------------------------------------------------------------------
pg_port=$(free_port)
say "2. PostgreSQL 15 on 127.0.0.1:$pg_port"
podman run -d --name "$pg_container" --network=host -e PGPORT="$pg_port" -e POSTGRES_USER=videobot \
  -e POSTGRES_PASSWORD=secret -e POSTGRES_DB=videobot "$pg_image" postgres -c listen_addresses=127.0.0.1 >/dev/null
wait_for 120 podman exec "$pg_container" pg_isready -h 127.0.0.1 -U videobot -d videobot || { podman logs "$pg_container" >&2; fail "PostgreSQL did not start"; }
pg_url="postgresql://videobot:secret@127.0.0.1:$pg_port/videobot"
run "$image" generate --videos "$videos" | run -i -e DATABASE_URL="$pg_url" "$image" load - >"$work/load2.log" 2>&1 \
  || { cat "$work/load2.log" >&2; fail "load into PostgreSQL"; }
answer=$(run -e DATABASE_URL="$pg_url" "$image" ask "$question") || fail "ask on PostgreSQL"
[ "$answer" = "$videos" ] || fail "ask on PostgreSQL answered '$answer', expected $videos"
say "ok: PostgreSQL answers $answer"
podman rm -f -v "$pg_container" >/dev/null

# --- 3. compose.yaml ---------------------------------------------------------------------------------
mkdir -p "$work/compose"
cp compose.yaml "$work/compose/compose.yaml"
run "$image" generate --videos "$videos" >"$work/compose/videos.json"
chmod 0644 "$work/compose/videos.json"
python3 tests/containers/fake_bot_api.py "$work/bot-port" "$work/bot-api.log" "$question" &
fake_pid=$!
wait_for 30 test -s "$work/bot-port" || fail "the fake Bot API did not start"
bot_port=$(cat "$work/bot-port")
pg_port=$(free_port)
http_port=$(free_port)
cp .env.example "$work/compose/.env"
cat >>"$work/compose/.env" <<ENV
BOT_TOKEN=123456:TEST
TELEGRAM_API_URL=http://127.0.0.1:$bot_port
BOT_POLL_TIMEOUT_SECONDS=1
POSTGRES_PASSWORD=composesecret
ENV
# Everything on the host network (no DNS between services here), the image built above, free ports.
cat >"$work/compose/override.yaml" <<YAML
services:
  postgres:
    network_mode: host
    environment:
      PGPORT: "$pg_port"
    command: ["postgres", "-c", "listen_addresses=127.0.0.1"]
  load:
    image: $image
    network_mode: host
    environment:
      DATABASE_URL: postgresql://videobot:composesecret@127.0.0.1:$pg_port/videobot
  bot:
    image: $image
    network_mode: host
    environment:
      DATABASE_URL: postgresql://videobot:composesecret@127.0.0.1:$pg_port/videobot
      VIDEOBOT_HTTP_ADDR: 127.0.0.1:$http_port
YAML
say "3. compose.yaml (project $project, PostgreSQL on $pg_port, fake Bot API on $bot_port)"
compose up -d --no-build postgres >"$work/compose-postgres.log" 2>&1 || { cat "$work/compose-postgres.log" >&2; fail "compose up postgres"; }
wait_for 120 podman healthcheck run "${project}_postgres_1" \
  || { podman logs "${project}_postgres_1" >&2; fail "the postgres service did not become healthy"; }
say "ok: postgres is healthy"
compose up -d --no-build --no-deps load >"$work/compose-load.log" 2>&1 || { cat "$work/compose-load.log" >&2; fail "compose up load"; }
load_status=$(podman wait "${project}_load_1")
podman logs "${project}_load_1" >"$work/load3.log" 2>&1
[ "$load_status" = 0 ] || { cat "$work/load3.log" >&2; fail "the load service exited with $load_status"; }
say "ok: the load service exited 0"
compose up -d --no-build --no-deps bot >"$work/compose-bot.log" 2>&1 || { cat "$work/compose-bot.log" >&2; fail "compose up bot"; }
bot_replied() { grep -q '"method": "sendMessage"' "$work/bot-api.log"; }
if ! wait_for 120 bot_replied; then
  podman logs "${project}_bot_1" >&2
  fail "the bot did not answer through the fake Bot API"
fi
grep -q '"method": "getUpdates"' "$work/bot-api.log" || fail "the bot never called getUpdates"
reply=$(grep '"method": "sendMessage"' "$work/bot-api.log" | head -1 | python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["body"]["text"])')
[ "$reply" = "$videos" ] || fail "the bot replied '$reply', expected $videos"
say "ok: the bot reached getUpdates and answered $reply"
[ "$(podman inspect --format '{{.State.Running}}' "${project}_bot_1")" = true ] || fail "the bot is not running"
# The image's HEALTHCHECK asks /readyz; it can pass only with a binary that serves it.
if podman run --rm "$image" --help | grep -q '^ *serve'; then
  wait_for 60 podman healthcheck run "${project}_bot_1" || fail "the bot's HEALTHCHECK (/readyz) does not pass"
  say "ok: the bot's HEALTHCHECK passes"
fi
podman rm -f -v $(podman ps -aq --filter "label=io.podman.compose.project=$project") >"$work/compose-rm.log" 2>&1
compose down -v >"$work/compose-down.log" 2>&1 || { cat "$work/compose-down.log" >&2; fail "compose down"; }
[ -z "$(podman volume ls -q --filter "label=io.podman.compose.project=$project")" ] || fail "compose down left volumes"
rm -f "$work/compose/override.yaml"
say "ok: compose down removed the services and their volumes"

podman images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E "^(localhost/)?$image " >&2 || true
say "PASS in $(($(date +%s) - started)) s"
