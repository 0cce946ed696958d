# Defines the static library videobot_fake_bot_api (once per build tree): the fake Telegram Bot
# API server for loopback tests and the bot benchmark. Include from a CMakeLists.txt.
if(NOT TARGET videobot_fake_bot_api)
  if(NOT TARGET PkgConfig::VIDEOBOT_HTTPLIB)
    pkg_check_modules(VIDEOBOT_HTTPLIB REQUIRED IMPORTED_TARGET GLOBAL cpp-httplib)
  endif()
  add_library(videobot_fake_bot_api STATIC ${CMAKE_CURRENT_LIST_DIR}/fake_bot_api.cpp)
  target_include_directories(videobot_fake_bot_api PUBLIC ${CMAKE_CURRENT_LIST_DIR}/..)
  target_link_libraries(videobot_fake_bot_api
    PUBLIC PkgConfig::VIDEOBOT_HTTPLIB nlohmann_json::nlohmann_json Threads::Threads PRIVATE videobot_warnings)
endif()
