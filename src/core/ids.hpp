#pragma once

#include <string>

namespace twctl {

// A random (version 4) UUID, for workflow IDs the user did not give and for request IDs.
std::string new_uuid();

}  // namespace twctl
