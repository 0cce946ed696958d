#!/usr/bin/env bash
# Runs a command with throwaway ClickHouse servers on free 127.0.0.1 ports (configuration and data
# in a temporary directory): one single server, and a two-shard cluster "videobot_two_shards"
# (two more clickhouse-server processes whose remote_servers names both). Exports to the command
#   VIDEOBOT_TEST_CLICKHOUSE_URL          clickhouse://127.0.0.1:PORT/videobot_test
#   VIDEOBOT_TEST_CLICKHOUSE_CLUSTER_URL  clickhouse://127.0.0.1:P1,127.0.0.1:P2/videobot_test?cluster=videobot_two_shards
# and stops every server when the command ends, whatever its outcome. Nests with with-postgres.sh:
#   scripts/with-clickhouse.sh scripts/with-postgres.sh ctest --preset dev
set -euo pipefail
server=${CLICKHOUSE_SERVER:-/usr/sbin/clickhouse-server}
[ -x "$server" ] || { echo "with-clickhouse: $server not found (install clickhouse-server)" >&2; exit 1; }

workdir=$(mktemp -d /tmp/videobot-ch.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$workdir"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

cluster_name=videobot_two_shards
shard1_tcp=$(free_port); shard2_tcp=$(free_port)

# write_config NAME HTTP_PORT TCP_PORT: a server's config.xml and users.xml under $workdir/NAME.
write_config() {
  local dir="$workdir/$1"
  mkdir -p "$dir/data" "$dir/tmp" "$dir/user_files" "$dir/format_schemas"
  cat >"$dir/config.xml" <<CONF
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/server.log</log><errorlog>$dir/server.err.log</errorlog></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$2</http_port>
  <tcp_port>$3</tcp_port>
  <max_connections>256</max_connections>
  <keep_alive_timeout>3</keep_alive_timeout>
  <max_concurrent_queries>100</max_concurrent_queries>
  <uncompressed_cache_size>8589934592</uncompressed_cache_size>
  <mark_cache_size>268435456</mark_cache_size>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <user_files_path>$dir/user_files/</user_files_path>
  <format_schema_path>$dir/format_schemas/</format_schema_path>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
  <remote_servers>
    <$cluster_name>
      <shard><replica><host>127.0.0.1</host><port>$shard1_tcp</port></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>$shard2_tcp</port></replica></shard>
    </$cluster_name>
  </remote_servers>
</yandex>
CONF
  cat >"$dir/users.xml" <<'CONF'
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>2000000000</max_memory_usage><log_queries>0</log_queries></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
CONF
}

# start NAME HTTP_PORT: launches the server in the background.
start() {
  local dir="$workdir/$1"
  (cd "$dir" && exec "$server" --config-file="$dir/config.xml" >"$dir/stdout.log" 2>&1) &
  pids+=("$!")
}

# wait_ready NAME HTTP_PORT: polls /ping until the server answers (or it died / 120 s passed).
wait_ready() {
  local dir="$workdir/$1" deadline=$((SECONDS + 120))
  until curl -sf "http://127.0.0.1:$2/ping" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "with-clickhouse: server $1 did not start" >&2; cat "$dir"/*.log >&2 2>/dev/null; exit 1
    fi
    sleep 0.1
  done
}

query() { curl -sSf "http://127.0.0.1:$1/" --data-binary "$2" >/dev/null; }

started=$SECONDS
single_http=$(free_port); single_tcp=$(free_port)
shard1_http=$(free_port); shard2_http=$(free_port)
write_config single "$single_http" "$single_tcp"
write_config shard1 "$shard1_http" "$shard1_tcp"
write_config shard2 "$shard2_http" "$shard2_tcp"
start single; start shard1; start shard2
wait_ready single "$single_http"; wait_ready shard1 "$shard1_http"; wait_ready shard2 "$shard2_http"
for port in "$single_http" "$shard1_http" "$shard2_http"; do query "$port" "CREATE DATABASE IF NOT EXISTS videobot_test"; done

export VIDEOBOT_TEST_CLICKHOUSE_URL="clickhouse://127.0.0.1:$single_http/videobot_test"
export VIDEOBOT_TEST_CLICKHOUSE_CLUSTER_URL="clickhouse://127.0.0.1:$shard1_http,127.0.0.1:$shard2_http/videobot_test?cluster=$cluster_name"
echo "with-clickhouse: ClickHouse single on 127.0.0.1:$single_http, two shards on $shard1_http and $shard2_http (ready in $((SECONDS - started)) s)" >&2
set +e
"$@"
status=$?
set -e
exit $status
