// toml++ is used header-only (in this one file), so twctl loads no extra shared library at start-up.
#define TOML_HEADER_ONLY 1
#define TOML_ENABLE_FORMATTERS 1
#include <toml++/toml.h>

#include "config/profile_file.hpp"

#include "core/error.hpp"
#include "core/files.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace twctl::config {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string_view> kProps{
    "address",
    "namespace",
    "api_key",
    "authority",
    "tls",
    "tls.disabled",
    "tls.client_cert_path",
    "tls.client_cert_data",
    "tls.client_key_path",
    "tls.client_key_data",
    "tls.server_ca_cert_path",
    "tls.server_ca_cert_data",
    "tls.server_name",
    "tls.disable_host_verification",
    "codec.endpoint",
    "codec.auth",
    "retry_window",
};

constexpr std::string_view kMetaPrefix = "grpc_meta.";

bool parse_bool(std::string_view prop, std::string_view value) {
  if (value == "true") return true;
  if (value == "false") return false;
  throw usage_error(fmt::format("{} takes true or false, not \"{}\"", prop, value));
}

std::string scalar_text(const toml::node& n) {
  if (auto s = n.value<std::string>()) return *s;
  if (auto b = n.value<bool>()) return *b ? "true" : "false";
  if (auto i = n.value<int64_t>()) return std::to_string(*i);
  std::ostringstream out;
  n.visit([&out](const auto& v) { out << v; });
  return out.str();
}

std::string_view type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    default:
      return "a date or time";
  }
}

nlohmann::ordered_json to_json(const toml::node& n) {
  if (const auto* t = n.as_table()) {
    auto j = nlohmann::ordered_json::object();
    for (const auto& [k, v] : *t) j[std::string(k.str())] = to_json(v);
    return j;
  }
  if (const auto* a = n.as_array()) {
    auto j = nlohmann::ordered_json::array();
    for (const auto& v : *a) j.push_back(to_json(v));
    return j;
  }
  if (auto b = n.value<bool>(); b && n.is_boolean()) return *b;
  if (auto i = n.value<int64_t>(); i && n.is_integer()) return *i;
  if (auto d = n.value<double>(); d && n.is_floating_point()) return *d;
  return scalar_text(n);
}

// "tls.server_name" → {"tls", "server_name"}; "grpc_meta.x-y" → {"grpc_meta", "x-y"}; "address" → {"", "address"}.
std::pair<std::string, std::string> split_prop(std::string_view prop) {
  auto dot = prop.find('.');
  if (dot == std::string_view::npos) return {"", std::string(prop)};
  return {std::string(prop.substr(0, dot)), std::string(prop.substr(dot + 1))};
}

void check_prop(std::string_view prop) {
  if (is_known_prop(prop)) return;
  if (prop.substr(0, kMetaPrefix.size()) == kMetaPrefix && prop.size() > kMetaPrefix.size()) return;
  std::string names;
  for (auto p : kProps) names += (names.empty() ? "" : ", ") + std::string(p);
  throw usage_error(fmt::format("unknown property \"{}\": known are {}, grpc_meta.<header>", prop, names));
}

}  // namespace

struct ProfileFile::Impl {
  toml::table root;

  toml::table* profile_table(const std::string& name) {
    auto* profiles = root["profile"].as_table();
    return profiles ? (*profiles)[name].as_table() : nullptr;
  }
  const toml::table* profile_table(const std::string& name) const {
    return const_cast<Impl*>(this)->profile_table(name);
  }
};

std::string default_config_path(const EnvLookup& env) {
  if (auto xdg = env("XDG_CONFIG_HOME"); xdg && !xdg->empty()) return *xdg + "/temporalio/temporal.toml";
  if (auto home = env("HOME"); home && !home->empty()) return *home + "/.config/temporalio/temporal.toml";
  return {};
}

const std::vector<std::string_view>& known_props() { return kProps; }

bool is_known_prop(std::string_view prop) {
  for (auto p : kProps) {
    if (p == prop) return true;
  }
  return false;
}

bool is_bool_prop(std::string_view prop) {
  return prop == "tls" || prop == "tls.disabled" || prop == "tls.disable_host_verification";
}

ProfileFile::ProfileFile(std::string path, bool exists, std::unique_ptr<Impl> impl)
    : path_(std::move(path)), exists_(exists), impl_(std::move(impl)) {}
ProfileFile::ProfileFile(ProfileFile&&) noexcept = default;
ProfileFile& ProfileFile::operator=(ProfileFile&&) noexcept = default;
ProfileFile::~ProfileFile() = default;

ProfileFile ProfileFile::load(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  std::error_code ec;
  if (path.empty() || !fs::exists(path, ec)) return ProfileFile(path, false, std::move(impl));
  std::string text;
  if (auto p = read_whole_file(path, text); !p.empty()) throw usage_error(fmt::format("the config file {} {}", path, p));
  try {
    impl->root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    throw usage_error(fmt::format("the config file {} is not valid TOML (line {}, column {}): {}", path, where.line,
                                  where.column, e.description()));
  }
  if (auto* profiles = impl->root["profile"].node(); profiles && !profiles->is_table()) {
    throw usage_error(fmt::format("the config file {}: \"profile\" must be a table of profiles", path));
  }
  return ProfileFile(path, true, std::move(impl));
}

std::vector<std::string> ProfileFile::profile_names() const {
  std::vector<std::string> names;
  if (const auto* profiles = impl_->root["profile"].as_table()) {
    for (const auto& [k, v] : *profiles) {
      if (v.is_table()) names.emplace_back(k.str());
    }
  }
  return names;
}

