#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 cluster: initdb in a temporary directory, a free
# port on 127.0.0.1, trust authentication on loopback. Exports VIDEOBOT_TEST_PG_URL (a libpq URI
# of database "videobot_test") and VIDEOBOT_TEST_PG_ADMIN_URL (database "postgres") to the
# command, and stops and removes the cluster when the command ends, whatever its outcome.
#   scripts/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$pg_bin/initdb" ] || { echo "with-postgres: $pg_bin/initdb not found (install postgresql-15)" >&2; exit 1; }

workdir=$(mktemp -d /tmp/videobot-pg.XXXXXX)
run_as=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses to run as root: the cluster belongs to the postgres system user.
  chown postgres "$workdir"
  run_as=(runuser -u postgres --)
fi

cleanup() {
  "${run_as[@]}" "$pg_bin/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"${run_as[@]}" "$pg_bin/initdb" -D "$workdir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$workdir/initdb.log" 2>&1 \
  || { cat "$workdir/initdb.log" >&2; exit 1; }
cat >>"$workdir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$workdir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 256MB
CONF
"${run_as[@]}" "$pg_bin/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w -t 60 start >/dev/null \
  || { cat "$workdir/server.log" >&2; exit 1; }
"${run_as[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U postgres videobot_test

export VIDEOBOT_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/videobot_test"
export VIDEOBOT_TEST_PG_ADMIN_URL="postgresql://postgres@127.0.0.1:$port/postgres"
export VIDEOBOT_TEST_PG_DATADIR="$workdir/data"
export VIDEOBOT_TEST_PG_CTL="${run_as[*]} $pg_bin/pg_ctl"
echo "with-postgres: PostgreSQL 15 on 127.0.0.1:$port" >&2
set +e
"$@"
status=$?
set -e
exit $status
