#!/usr/bin/env bash
# Builds the Debian package from this build tree with CPack (into a temporary directory, the build
# tree is only read) and checks it: the file name, dependencies found by dpkg-shlibdeps, the files,
# the conffile, the maintainer scripts, and the packaged binary running from an extracted tree.
#   deb_package.sh BUILD_DIR SOURCE_DIR VERSION WITH_MAN(ON|OFF)
set -euo pipefail
build_dir=$1
source_dir=$2
version=$3
with_man=$4

for tool in cpack dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not found (apt-get install dpkg-dev)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 \
  || { cat "$work/cpack.log" >&2; fail "cpack did not build the package"; }

deb="$work/out/videobot_${version}_amd64.deb"
[ -f "$deb" ] || { ls -l "$work/out" >&2; fail "no $(basename "$deb")"; }
echo "ok: $(basename "$deb")"

# Control fields: dependencies from dpkg-shlibdeps (the shared libraries the binary links).
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for library in libpq5 libsqlite3-0 'libcurl4' 'libicu[0-9]+' 'libc6' 'libstdc\+\+6'; do
  grep -qE "(^|, )$library( |,|$)" <<<"$depends" || fail "Depends lacks $library"
done
[ "$(dpkg-deb -f "$deb" Package)" = videobot ] || fail "Package is not videobot"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version is not $version"
[ "$(dpkg-deb -f "$deb" Architecture)" = amd64 ] || fail "Architecture is not amd64"

# Files.
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's#^\./#/#' >"$work/files"
expected=(
  /usr/bin/videobot
  /usr/lib/systemd/system/videobot.service
  /usr/lib/systemd/system/videobot-load.service
  /usr/lib/systemd/system/videobot-load.timer
  /etc/videobot/videobot.env
  /usr/share/doc/videobot/README.md
  /usr/share/doc/videobot/LICENSE
  /usr/share/doc/videobot/CHANGELOG.md
)
[ "$with_man" = ON ] && expected+=(/usr/share/man/man1/videobot.1.gz)
for file in "${expected[@]}"; do
  grep -qxF "$file" "$work/files" || { cat "$work/files" >&2; fail "the package lacks $file"; }
done
echo "ok: ${#expected[@]} expected files"
dpkg-deb -c "$deb" | grep -E ' \./etc/videobot/videobot\.env$' | grep -q '^-rw-r-----' \
  || fail "/etc/videobot/videobot.env is not mode 0640"

# Control archive: the conffile and the maintainer scripts.
dpkg-deb -e "$deb" "$work/control"
grep -qxF /etc/videobot/videobot.env "$work/control/conffiles" || fail "conffiles lacks /etc/videobot/videobot.env"
for script in postinst prerm postrm; do
  [ -x "$work/control/$script" ] || fail "$script is missing or not executable"
  sh -n "$work/control/$script" || fail "$script is not valid sh"
done
grep -q 'videobot' "$work/control/postinst" && grep -q '/var/lib/videobot' "$work/control/postinst" \
  || fail "postinst does not create the videobot user and /var/lib/videobot"
echo "ok: conffiles and maintainer scripts"

# The packaged files are the sources' files, and the packaged binary runs.
dpkg-deb -x "$deb" "$work/root"
cmp "$work/root/etc/videobot/videobot.env" "$source_dir/.env.example" || fail "videobot.env differs from .env.example"
for unit in videobot.service videobot-load.service videobot-load.timer; do
  cmp "$work/root/usr/lib/systemd/system/$unit" "$source_dir/packaging/systemd/$unit" || fail "$unit differs"
done
printed=$("$work/root/usr/bin/videobot" --version)
[ "$printed" = "$version" ] || fail "usr/bin/videobot --version printed '$printed', expected '$version'"
if [ "$with_man" = ON ]; then
  zcat "$work/root/usr/share/man/man1/videobot.1.gz" | grep -q '^\.TH VIDEOBOT' || fail "videobot.1.gz is not a man page"
fi
echo "ok: the packaged videobot --version prints $version"
