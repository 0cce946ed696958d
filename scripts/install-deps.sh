#!/usr/bin/env bash
# Installs every build, test and run-time dependency from Debian's archive.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git
  libpq-dev libsqlite3-dev sqlite3 libcurl4-openssl-dev zlib1g-dev
  nlohmann-json3-dev libsimdjson-dev libvalijson-dev libcpp-httplib-dev
  libcli11-dev libspdlog-dev libfmt-dev libicu-dev libssl-dev libedit-dev
  libgtest-dev libgmock-dev libbenchmark-dev libcairo2-dev fonts-dejavu-core
  postgresql-15 postgresql-client-15
  clickhouse-server clickhouse-client
  python3 microsocks tinyproxy clang-format clang-tidy hyperfine
  prometheus dpkg-dev file help2man systemd
)
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${packages[@]}"
