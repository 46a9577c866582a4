# Desktop integration and a Debian package: `cpack -G DEB` in build/.
install(FILES ${CMAKE_SOURCE_DIR}/packaging/io.github.shadowswap.Shadowswap.desktop DESTINATION share/applications)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/io.github.shadowswap.Shadowswap.metainfo.xml DESTINATION share/metainfo)
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/shadowswap.svg
        DESTINATION share/icons/hicolor/scalable/apps RENAME io.github.shadowswap.Shadowswap.svg)

set(CPACK_PACKAGE_NAME shadowswap)
set(CPACK_PACKAGE_VENDOR "Shadowswap developers")
set(CPACK_PACKAGE_CONTACT "Shadowswap developers <shadowswap@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# dpkg-shlibdeps derives the library dependencies (Qt, QCustomPlot, QtKeychain, spdlog, Connector/C) from the binaries.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
include(CPack)
