#include "config/settings.hpp"

#include "config/mask.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <filesystem>

#include <algorithm>
#include <array>
#include <cctype>

namespace twctl::config {

namespace {

// One row per setting: its property name, the flag (member and spelling), the environment variables (the
// current name first, then the legacy one the official CLI still honours), whether a profile may set it, and
// the default. Which settings are secrets is config::is_secret_key's to say.
struct Spec {
  std::string_view key;
  std::string ConnectionFlags::*flag;
  std::string_view flag_name;
  std::array<std::string_view, 2> env;
  bool in_profile;
  std::string_view fallback;
};

const std::array<Spec, 18> kSpecs{{
    {"address", &ConnectionFlags::address, "--address", {"TEMPORAL_ADDRESS", {}}, true, "localhost:7233"},
    {"namespace", &ConnectionFlags::namespace_, "--namespace", {"TEMPORAL_NAMESPACE", {}}, true, "default"},
    {"api_key", &ConnectionFlags::api_key, "--api-key", {"TEMPORAL_API_KEY", {}}, true, {}},
    {"tls", &ConnectionFlags::tls, "--tls", {"TEMPORAL_TLS", {}}, true, {}},
    {"tls.client_cert_path", &ConnectionFlags::tls_cert_path, "--tls-cert-path",
     {"TEMPORAL_TLS_CLIENT_CERT_PATH", "TEMPORAL_TLS_CERT"}, true, {}},
    {"tls.client_cert_data", &ConnectionFlags::tls_cert_data, "--tls-cert-data",
     {"TEMPORAL_TLS_CLIENT_CERT_DATA", "TEMPORAL_TLS_CERT_DATA"}, true, {}},
    {"tls.client_key_path", &ConnectionFlags::tls_key_path, "--tls-key-path",
     {"TEMPORAL_TLS_CLIENT_KEY_PATH", "TEMPORAL_TLS_KEY"}, true, {}},
    {"tls.client_key_data", &ConnectionFlags::tls_key_data, "--tls-key-data",
     {"TEMPORAL_TLS_CLIENT_KEY_DATA", "TEMPORAL_TLS_KEY_DATA"}, true, {}},
    {"tls.server_ca_cert_path", &ConnectionFlags::tls_ca_path, "--tls-ca-path",
     {"TEMPORAL_TLS_SERVER_CA_CERT_PATH", "TEMPORAL_TLS_CA"}, true, {}},
    {"tls.server_ca_cert_data", &ConnectionFlags::tls_ca_data, "--tls-ca-data",
     {"TEMPORAL_TLS_SERVER_CA_CERT_DATA", "TEMPORAL_TLS_CA_DATA"}, true, {}},
    {"tls.server_name", &ConnectionFlags::tls_server_name, "--tls-server-name", {"TEMPORAL_TLS_SERVER_NAME", {}},
     true, {}},
    {"tls.disable_host_verification", &ConnectionFlags::tls_disable_host_verification,
     "--tls-disable-host-verification", {"TEMPORAL_TLS_DISABLE_HOST_VERIFICATION", {}}, true, {}},
    {"authority", &ConnectionFlags::client_authority, "--client-authority", {}, true, {}},
    {"codec.endpoint", &ConnectionFlags::codec_endpoint, "--codec-endpoint", {"TEMPORAL_CODEC_ENDPOINT", {}}, true,
     {}},
    {"codec.auth", &ConnectionFlags::codec_auth, "--codec-auth", {"TEMPORAL_CODEC_AUTH", {}}, true, {}},
    {"identity", &ConnectionFlags::identity, "--identity", {}, false, {}},
    {"client_connect_timeout", &ConnectionFlags::client_connect_timeout, "--client-connect-timeout", {}, false, "10s"},
    // twctl's own (the official CLI has no such setting), so its variable is not a TEMPORAL_ one.
    {"retry_window", &ConnectionFlags::retry_window, "--retry-window", {"TWCTL_RETRY_WINDOW", {}}, true, "60s"},
}};

constexpr std::string_view kMetaEnvPrefix = "TEMPORAL_GRPC_META_";

bool is_bool_key(std::string_view key) { return key == "tls" || key == "tls.disable_host_verification"; }

// Go's strconv.ParseBool, which the official CLI uses for these.
std::string normalize_bool(std::string_view where, const std::string& text) {
  static const std::array<std::string_view, 6> yes{"1", "t", "T", "true", "TRUE", "True"};
  static const std::array<std::string_view, 6> no{"0", "f", "F", "false", "FALSE", "False"};
  if (std::find(yes.begin(), yes.end(), text) != yes.end()) return "true";
  if (std::find(no.begin(), no.end(), text) != no.end()) return "false";
  throw usage_error(fmt::format("{} takes true or false, not \"{}\"", where, text));
}

std::pair<std::string, std::string> key_value(std::string_view flag, const std::string& kv) {
  auto eq = kv.find('=');
  // The text is not quoted: it is often a credential typed with ':' instead of '='.
  if (eq == std::string::npos) throw usage_error(fmt::format("{} takes KEY=VALUE; the value given has no '='", flag));
  if (eq == 0) throw usage_error(fmt::format("{} takes KEY=VALUE; the value given has no key before '='", flag));
  return {kv.substr(0, eq), kv.substr(eq + 1)};
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void replace_all(std::string& s, std::string_view what, std::string_view with) {
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size())) {
    s.replace(at, what.size(), with);
  }
}

}  // namespace

