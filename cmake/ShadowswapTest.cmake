# shadowswap_add_tests(LABEL <unit|integration|gui> LIBS <targets...> SOURCES <tst_*.cpp...>)
# One executable per test file, named after it, registered with CTest under the label. GUI tests run on the
# offscreen platform so they need no display; migrations they record go to a journal in the build directory,
# never the user's.
function(shadowswap_add_tests)
  cmake_parse_arguments(ARG "" "LABEL;TIMEOUT" "LIBS;SOURCES" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  foreach(source IN LISTS ARG_SOURCES)
    get_filename_component(name ${source} NAME_WE)
    add_executable(${name} ${source})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} Qt6::Test shadowswap_flags)
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin/tests)
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
      LABELS ${ARG_LABEL}
      TIMEOUT ${ARG_TIMEOUT}
      ENVIRONMENT "QT_QPA_PLATFORM=offscreen;SHADOWSWAP_BUILD_DIR=${CMAKE_BINARY_DIR};SHADOWSWAP_BIN_DIR=${CMAKE_BINARY_DIR}/bin;SHADOWSWAP_HISTORY_DB=${CMAKE_BINARY_DIR}/test-history.sqlite")
  endforeach()
endfunction()
