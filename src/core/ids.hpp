#pragma once

#include <cstddef>
#include <string>

namespace twctl {

// A random (version 4) UUID, for workflow IDs the user did not give and for request IDs.
std::string new_uuid();

// The server's default limit on the length of IDs and names, in bytes (dynamic config limit.maxIDLength): workflow,
// run, update, request and batch job IDs, namespaces, workflow types, task queues, signal, query and update names.
inline constexpr size_t kMaxIdLength = 1000;

}  // namespace twctl
