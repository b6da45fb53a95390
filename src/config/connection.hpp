#pragma once
// Resolved settings → what the client layer needs to connect.

#include "client/gateway.hpp"
#include "config/settings.hpp"

#include <string>
#include <vector>

namespace twctl::config {

// Throws a usage Error for a bad --client-connect-timeout.
client::ConnectionOptions to_connection_options(const Settings& s);

// Every secret value in the settings (for redact()).
std::vector<std::string> secrets(const Settings& s);

}  // namespace twctl::config
