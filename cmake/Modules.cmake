# videobot_module_headers(TARGET MODULE [DIR])
# Gives TARGET one include root that holds only MODULE's headers, so `#include "MODULE/x.hpp"`
# resolves for TARGET and for whatever links TARGET, and for nothing else. The root is
# ${CMAKE_BINARY_DIR}/include/MODULE with one entry, a symbolic link MODULE → DIR (default:
# src/MODULE). A module that includes another's header without linking it therefore fails to
# compile: the include graph is the link graph (src/README.md draws it).
function(videobot_module_headers target module)
  set(dir ${PROJECT_SOURCE_DIR}/src/${module})
  if(ARGC GREATER 2)
    set(dir ${ARGV2})
  endif()
  set(root ${CMAKE_BINARY_DIR}/include/${module})
  file(MAKE_DIRECTORY ${root})
  if(IS_SYMLINK ${root}/${module})
    file(READ_SYMLINK ${root}/${module} current)
    if(NOT current STREQUAL dir)
      file(REMOVE ${root}/${module})
    endif()
  endif()
  if(NOT IS_SYMLINK ${root}/${module})
    file(CREATE_LINK ${dir} ${root}/${module} SYMBOLIC)
  endif()
  target_include_directories(${target} PUBLIC ${root})
endfunction()
