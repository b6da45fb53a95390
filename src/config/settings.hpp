#pragma once
// Connection settings resolved from four levels, each setting on its own: flag, then environment variable, then
// the profile in temporal.toml, then the default. Every value remembers where it came from, for `twctl settings`
// and for error messages.

#include "config/profile_file.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twctl::config {

enum class Source { Default, Profile, Env, Flag };
std::string_view source_name(Source s);  // "default", "profile", "env", "flag"

struct Value {
  std::string value;
  Source source = Source::Default;
  std::string origin;  // "--address", "TEMPORAL_ADDRESS", "profile default (/path/temporal.toml)", "implied by --api-key"
  bool secret = false;
};

// Connection flags as typed; empty means "not given". Booleans are "", "true" or "false", so that an explicit
// --tls=false can win over a profile.
struct ConnectionFlags {
  std::string address, namespace_, api_key, client_authority, identity;
  std::string tls, tls_cert_path, tls_cert_data, tls_key_path, tls_key_data, tls_ca_path, tls_ca_data;
  std::string tls_server_name, tls_disable_host_verification;
  std::string codec_endpoint, codec_auth;
  std::vector<std::string> grpc_meta, codec_headers;  // KEY=VALUE each
  std::string profile, config_file, client_connect_timeout, retry_window;
  bool disable_config_file = false;
  bool disable_config_env = false;
};

struct Settings {
  // By property name as in the profile ("address", "tls.server_name", "grpc_meta.<key>", "codec_header.<key>",
  // "identity", "client_connect_timeout", "retry_window"); only settings that have a value.
  std::map<std::string, Value> values;
  Value profile;      // the profile's name
  Value config_file;  // the file's path ("" when disabled or unknown)
  bool config_file_found = false;
  bool profile_found = false;
  // A problem to report when a command needs the cluster (see ConnectionOptions::problem).
  std::string problem;

  const std::string& get(const std::string& key) const;  // "" when unset
  bool is_true(const std::string& key) const;
  // The settings in display order, for `twctl settings`.
  std::vector<std::pair<std::string, const Value*>> ordered() const;
};

// Resolves every setting. `env_names` lists the environment's variable names (for TEMPORAL_GRPC_META_*).
// Throws a usage Error for malformed flags or variables (KEY=VALUE, booleans); problems with the file or the
// profile are recorded in Settings::problem instead.
Settings resolve(const ConnectionFlags& flags, const EnvLookup& env, const std::vector<std::string>& env_names);

// The environment variables that set the setting of `flag` ("--address" → TEMPORAL_ADDRESS), the current name
// first; empty for a flag no variable sets. For the man pages and `--help`.
std::vector<std::string> env_for_flag(std::string_view flag);

// "SOME_KEY" (after TEMPORAL_GRPC_META_) → "some-key".
std::string meta_key_from_env(std::string_view suffix);

}  // namespace twctl::config
