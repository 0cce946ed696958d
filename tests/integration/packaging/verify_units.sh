#!/usr/bin/env bash
# Checks the systemd units with `systemd-analyze verify`, and checks that the check itself can
# fail: deliberately broken copies must be rejected.
#   verify_units.sh BINARY UNIT_DIR
# The units name /usr/bin/videobot, which verify requires to exist; the copies checked here name
# the built BINARY instead. Every message verify prints about a unit counts as a failure (it exits
# 0 for settings it merely ignores, such as an unknown key or an unparsable value).
set -euo pipefail
binary=$1
unit_dir=$2
units=(videobot.service videobot-load.service videobot-load.timer)

if ! command -v systemd-analyze >/dev/null; then
  echo "systemd-analyze not found (apt-get install systemd)" >&2
  if [ "${CI:-}" = "true" ] || [ "${CI:-}" = "1" ]; then exit 1; fi
  exit 77
fi
[ -x "$binary" ] || { echo "not an executable: $binary" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Copies the units into DIR with ExecStart pointing at the built binary.
copy_units() {
  local dir=$1 unit
  mkdir -p "$dir"
  for unit in "${units[@]}"; do
    sed "s#/usr/bin/videobot#$binary#g" "$unit_dir/$unit" >"$dir/$unit"
  done
}

# Succeeds when verify accepts every unit in DIR without a word about them.
verify_clean() {
  local dir=$1 output status=0
  output=$(cd "$dir" && systemd-analyze verify --man=no "${units[@]/#/$dir/}" 2>&1) || status=$?
  if [ "$status" -ne 0 ] || grep -qE "videobot|$dir" <<<"$output"; then
    printf '%s\n' "$output" >&2
    return 1
  fi
}

# The units as shipped.
copy_units "$work/good"
if ! verify_clean "$work/good"; then
  echo "FAIL: systemd-analyze verify rejects the shipped units" >&2
  exit 1
fi
echo "ok: systemd-analyze verify accepts ${units[*]}"

# The settings the service promises (docs/install.md): hardening, user, configuration, data.
required_service=(
  "User=videobot" "EnvironmentFile=/etc/videobot/videobot.env" "ExecStart=/usr/bin/videobot bot"
  "Restart=on-failure" "NoNewPrivileges=yes" "ProtectSystem=strict" "ProtectHome=yes" "PrivateTmp=yes"
  "ReadWritePaths=/var/lib/videobot" "WorkingDirectory=/var/lib/videobot")
for line in "${required_service[@]}"; do
  grep -qxF "$line" "$unit_dir/videobot.service" || { echo "FAIL: videobot.service lacks $line" >&2; exit 1; }
done
grep -qxF "ExecStart=/usr/bin/videobot load --replace /var/lib/videobot/videos.json" "$unit_dir/videobot-load.service" \
  || { echo "FAIL: videobot-load.service does not load --replace /var/lib/videobot/videos.json" >&2; exit 1; }
grep -qxF "Type=oneshot" "$unit_dir/videobot-load.service" || { echo "FAIL: videobot-load.service is not oneshot" >&2; exit 1; }
grep -qxF "OnCalendar=daily" "$unit_dir/videobot-load.timer" || { echo "FAIL: videobot-load.timer is not daily" >&2; exit 1; }
echo "ok: the units hold the required settings"

# Each broken copy must be rejected, or a passing verify above proves nothing.
break_unit() {
  local name=$1 unit=$2 expression=$3
  copy_units "$work/$name"
  sed -i "$expression" "$work/$name/$unit"
  if cmp -s "$work/good/$unit" "$work/$name/$unit"; then
    echo "FAIL: the broken copy '$name' is unchanged (sed $expression)" >&2
    exit 1
  fi
  if verify_clean "$work/$name" 2>/dev/null; then
    echo "FAIL: systemd-analyze verify accepts the broken copy '$name'" >&2
    exit 1
  fi
  echo "ok: rejected $name"
}
break_unit misspelt_section videobot.service 's/^\[Service\]$/[Servic]/'
break_unit bad_restart_value videobot.service 's/^Restart=on-failure$/Restart=sometimes/'
break_unit unknown_key videobot.service 's/^NoNewPrivileges=yes$/NoNewPrivilege=yes/'
break_unit missing_binary videobot-load.service "s#^ExecStart=$binary#ExecStart=$work/missing/videobot#"
break_unit bad_calendar videobot-load.timer 's/^OnCalendar=daily$/OnCalendar=every day/'
