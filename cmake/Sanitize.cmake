# -DTWCTL_SANITIZE=ON: twctl's own code (library, command layer, binary, unit tests) built with AddressSanitizer
# and UndefinedBehaviorSanitizer; `./scripts/test --sanitize` builds it into build-sanitize/ and runs the unit
# suite. gRPC, protobuf and abseil stay Debian's (uninstrumented, linked as shared libraries), and so does the
# generated API code: twctl_proto keeps its flags and the build type stays Release, so ccache serves it from
# the normal build.
#
# -DTWCTL_FUZZ=ON (clang only): the same, plus libFuzzer's coverage instrumentation, and the fuzz targets of
# tests/fuzz; `./scripts/fuzz` builds them into build-fuzz/ with clang and runs them.
option(TWCTL_SANITIZE "Build twctl's own code with ASan and UBSan" OFF)
option(TWCTL_FUZZ "Build the libFuzzer targets of tests/fuzz (clang only), twctl's own code with ASan and UBSan" OFF)

add_library(twctl_sanitize INTERFACE)
if(TWCTL_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "TWCTL_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++-14")
endif()
if(TWCTL_SANITIZE OR TWCTL_FUZZ)
  set(twctl_sanitize_flags -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  set(twctl_sanitize_compile ${twctl_sanitize_flags})
  if(TWCTL_FUZZ)
    list(APPEND twctl_sanitize_compile -fsanitize=fuzzer-no-link)
  endif()
  # -O1 -g1 (after the build type's -O3): readable stacks, a quicker build; asserts on.
  target_compile_options(twctl_sanitize INTERFACE ${twctl_sanitize_compile} -O1 -g1 -UNDEBUG)
  target_link_options(twctl_sanitize INTERFACE ${twctl_sanitize_flags})
  if(TWCTL_STATIC_DEPS)
    message(STATUS "twctl: sanitizers: linking gRPC, protobuf and abseil as shared libraries (TWCTL_STATIC_DEPS off)")
    set(TWCTL_STATIC_DEPS OFF CACHE BOOL "" FORCE)
  endif()
endif()
