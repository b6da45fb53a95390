#pragma once
// The only place that reads grpc::Status: maps it to an Error with a kind, a message a person can act on, and
// the decoded google.rpc.Status details (temporal.api.errordetails.v1).

#include "core/error.hpp"

#include <string>
#include <string_view>

namespace grpc {
class Status;
}

namespace twctl::client {

// `address` is named in connection errors; `interrupted` says the call was cancelled by the user.
Error from_status(const grpc::Status& status, std::string_view address, bool interrupted);

// The part of the mapping that needs no gRPC: a status code and message (for unit tests and the fake).
ErrorKind kind_for_code(int grpc_code);
std::string connection_message(std::string_view address, std::string_view grpc_message);

}  // namespace twctl::client
