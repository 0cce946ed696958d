# Defines the static library videobot_fake_openai_server (once per build tree): the scripted
# OpenAI-compatible server for loopback tests. Include from a test folder's CMakeLists.txt.
if(NOT TARGET videobot_fake_openai_server)
  pkg_check_modules(VIDEOBOT_HTTPLIB REQUIRED IMPORTED_TARGET GLOBAL cpp-httplib)
  find_package(ZLIB REQUIRED GLOBAL)
  add_library(videobot_fake_openai_server STATIC ${CMAKE_CURRENT_LIST_DIR}/fake_openai_server.cpp
    ${CMAKE_CURRENT_LIST_DIR}/gzip_body.cpp)
  target_include_directories(videobot_fake_openai_server PUBLIC ${CMAKE_CURRENT_LIST_DIR})
  target_link_libraries(videobot_fake_openai_server
    PUBLIC PkgConfig::VIDEOBOT_HTTPLIB nlohmann_json::nlohmann_json Threads::Threads PRIVATE ZLIB::ZLIB videobot_warnings)
endif()
