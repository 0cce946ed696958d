# Warning flags as an interface target: every project target links videobot_warnings. The set is
# cmake_template's CompilerWarnings.cmake for GCC (and its clang equivalents), plus
# -Wswitch-enum: a switch over an enum names every value, so a new value is a compile error
# wherever it needs a decision.
add_library(videobot_warnings INTERFACE)
set(VIDEOBOT_COMMON_WARNINGS
  -Wall -Wextra -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
  -Wpedantic -Wconversion -Wsign-conversion -Wnull-dereference -Wdouble-promotion -Wformat=2
  -Wimplicit-fallthrough -Wmisleading-indentation -Wswitch-enum)
set(VIDEOBOT_GCC_WARNINGS
  -Wduplicated-cond -Wduplicated-branches -Wlogical-op -Wuseless-cast
  # GCC 12 reports false -Wrestrict overlaps inside std::string (GCC bug 105329).
  -Wno-restrict)
target_compile_options(videobot_warnings INTERFACE
  ${VIDEOBOT_COMMON_WARNINGS}
  "$<$<CXX_COMPILER_ID:GNU>:${VIDEOBOT_GCC_WARNINGS}>")
if(VIDEOBOT_WERROR)
  target_compile_options(videobot_warnings INTERFACE -Werror)
endif()
if(VIDEOBOT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
