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

// `address` is named in connection errors; `interrupted` says the call was cancelled by the user; `tls` says
// the channel uses TLS (a proxy's HTTP 400 then means a missing client certificate, or with `client_cert` a
// rejected one). Sets Error::cause: refused, dns, reset, tls_handshake, unavailable, client_certificate,
// client_certificate_rejected, auth, message_too_large, unsupported. `request_bytes` (0: unknown) is named when
// the request was over a size limit of the server: its blob limit on one payload (INVALID_ARGUMENT "Blob data
// size exceeds limit") and its gRPC message limit on the request (RESOURCE_EXHAUSTED) are one mistake, and one
// error (resource_exhausted).
Error from_status(const grpc::Status& status, std::string_view address, bool interrupted, bool tls = false,
                  size_t request_bytes = 0, bool client_cert = false);

// The part of the mapping that needs no gRPC: a status code and message (for unit tests and the fake).
ErrorKind kind_for_code(int grpc_code);
std::string connection_message(std::string_view address, std::string_view grpc_message);
// The cause word for an UNAVAILABLE message: refused, dns, reset, tls_handshake or unavailable.
std::string connection_cause(std::string_view grpc_message);

// What to change when the server does not speak TLS, or requires it, from where TLS was turned on or off
// (TlsOptions::origin): "remove --tls", "add --tls=false (TLS was turned on by TEMPORAL_API_KEY)", "add --tls".
std::string tls_off_hint(std::string_view origin);
std::string tls_on_hint(std::string_view origin);

}  // namespace twctl::client
