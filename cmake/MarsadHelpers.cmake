# Shared warning and sanitizer settings, applied through an interface target
# rather than global flags.
add_library(marsad_options INTERFACE)
target_compile_options(marsad_options INTERFACE -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers)
if(MARSAD_SANITIZE)
  target_compile_options(marsad_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(marsad_options INTERFACE -fsanitize=address,undefined)
endif()

# Fuzz builds (clang): instrument the libraries for coverage too, or
# libFuzzer only sees the entry point.
if(MARSAD_BUILD_FUZZ AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  target_compile_options(marsad_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined)
  target_link_options(marsad_options INTERFACE -fsanitize=address,undefined)
endif()

# marsad_module(NAME SOURCES... DEPS ...) : a static library marsad_<NAME>
# rooted at src/ so headers are included as "marsad/<module>/x.h".
function(marsad_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS" ${ARGN})
  add_library(marsad_${name} STATIC ${M_SOURCES})
  target_include_directories(marsad_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(marsad_${name} PUBLIC marsad_options ${M_DEPS})
endfunction()

# marsad_test(NAME SOURCES... DEPS ...) : one GoogleTest binary registered with CTest.
function(marsad_test name)
  cmake_parse_arguments(T "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE marsad_options ${T_DEPS} GTest::gtest GTest::gtest_main)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/tests)
  target_compile_definitions(${name} PRIVATE
    MARSAD_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    MARSAD_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES ENVIRONMENT "MARSAD_DATA=${PROJECT_SOURCE_DIR}/data")
endfunction()