std::optional<Profile> ProfileFile::profile(const std::string& name) const {
  const auto* t = impl_->profile_table(name);
  if (!t) return std::nullopt;
  // A value of the wrong type is an error naming file, profile and key, never coerced: `address = 5` must not
  // connect somewhere, `tls.disabled = "yes"` must not turn TLS on. Unknown keys are left alone (other tools
  // share the file).
  auto check_type = [&](const std::string& key, const toml::node& v) {
    bool known = is_known_prop(key) || (key.rfind(kMetaPrefix, 0) == 0 && key.size() > kMetaPrefix.size());
    if (!known) return;
    bool want_bool = is_bool_prop(key);
    if (want_bool ? v.is_boolean() : v.is_string()) return;
    throw usage_error(fmt::format("the config file {}: profile \"{}\" key {} must be {}, not {}", path_, name, key,
                                  want_bool ? "true or false" : "a string", type_name(v)));
  };
  Profile p;
  for (const auto& [k, v] : *t) {
    std::string key(k.str());
    if (const auto* sub = v.as_table()) {
      for (const auto& [sk, sv] : *sub) {
        auto full = key + "." + std::string(sk.str());
        check_type(full, sv);
        if (!sv.is_table() && !sv.is_array()) p[full] = scalar_text(sv);
      }
      if (key == "tls") p["tls"] = sub->get("disabled") && sub->get("disabled")->value_or(false) ? "false" : "true";
    } else if (key == "tls" || key == "codec" || key == "grpc_meta") {
      throw usage_error(fmt::format("the config file {}: profile \"{}\" key {} must be a table ([profile.{}.{}]), not {}",
                                    path_, name, key, name, key, type_name(v)));
    } else {
      check_type(key, v);
      if (!v.is_array()) p[key] = scalar_text(v);
    }
  }
  return p;
}

nlohmann::ordered_json ProfileFile::profile_json(const std::string& name) const {
  const auto* t = impl_->profile_table(name);
  return t ? to_json(*t) : nlohmann::ordered_json();
}

void ProfileFile::set(const std::string& profile, const std::string& prop, const std::string& value) {
  check_prop(prop);
  auto& root = impl_->root;
  if (!root["profile"].as_table()) root.insert_or_assign("profile", toml::table{});
  auto& profiles = *root["profile"].as_table();
  if (!profiles[profile].as_table()) profiles.insert_or_assign(profile, toml::table{});
  auto& t = *profiles[profile].as_table();
  auto [table, key] = split_prop(prop);
  if (prop == "tls") {
    // The table's presence turns TLS on; "disabled" turns it off again.
    if (!t["tls"].as_table()) t.insert_or_assign("tls", toml::table{});
    auto& tls = *t["tls"].as_table();
    if (parse_bool(prop, value)) {
      tls.erase("disabled");
    } else {
      tls.insert_or_assign("disabled", true);
    }
    return;
  }
  toml::table* into = &t;
  if (!table.empty()) {
    if (!t[table].as_table()) t.insert_or_assign(table, toml::table{});
    into = t[table].as_table();
  }
  if (is_bool_prop(prop)) {
    into->insert_or_assign(key, parse_bool(prop, value));
  } else {
    into->insert_or_assign(key, value);
  }
}

bool ProfileFile::erase(const std::string& profile, const std::string& prop) {
  check_prop(prop);
  auto* t = impl_->profile_table(profile);
  if (!t) return false;
  auto [table, key] = split_prop(prop);
  if (table.empty()) return t->erase(key) > 0;
  auto* sub = (*t)[table].as_table();
  if (!sub) return false;
  bool erased = sub->erase(key) > 0;
  if (sub->empty() && table != "tls") t->erase(table);
  return erased;
}

bool ProfileFile::erase_profile(const std::string& name) {
  auto* profiles = impl_->root["profile"].as_table();
  return profiles && profiles->erase(name) > 0;
}

void ProfileFile::save() const {
  if (path_.empty()) throw usage_error("no config file path: set --config-file, TEMPORAL_CONFIG_FILE or HOME");
  fs::path target(path_);
  if (target.has_parent_path()) {
    // Each missing folder is made private; existing ones are left as they are.
    fs::path dir;
    for (const auto& part : target.parent_path()) {
      dir /= part;
      if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
        throw Error(ErrorKind::General, fmt::format("cannot create {}: {}", dir.string(), std::strerror(errno)));
      }
    }
  }
  std::ostringstream text;
  // Sub-tables unindented and strings double-quoted, as people and the other tools write this file.
  constexpr auto flags = toml::toml_formatter::default_flags &
                         ~(toml::format_flags::indent_sub_tables | toml::format_flags::allow_literal_strings);
  text << toml::toml_formatter(impl_->root, flags) << "\n";
  auto body = text.str();
  auto tmp = path_ + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw Error(ErrorKind::General, fmt::format("cannot write {}: {}", tmp, std::strerror(errno)));
  ::fchmod(fd, 0600);  // also when the temporary file was left over with other modes
  bool ok = ::write(fd, body.data(), body.size()) == static_cast<ssize_t>(body.size()) && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(tmp.c_str(), path_.c_str()) != 0) {
    auto why = std::strerror(errno);
    ::unlink(tmp.c_str());
    throw Error(ErrorKind::General, fmt::format("cannot write {}: {}", path_, why));
  }
}

}  // namespace twctl::config
