#!/bin/sh
# Reports every C++ file in src, app, tests and bench that clang-format would change
# (.clang-format at the top of the repository); exits non-zero when there is one.
set -eu
cd "$(dirname "$0")/.."
CLANG_FORMAT="${CLANG_FORMAT:-clang-format-14}"
find src app tests bench \( -name '*.cpp' -o -name '*.hpp' \) -print0 | sort -z |
  xargs -0 "$CLANG_FORMAT" --style=file --dry-run --Werror
