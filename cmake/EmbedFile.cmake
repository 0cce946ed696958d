# videobot_embed_files(TARGET NAME FILES...)
# Generates a C++ source that defines `std::string_view videobot::embedded::NAME_<stem>()`
# style accessors through one lookup function: `videobot::embedded::NAME(std::string_view path)`.
# Files are embedded as raw string literals at build time so the binary needs no data files.
function(videobot_embed_files target name)
  set(out_cpp ${CMAKE_CURRENT_BINARY_DIR}/embedded_${name}.cpp)
  set(script ${CMAKE_CURRENT_BINARY_DIR}/embed_${name}.cmake)
  set(files ${ARGN})
  file(WRITE ${script} "set(out \"${out_cpp}\")\nset(files \"${files}\")\nset(root \"${VIDEOBOT_SOURCE_ROOT}\")\n")
  file(APPEND ${script} [=[
set(body "// Generated at build time: embedded data files.\n#include <string_view>\n#include <vector>\n#include <utility>\n\nnamespace videobot::embedded {\n")
string(APPEND body "const std::vector<std::pair<std::string_view, std::string_view>>& ]=] "${name}" [=[() {\n  static const std::vector<std::pair<std::string_view, std::string_view>> kFiles = {\n")
foreach(f IN LISTS files)
  file(READ "${root}/${f}" content)
  string(APPEND body "    {\"${f}\", std::string_view(R\"videobot_embed(${content})videobot_embed\")},\n")
endforeach()
string(APPEND body "  };\n  return kFiles;\n}\n\n}  // namespace videobot::embedded\n")
file(WRITE "${out}.tmp" "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${out}.tmp" "${out}")
]=])
  set(deps)
  foreach(f IN LISTS files)
    list(APPEND deps ${VIDEOBOT_SOURCE_ROOT}/${f})
  endforeach()
  add_custom_command(OUTPUT ${out_cpp}
    COMMAND ${CMAKE_COMMAND} -P ${script}
    DEPENDS ${deps} ${script}
    COMMENT "Embedding ${name} data files")
  target_sources(${target} PRIVATE ${out_cpp})
endfunction()
