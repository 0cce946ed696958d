# Warning flags as an interface target: every project target links videobot_warnings.
add_library(videobot_warnings INTERFACE)
target_compile_options(videobot_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough -Wswitch-enum
  # GCC 12 reports false -Wrestrict overlaps inside std::string (GCC bug 105329).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
if(VIDEOBOT_WERROR)
  target_compile_options(videobot_warnings INTERFACE -Werror)
endif()
if(VIDEOBOT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
