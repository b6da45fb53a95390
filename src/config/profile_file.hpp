#pragma once
// The temporal.toml file the SDKs and the official CLI share: [profile.<name>] tables with address, namespace,
// api_key, authority and the tls, codec and grpc_meta sub-tables. Read for every connecting command; written by
// `twctl config set|delete|delete-profile` (file 0600, created folders 0700).

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twctl::config {

using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;

// $XDG_CONFIG_HOME/temporalio/temporal.toml, else $HOME/.config/temporalio/temporal.toml ("" if neither is set).
std::string default_config_path(const EnvLookup& env);

// A profile flattened to properties as `config set --prop` names them: "address", "tls.server_name",
// "grpc_meta.<key>", ... Booleans are "true"/"false". "tls" is "true" when the tls table is present and not
// disabled, "false" when disabled.
using Profile = std::map<std::string, std::string>;

// The properties `config set` accepts (besides "grpc_meta.<key>"), in display order.
const std::vector<std::string_view>& known_props();
bool is_known_prop(std::string_view prop);
bool is_bool_prop(std::string_view prop);

class ProfileFile {
 public:
  // Reads `path`; a missing file reads as empty. Throws a usage Error naming the file, line and column on bad
  // TOML, and a general Error when the file cannot be read.
  static ProfileFile load(const std::string& path);

  ProfileFile(ProfileFile&&) noexcept;
  ProfileFile& operator=(ProfileFile&&) noexcept;
  ~ProfileFile();

  const std::string& path() const { return path_; }
  bool exists() const { return exists_; }

  std::vector<std::string> profile_names() const;
  std::optional<Profile> profile(const std::string& name) const;
  // The profile's TOML structure as JSON (for `config get -o json`); null when absent.
  nlohmann::ordered_json profile_json(const std::string& name) const;

  // Throws a usage Error for an unknown property or a bad boolean.
  void set(const std::string& profile, const std::string& prop, const std::string& value);
  // False when there was nothing to delete.
  bool erase(const std::string& profile, const std::string& prop);
  bool erase_profile(const std::string& name);

  // Writes through a temporary file and a rename: the file is 0600 from its first byte, missing folders 0700.
  void save() const;

 private:
  struct Impl;
  ProfileFile(std::string path, bool exists, std::unique_ptr<Impl> impl);
  std::string path_;
  bool exists_ = false;
  std::unique_ptr<Impl> impl_;
};

}  // namespace twctl::config
