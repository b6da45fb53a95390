#pragma once
// Resolved settings → what the client layer needs to connect.

#include "client/gateway.hpp"
#include "config/settings.hpp"

#include <string>
#include <vector>

namespace twctl::config {

// Throws a usage Error for a bad --client-connect-timeout or retry window.
client::ConnectionOptions to_connection_options(const Settings& s);

// The first value that fails its type's check (text that is UTF-8 without control characters, a legal gRPC
// header, host:port, a host name), naming where it came from; "" when all pass. to_connection_options puts it
// in ConnectionOptions::problem, a usage error when a command needs the cluster.
// `failing_key`, when given, is set to the failing setting's key.
std::string check_values(const Settings& s, std::string* failing_key = nullptr);

// The error cause of the problem check_values finds: "tls_file" for a TLS file that cannot be read or holds no
// PEM, "" for the others.
std::string problem_cause(const Settings& s);

// Where TLS was turned on or off ("--tls", "TEMPORAL_TLS", "implied by --api-key", "profile p (FILE)"; "" for the
// default): named when the server disagrees (client::tls_off_hint).
std::string tls_origin(const Settings& s);

// Every secret value in the settings (for redact()).
std::vector<std::string> secrets(const Settings& s);

}  // namespace twctl::config
