# One set of warnings for every target of ours (library, command layer, binary, tests); the generated Temporal
# API code is not ours and is compiled with -w (proto/CMakeLists.txt).
# -DTWCTL_WERROR=ON turns them into errors (what a CI job that wants a clean build sets).
option(TWCTL_WERROR "Treat warnings in twctl's own code as errors" OFF)

add_library(twctl_warnings INTERFACE)
target_compile_options(twctl_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<CXX_COMPILER_ID:GNU>:-Wduplicated-cond -Wlogical-op>)  # GCC's own (the fuzz build uses clang)
if(TWCTL_WERROR)
  target_compile_options(twctl_warnings INTERFACE -Werror)
endif()
