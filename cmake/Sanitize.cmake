# -DTWCTL_SANITIZE=ON: twctl's own code (library, command layer, binary, unit tests) built with AddressSanitizer
# and UndefinedBehaviorSanitizer; `./scripts/test --sanitize` builds it into build-sanitize/ and runs the unit
# suite. gRPC, protobuf and abseil stay Debian's (uninstrumented, linked as shared libraries), and so does the
# generated API code: twctl_proto keeps its flags and the build type stays Release, so ccache serves it from
# the normal build.
#
# -DTWCTL_SANITIZE_THREAD=ON: the same with ThreadSanitizer instead, by hand (not in ./scripts/test), for the code
# that calls from several threads (ops/bulk, ops/parallel, the gateway's decorators): e.g.
#   cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=Release -DTWCTL_SANITIZE_THREAD=ON
#   cmake --build build-tsan --target twctl_unit_tests && build-tsan/tests/twctl_unit_tests -tc='*bulk*,*trace*'
# Calls into the uninstrumented libraries are not seen; the unit tests' fake gateway is twctl's own code.
#
# -DTWCTL_FUZZ=ON (clang only): ASan and UBSan, plus libFuzzer's coverage instrumentation, and the fuzz targets of
# tests/fuzz; `./scripts/fuzz` builds them into build-fuzz/ with clang and runs them.
option(TWCTL_SANITIZE "Build twctl's own code with ASan and UBSan" OFF)
option(TWCTL_SANITIZE_THREAD "Build twctl's own code with TSan" OFF)
option(TWCTL_FUZZ "Build the libFuzzer targets of tests/fuzz (clang only), twctl's own code with ASan and UBSan" OFF)

add_library(twctl_sanitize INTERFACE)
if(TWCTL_SANITIZE_THREAD AND (TWCTL_SANITIZE OR TWCTL_FUZZ))
  message(FATAL_ERROR "TWCTL_SANITIZE_THREAD cannot be combined with TWCTL_SANITIZE or TWCTL_FUZZ: ASan and TSan exclude each other")
endif()
if(TWCTL_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "TWCTL_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++-14")
endif()
if(TWCTL_SANITIZE OR TWCTL_FUZZ OR TWCTL_SANITIZE_THREAD)
  if(TWCTL_SANITIZE_THREAD)
    set(twctl_sanitize_flags -fsanitize=thread -fno-omit-frame-pointer)
  else()
    set(twctl_sanitize_flags -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  endif()
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
