#pragma once
// The generated descriptor pool, with every file twctl may look a type up in by name registered first.
//
// The generated files register their descriptors on first use, not at static initialisation (the build takes
// each .pb.cc's AddDescriptorsRunner out: proto/lazy_descriptors.cmake): `--version`, help and completion of
// commands and flags never pay for it. A message's own descriptor (GetDescriptor, T::descriptor()) registers
// its file and the files it imports. A lookup by name has no file to start from: it goes through pool(),
// which registers the files whose types are looked up by name (both services' requests and answers and all
// they import, the error details, google.rpc.Status, the health check, the SDK's workflow metadata).

namespace google::protobuf {
class DescriptorPool;
}  // namespace google::protobuf

namespace twctl::message {

// DescriptorPool::generated_pool(), once the files above are registered (and built). Thread-safe.
const google::protobuf::DescriptorPool& pool();

// The same pool with only the enum files (temporal/api/enums/) registered: what the enum flags look up, a
// fraction of pool()'s cost (completing an enum value needs no service's messages). Thread-safe.
const google::protobuf::DescriptorPool& enum_pool();

}  // namespace twctl::message
