# One INTERFACE target carries the project's compile flags, so every target gets the same ones.
add_library(shadowswap_flags INTERFACE)
target_compile_options(shadowswap_flags INTERFACE -Wall -Wextra -Wpedantic)
target_compile_definitions(shadowswap_flags INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_CAST_FROM_BYTEARRAY
  QT_USE_QSTRINGBUILDER
  QT_NO_KEYWORDS)

option(SHADOWSWAP_WERROR "Treat compiler warnings as errors (on in CI)" OFF)
if(SHADOWSWAP_WERROR OR DEFINED ENV{CI})
  target_compile_options(shadowswap_flags INTERFACE -Werror)
endif()

option(SHADOWSWAP_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(SHADOWSWAP_SANITIZE)
  target_compile_options(shadowswap_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(shadowswap_flags INTERFACE -fsanitize=address,undefined)
endif()

option(SHADOWSWAP_TSAN "Build with ThreadSanitizer" OFF)
if(SHADOWSWAP_TSAN)
  target_compile_options(shadowswap_flags INTERFACE -fsanitize=thread)
  target_link_options(shadowswap_flags INTERFACE -fsanitize=thread)
endif()

# libFuzzer (preset "fuzz", scripts/fuzz): every library gets coverage instrumentation and ASan+UBSan, with UBSan
# fatal so that libFuzzer keeps the input; only the fuzz targets in tests/fuzz link libFuzzer's main.
option(SHADOWSWAP_FUZZ "Build the libFuzzer targets in tests/fuzz (clang only)" OFF)
if(SHADOWSWAP_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "SHADOWSWAP_FUZZ needs clang's libFuzzer: configure with the preset \"fuzz\"")
  endif()
  target_compile_options(shadowswap_flags INTERFACE -fsanitize=fuzzer-no-link,address,undefined
    -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(shadowswap_flags INTERFACE -fsanitize=address,undefined)
endif()
