#pragma once
// The generated descriptor pool, with every file twctl may look a type up in by name registered first.
//
// The generated files register their descriptors on first use, not at static initialisation (the build takes
// each .pb.cc's AddDescriptorsRunner out: proto/lazy_descriptors.cmake): `--version`, help and completion of
// commands and flags never pay for it. A message's own descriptor (GetDescriptor, T::descriptor()) registers
// its file and the files it imports. A lookup by name has no file to start from: it goes through pool(),
// which registers the files whose types are looked up by name (both services' requests and answers and all
// they import, the error details, google.rpc.Status, the health check, the SDK's workflow metadata).
//
// Calls (the request check, the RPC rules, an error's details) and the JSON writer read messages with the
// schema tables (message/schema.hpp), not descriptors: most commands never register a file.
//
// Threads: protobuf registers a generated file without the pool's lock (it expects static initialisation), so
// registering one while another thread reads descriptors corrupts the pool. Before a thread that uses
// descriptors starts (reflection: --fields, -o tsv, bulk's and trace's renderers), every file it will use must
// be registered: pool() registers all of them. A thread that only calls (paging ahead, describe's second
// call) uses none.

namespace google::protobuf {
class DescriptorPool;
}  // namespace google::protobuf

namespace twctl::message {

// DescriptorPool::generated_pool(), once the files above are registered (and built). Safe from any thread once
// it has returned on one before the others started.
const google::protobuf::DescriptorPool& pool();

}  // namespace twctl::message
