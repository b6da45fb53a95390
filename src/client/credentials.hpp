#pragma once
// Channel credentials from the TLS settings: plaintext, server TLS, or mTLS; with a server name override or with
// server certificate verification turned off. Only client/ sees gRPC types.

#include "client/gateway.hpp"

#include <memory>
#include <string>

namespace grpc {
class ChannelCredentials;
class ChannelArguments;
}  // namespace grpc

namespace twctl::client {

// PEM text from inline data, else from the file at `path` ("" when neither is set). Throws a usage Error naming
// `flag` when the file cannot be read.
std::string read_pem(const std::string& data, const std::string& path, const std::string& flag);

// Sets the server name override on `args` when asked. Throws a usage Error for an unreadable file or a client
// certificate without its key (or the other way round).
std::shared_ptr<grpc::ChannelCredentials> channel_credentials(const TlsOptions& tls, grpc::ChannelArguments& args);

}  // namespace twctl::client