std::string_view source_name(Source s) {
  switch (s) {
    case Source::Flag:
      return "flag";
    case Source::Env:
      return "env";
    case Source::Profile:
      return "profile";
    default:
      return "default";
  }
}

std::vector<std::string> env_for_flag(std::string_view flag) {
  if (flag == "--profile") return {"TEMPORAL_PROFILE"};
  if (flag == "--config-file") return {"TEMPORAL_CONFIG_FILE"};
  if (flag == "--grpc-meta") return {std::string(kMetaEnvPrefix) + "<KEY>"};
  for (const auto& spec : kSpecs) {
    if (spec.flag_name != flag) continue;
    std::vector<std::string> out;
    for (auto e : spec.env) {
      if (!e.empty()) out.emplace_back(e);
    }
    return out;
  }
  return {};
}

std::string meta_key_from_env(std::string_view suffix) {
  std::string key = lower(std::string(suffix));
  std::replace(key.begin(), key.end(), '_', '-');
  return key;
}

const std::string& Settings::get(const std::string& key) const {
  static const std::string empty;
  auto it = values.find(key);
  return it == values.end() ? empty : it->second.value;
}

bool Settings::is_true(const std::string& key) const { return get(key) == "true"; }

std::vector<std::pair<std::string, const Value*>> Settings::ordered() const {
  std::vector<std::pair<std::string, const Value*>> rows;
  rows.emplace_back("profile", &profile);
  rows.emplace_back("config_file", &config_file);
  for (const auto& spec : kSpecs) {
    if (auto it = values.find(std::string(spec.key)); it != values.end()) rows.emplace_back(it->first, &it->second);
  }
  // grpc_meta.* and codec_header.*, alphabetically (the map's order).
  for (const auto& [key, value] : values) {
    if (key.rfind("grpc_meta.", 0) == 0 || key.rfind("codec_header.", 0) == 0) rows.emplace_back(key, &value);
  }
  return rows;
}

