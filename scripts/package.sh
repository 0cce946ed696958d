#!/usr/bin/env bash
# Builds the Debian package: a Release build in build-release/ (preset "release", prefix /usr,
# without tests and benchmarks) packaged by CPack. Prints the path of the .deb.
#   scripts/package.sh        -> build-release/videobot_<version>_amd64.deb
# Needs dpkg-dev (dpkg-shlibdeps), file and help2man (scripts/install-deps.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release -DCMAKE_INSTALL_PREFIX=/usr -DVIDEOBOT_BUILD_TESTS=OFF -DVIDEOBOT_BUILD_BENCH=OFF >&2
cmake --build --preset release >&2
rm -f build-release/videobot_*.deb
(cd build-release && cpack -G DEB >&2)
deb=$(ls build-release/videobot_*.deb)
echo "$(pwd)/$deb"
