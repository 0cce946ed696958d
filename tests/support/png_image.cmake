# Defines the static library videobot_test_png (once per build tree): PNG bytes → pixels for tests
# of drawn charts. Include from a CMakeLists.txt.
if(NOT TARGET videobot_test_png)
  pkg_check_modules(VIDEOBOT_TEST_CAIRO REQUIRED IMPORTED_TARGET GLOBAL cairo)
  add_library(videobot_test_png STATIC ${CMAKE_CURRENT_LIST_DIR}/png_image.cpp)
  target_include_directories(videobot_test_png PUBLIC ${CMAKE_CURRENT_LIST_DIR}/..)
  target_link_libraries(videobot_test_png PRIVATE PkgConfig::VIDEOBOT_TEST_CAIRO videobot_warnings)
endif()
