#!/bin/sh
# Runs clang-tidy (.clang-tidy at the top of the repository) over every source of src and app,
# with the compile commands of a configured build directory (default build/, or $1). .clang-tidy
# makes every warning an error, so it exits non-zero on any finding. The build must have been
# built once: some sources include generated files (embedded migrations, the plan schema, the
# version header).
set -eu
cd "$(dirname "$0")/.."
build_dir="${1:-build}"
RUN_CLANG_TIDY="${RUN_CLANG_TIDY:-run-clang-tidy-14}"
jobs="${VIDEOBOT_TIDY_JOBS:-$(nproc)}"
# The compile commands are GCC's: clang does not know some of its warning options, and under CI
# they carry -Werror, which would turn clang's own compiler warnings into errors that no check
# chose. The checks of .clang-tidy are what is enforced here; the compiler's warnings are GCC's.
"$RUN_CLANG_TIDY" -p "$build_dir" -j "$jobs" -quiet \
  -extra-arg=-Wno-unknown-warning-option -extra-arg=-Wno-error "$PWD/(src|app)/.*\.cpp$"
