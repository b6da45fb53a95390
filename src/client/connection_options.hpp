#pragma once
// How to reach the cluster: address, namespace, identity, TLS, credentials, codec and the time bounds of calls.
// Resolved from flags, environment and profile (config/settings) before the gateway is made. Plain data: no
// gRPC or protobuf types, so every layer may include it.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace twctl::client {

// TLS as the SDKs configure it: PEM paths or inline data (data wins over a path), a server name override, and
// a switch that turns server certificate verification off (as Go's InsecureSkipVerify does).
struct TlsOptions {
  bool enabled = false;
  std::string cert_path, cert_data;
  std::string key_path, key_data;
  std::string ca_path, ca_data;
  std::string server_name;
  bool disable_host_verification = false;
};

// A remote codec server (POST <endpoint>/encode and /decode); empty endpoint: no codec.
struct CodecOptions {
  std::string endpoint;
  std::string auth;  // sent as Authorization
  std::vector<std::pair<std::string, std::string>> headers;
};

// How to reach the cluster. Resolved from flags, environment and profile (config/settings) before the
// gateway is made.
struct ConnectionOptions {
  std::string address = "localhost:7233";
  std::string namespace_ = "default";
  std::string identity;
  std::string api_key;    // sent as "authorization: Bearer <key>"; turns TLS on
  std::string authority;  // :authority header override
  TlsOptions tls;
  std::vector<std::pair<std::string, std::string>> metadata;  // --grpc-meta, lower-case keys
  CodecOptions codec;
  // Bound on each unary call; long polls get their own longer bound.
  std::chrono::milliseconds call_timeout{std::chrono::seconds(30)};
  // Bound on establishing the connection (TCP and TLS) before the first call.
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(10)};
  // How long a call is retried through an outage once the cluster has answered (--retry-window).
  std::chrono::milliseconds retry_window{std::chrono::seconds(60)};
  // End of the whole command (--command-timeout), if any.
  std::optional<std::chrono::system_clock::time_point> deadline;
  // A problem found while resolving the settings (unreadable profile file, unknown profile): reported when a
  // command first needs the cluster, so commands that do not connect still run.
  std::string problem;
  // Diagnostics for --verbose (each retry, the connection made); null when quiet. Never given secrets.
  std::function<void(std::string_view)> log;
};

}  // namespace twctl::client
