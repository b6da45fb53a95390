# Takes the static registration out of each generated .pb.cc: protoc's code registers every file's descriptors
# with the generated pool at static initialisation (an AddDescriptorsRunner per file), ~13 million
# instructions for the Temporal API, paid by `--version`, help and completion, which never use them. Without
# it, a file registers itself and its imports the first time a message of it needs its descriptor
# (AssignDescriptors, under protobuf's lock); lookups by name go through message::pool() (src/message/pool.hpp).
#
#   cmake -DGEN_DIR=<protoc's --cpp_out> -P lazy_descriptors.cmake
# Fails when a file does not hold exactly one runner: a protobuf whose generated code differs from 3.21's.
file(GLOB_RECURSE sources ${GEN_DIR}/*.pb.cc)
if(NOT sources)
  message(FATAL_ERROR "lazy_descriptors: no .pb.cc under ${GEN_DIR}")
endif()
set(runner "PROTOBUF_ATTRIBUTE_INIT_PRIORITY2 static ::_pbi::AddDescriptorsRunner dynamic_init_dummy_[A-Za-z0-9_]+[(]&descriptor_table_[A-Za-z0-9_]+[)]")
foreach(f IN LISTS sources)
  file(READ ${f} text)
  string(REGEX MATCHALL "${runner}" found "${text}")
  list(LENGTH found n)
  if(NOT n EQUAL 1)
    message(FATAL_ERROR "lazy_descriptors: ${f} holds ${n} descriptor registrations, not 1: is protoc 3.21?")
  endif()
  string(REPLACE "${found}" "/* registered on first use: proto/lazy_descriptors.cmake */" text "${text}")
  file(WRITE ${f} "${text}")
endforeach()