Settings resolve(const ConnectionFlags& flags, const EnvLookup& env_lookup, const std::vector<std::string>& env_names) {
  Settings s;
  // TEMPORAL_* variables count only unless --disable-config-env.
  auto env = [&](std::string_view name) -> std::optional<std::string> {
    if (flags.disable_config_env || name.empty()) return std::nullopt;
    auto v = env_lookup(name);
    if (v && v->empty()) return std::nullopt;
    return v;
  };

  // Which file and which profile.
  if (!flags.config_file.empty()) {
    s.config_file = {flags.config_file, Source::Flag, "--config-file"};
  } else if (auto v = env("TEMPORAL_CONFIG_FILE")) {
    s.config_file = {*v, Source::Env, "TEMPORAL_CONFIG_FILE"};
  } else {
    s.config_file = {default_config_path(env_lookup), Source::Default, "default"};
  }
  if (!flags.profile.empty()) {
    s.profile = {flags.profile, Source::Flag, "--profile"};
  } else if (auto v = env("TEMPORAL_PROFILE")) {
    s.profile = {*v, Source::Env, "TEMPORAL_PROFILE"};
  } else {
    s.profile = {"default", Source::Default, "default"};
  }

  Profile profile;
  if (flags.disable_config_file) {
    s.config_file = {"", Source::Flag, "--disable-config-file"};
  } else {
    try {
      auto file = ProfileFile::load(s.config_file.value);
      s.config_file_found = file.exists();
      if (auto p = file.profile(s.profile.value)) {
        profile = std::move(*p);
        s.profile_found = true;
      }
    } catch (const Error& e) {
      s.problem = e.what();
      // A file that is there but cannot be read or parsed was found: its problem says what is wrong.
      std::error_code ec;
      s.config_file_found = !s.config_file.value.empty() && std::filesystem::exists(s.config_file.value, ec);
    }
    if (s.problem.empty() && s.config_file.source != Source::Default && !s.config_file_found) {
      s.problem = fmt::format("the config file {} (from {}) does not exist", s.config_file.value, s.config_file.origin);
    } else if (s.problem.empty() && s.profile.source != Source::Default && !s.profile_found) {
      s.problem = fmt::format("profile \"{}\" (from {}) is not in {}", s.profile.value, s.profile.origin,
                              s.config_file.value.empty() ? "any config file" : s.config_file.value);
    }
  }
  const std::string profile_origin = fmt::format("profile {} ({})", s.profile.value, s.config_file.value);

  for (const auto& spec : kSpecs) {
    Value v;
    std::string key(spec.key);
    if (const auto& f = flags.*spec.flag; !f.empty()) {
      v = {f, Source::Flag, std::string(spec.flag_name)};
    } else if (auto e = env(spec.env[0])) {
      v = {*e, Source::Env, std::string(spec.env[0])};
    } else if (auto legacy = env(spec.env[1])) {
      v = {*legacy, Source::Env, std::string(spec.env[1])};
    } else if (auto p = profile.find(key); spec.in_profile && p != profile.end()) {
      v = {p->second, Source::Profile, profile_origin};
    } else if (!spec.fallback.empty()) {
      v = {std::string(spec.fallback), Source::Default, "default"};
    } else {
      continue;
    }
    if (is_bool_key(key)) v.value = normalize_bool(v.origin, v.value);
    if (v.source == Source::Profile && key == "tls" && v.value == "true" && profile.count("tls.disabled") &&
        profile.at("tls.disabled") == "true") {
      v.value = "false";
    }
    s.values[key] = std::move(v);
  }

  // Any TLS option or an API key turns TLS on unless TLS was set explicitly (--tls=false forces it off).
  if (!s.values.count("tls")) {
    for (const auto& key : {"api_key", "tls.client_cert_path", "tls.client_cert_data", "tls.client_key_path",
                            "tls.client_key_data", "tls.server_ca_cert_path", "tls.server_ca_cert_data",
                            "tls.server_name"}) {
      if (auto it = s.values.find(key); it != s.values.end()) {
        s.values["tls"] = {"true", it->second.source, "implied by " + it->second.origin};
        break;
      }
    }
    if (!s.values.count("tls") && s.is_true("tls.disable_host_verification")) {
      const auto& hv = s.values.at("tls.disable_host_verification");
      s.values["tls"] = {"true", hv.source, "implied by " + hv.origin};
    }
  }

  if (!s.values.count("identity")) {
    auto user = env_lookup("USER").value_or("user");
    auto host = env_lookup("HOSTNAME").value_or("localhost");
    s.values["identity"] = {fmt::format("twctl:{}@{}", user, host), Source::Default, "default"};
  }

  // gRPC metadata: profile, then TEMPORAL_GRPC_META_<NAME>, then --grpc-meta; later levels win per key.
  for (const auto& [key, value] : profile) {
    if (key.rfind("grpc_meta.", 0) == 0) s.values[lower(key)] = {value, Source::Profile, profile_origin};
  }
  for (const auto& name : env_names) {
    if (name.size() <= kMetaEnvPrefix.size() || name.rfind(kMetaEnvPrefix, 0) != 0) continue;
    if (auto v = env(name)) {
      s.values["grpc_meta." + meta_key_from_env(std::string_view(name).substr(kMetaEnvPrefix.size()))] = {
          *v, Source::Env, name};
    }
  }
  for (const auto& kv : flags.grpc_meta) {
    auto [k, v] = key_value("--grpc-meta", kv);
    s.values["grpc_meta." + lower(k)] = {v, Source::Flag, "--grpc-meta"};
  }
  for (const auto& kv : flags.codec_headers) {
    auto [k, v] = key_value("--codec-header", kv);
    s.values["codec_header." + k] = {v, Source::Flag, "--codec-header"};
  }
  for (auto& [key, value] : s.values) value.secret = is_secret_key(key);

  // Templates the official CLI fills in: ${namespace} in the address, {namespace} in the codec endpoint.
  if (auto it = s.values.find("address"); it != s.values.end()) replace_all(it->second.value, "${namespace}", s.get("namespace"));
  if (auto it = s.values.find("codec.endpoint"); it != s.values.end()) replace_all(it->second.value, "{namespace}", s.get("namespace"));
  return s;
}

}  // namespace twctl::config
