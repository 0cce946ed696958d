# Install rules and the Debian package (CPack).
#
#   cmake --install <build> --prefix /usr     the files the .deb holds, on this machine
#   scripts/package.sh                        build-release/videobot_<version>_amd64.deb
#
# The systemd units name /usr/bin/videobot and /etc/videobot/videobot.env, as the package installs
# them; a from-source install that should run under systemd uses the prefix /usr. The example
# configuration always goes to /etc/videobot (an absolute destination: the package needs it there
# whatever the build's prefix), everything else under the prefix.
include(GNUInstallDirs)

set(VIDEOBOT_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)
set(VIDEOBOT_CONFIG_DIR /etc/videobot)

if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  message(STATUS "videobot: install prefix ${CMAKE_INSTALL_PREFIX}; the systemd units expect /usr/bin/videobot "
                 "(use --prefix /usr, or the package, for a systemd install)")
endif()

# --- Files ----------------------------------------------------------------------------------------
install(TARGETS videobot RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES
    ${VIDEOBOT_PACKAGING_DIR}/systemd/videobot.service
    ${VIDEOBOT_PACKAGING_DIR}/systemd/videobot-load.service
    ${VIDEOBOT_PACKAGING_DIR}/systemd/videobot-load.timer
  DESTINATION lib/systemd/system)
# One source for both: .env.example (compose) is the package's configuration file. It may hold
# secrets, so it is not world-readable; the postinst gives its group to the service user.
install(FILES ${PROJECT_SOURCE_DIR}/.env.example
  DESTINATION ${VIDEOBOT_CONFIG_DIR}
  RENAME videobot.env
  PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)

set(videobot_docs ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/CHANGELOG.md)
foreach(doc docs/operations.md docs/install.md)
  if(EXISTS ${PROJECT_SOURCE_DIR}/${doc})
    list(APPEND videobot_docs ${PROJECT_SOURCE_DIR}/${doc})
  endif()
endforeach()
install(FILES ${videobot_docs} DESTINATION ${CMAKE_INSTALL_DOCDIR})

# --- Man page, generated from --help --------------------------------------------------------------
# Not in sanitizer builds: they are never packaged, and their binary reports at exit.
find_program(HELP2MAN_EXECUTABLE help2man)
if(HELP2MAN_EXECUTABLE AND NOT VIDEOBOT_SANITIZE)
  find_program(GZIP_EXECUTABLE gzip REQUIRED)
  set(videobot_man ${CMAKE_CURRENT_BINARY_DIR}/man/videobot.1)
  add_custom_command(
    OUTPUT ${videobot_man}.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/man
    COMMAND ${HELP2MAN_EXECUTABLE} --no-info --no-discard-stderr --section=1 --locale=C.UTF-8
            --version-string=${PROJECT_VERSION}
            --include=${VIDEOBOT_PACKAGING_DIR}/man/videobot.h2m
            --output=${videobot_man}
            $<TARGET_FILE:videobot>
    COMMAND ${GZIP_EXECUTABLE} -9nf ${videobot_man}
    DEPENDS videobot ${VIDEOBOT_PACKAGING_DIR}/man/videobot.h2m
    COMMENT "Generating the man page videobot.1 from --help"
    VERBATIM)
  add_custom_target(videobot_man ALL DEPENDS ${videobot_man}.gz)
  set(VIDEOBOT_MAN_PAGE ON)
  install(FILES ${videobot_man}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
elseif(NOT HELP2MAN_EXECUTABLE)
  message(STATUS "videobot: help2man not found; the man page videobot.1 is not generated (apt-get install help2man)")
endif()

# --- Debian package -------------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME videobot)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The videobot authors")
set(CPACK_PACKAGE_CONTACT "The videobot authors <videobot@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "answers Russian questions about video statistics with one number")
set(CPACK_PACKAGE_DESCRIPTION
  "videobot turns an analytics question asked in plain Russian into a validated query plan,\n\
compiles it into parameterised SQL for SQLite or PostgreSQL and answers with one number,\n\
as a command-line tool and as a Telegram bot (systemd service, daily data load timer).")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Beyond the shared libraries: the maintainer scripts create a system user; charts are drawn
# with DejaVu Sans.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser | passwd, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
configure_file(${VIDEOBOT_PACKAGING_DIR}/debian/conffiles.in ${CMAKE_CURRENT_BINARY_DIR}/debian/conffiles @ONLY)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${CMAKE_CURRENT_BINARY_DIR}/debian/conffiles
  ${VIDEOBOT_PACKAGING_DIR}/debian/postinst
  ${VIDEOBOT_PACKAGING_DIR}/debian/prerm
  ${VIDEOBOT_PACKAGING_DIR}/debian/postrm)

include(CPack)
