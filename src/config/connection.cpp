#include "config/connection.hpp"

#include "core/duration.hpp"
#include "core/files.hpp"
#include "core/ids.hpp"
#include "core/pem.hpp"
#include "core/text.hpp"
#include "core/url.hpp"

#include <fmt/format.h>

#include <charconv>

namespace twctl::config {

namespace {

// What is wrong with an address ("" when nothing): host:port, a bracketed IPv6 host, a port 1-65535; gRPC's
// own target forms (dns:, unix:, ipv4:, ipv6:) are passed on unchecked.
std::string address_problem(std::string_view a) {
  for (std::string_view scheme : {"dns:", "unix:", "unix-abstract:", "ipv4:", "ipv6:"}) {
    if (a.substr(0, scheme.size()) == scheme) return {};
  }
  if (a.find("://") != std::string_view::npos) return "takes host:port, not a URL (leave out the scheme)";
  if (a.find_first_of(" \t") != std::string_view::npos) return "must not contain spaces";
  size_t colon = a.rfind(':');
  if (colon == std::string_view::npos) return "takes host:port (no port given)";
  auto host = a.substr(0, colon);
  auto port = a.substr(colon + 1);
  if (!host.empty() && host.front() == '[') {
    if (host.back() != ']' || host.size() < 3) return "has an IPv6 host without its closing ']'";
  } else if (host.find(':') != std::string_view::npos) {
    return "has an IPv6 host: write it in brackets, [::1]:7233";
  }
  if (host.empty()) return "has no host before the port";
  int n = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), n);
  if (port.empty() || ec != std::errc() || end != port.data() + port.size() || n < 1 || n > 65535) {
    return "has a port that is not a number from 1 to 65535";
  }
  return {};
}

// Where a value came from, for an error: "--namespace", "TEMPORAL_NAMESPACE", "profile default (FILE), key
// namespace".
std::string where(const std::string& key, const Value& v) {
  if (v.source == Source::Profile) return fmt::format("{}, key {}", v.origin, key);
  return v.origin;
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// What the PEM text of a TLS setting must hold: a certificate for the client certificate and the CA, a private
// key for the client key.
std::string pem_problem(const std::string& key, std::string_view text) {
  auto pem = inspect_pem(text);
  if (!pem.problem.empty()) return pem.problem;
  bool wants_key = key.find("client_key") != std::string::npos;
  if (wants_key && pem.keys == 0) return "holds no PEM private key (-----BEGIN PRIVATE KEY-----)";
  if (!wants_key && pem.certificates == 0) return "holds no PEM certificate (-----BEGIN CERTIFICATE-----)";
  return {};
}

// A TLS file: readable, a file, and PEM. The problem names the file (a path is not a secret).
std::string pem_file_problem(const std::string& key, const std::string& path) {
  std::string text;
  if (auto p = read_whole_file(path, text); !p.empty()) return fmt::format("the file {} {}", path, p);
  if (auto p = pem_problem(key, text); !p.empty()) return fmt::format("the file {} {}", path, p);
  return {};
}

bool is_tls_material(const std::string& key) {
  return key.rfind("tls.", 0) == 0 && (ends_with(key, "_path") || ends_with(key, "_data"));
}

// The first problem with a setting's value, checked against its type where it enters: nothing reaches gRPC that
// would make it abort or send bytes the server rejects. Secret values are never quoted.
std::string value_problem(const std::string& key, const std::string& value) {
  // Flags cannot be empty (cli/value_checks) and an empty variable is unset; a profile's "" has no meaning
  // either, except as a metadata value.
  bool header = key.rfind("grpc_meta.", 0) == 0 || key.rfind("codec_header.", 0) == 0;
  if (value.empty() && !header) return "is empty";
  if (is_tls_material(key)) {
    if (ends_with(key, "_path")) return pem_file_problem(key, value);
    if (auto p = utf8_problem(value); !p.empty()) return p;  // PEM text: newlines belong there
    return pem_problem(key, value);
  }
  if (key == "codec.endpoint") return http_url_problem(value);
  if (key == "api_key" || key == "authority" || key == "codec.auth" || key.rfind("grpc_meta.", 0) == 0 ||
      key.rfind("codec_header.", 0) == 0) {
    if (key.rfind("grpc_meta.", 0) == 0) {
      if (auto p = header_key_problem(key.substr(10)); !p.empty()) {
        return fmt::format("the metadata key \"{}\" {}", key.substr(10), p);
      }
    }
    return header_value_problem(value);
  }
  if (auto p = text_problem(value); !p.empty()) return p;
  if (key == "address") return address_problem(value);
  if (key == "namespace" && value.size() > kMaxIdLength) {  // from a variable or profile; flags are checked in cli/
    return fmt::format("is {} bytes long; the server accepts at most {} (limit.maxIDLength)", value.size(),
                       kMaxIdLength);
  }
  if (key == "tls.server_name" && value.size() > 253) return "is longer than a host name can be (253 characters)";
  return {};
}

// An API key read from a variable or a file often ends with the file's newline: one is dropped.
std::string trim_one_newline(std::string s) {
  if (!s.empty() && s.back() == '\n') s.pop_back();
  if (!s.empty() && s.back() == '\r') s.pop_back();
  return s;
}

}  // namespace

std::string check_values(const Settings& s, std::string* failing_key) {
  for (const auto& [key, value] : s.values) {
    auto v = key == "api_key" ? trim_one_newline(value.value) : value.value;
    if (auto p = value_problem(key, v); !p.empty()) {
      if (failing_key) *failing_key = key;
      return fmt::format("{}: {}{}", where(key, value), p.rfind("the ", 0) == 0 ? "" : "the value ", p);
    }
  }
  return {};
}

client::ConnectionOptions to_connection_options(const Settings& s) {
  client::ConnectionOptions c;
  c.address = s.get("address");
  c.namespace_ = s.get("namespace");
  c.identity = s.get("identity");
  c.api_key = trim_one_newline(s.get("api_key"));
  c.authority = s.get("authority");
  c.tls.enabled = s.is_true("tls");
  c.tls.cert_path = s.get("tls.client_cert_path");
  c.tls.cert_data = s.get("tls.client_cert_data");
  c.tls.key_path = s.get("tls.client_key_path");
  c.tls.key_data = s.get("tls.client_key_data");
  c.tls.ca_path = s.get("tls.server_ca_cert_path");
  c.tls.ca_data = s.get("tls.server_ca_cert_data");
  c.tls.server_name = s.get("tls.server_name");
  c.tls.disable_host_verification = s.is_true("tls.disable_host_verification");
  c.codec.endpoint = s.get("codec.endpoint");
  c.codec.auth = s.get("codec.auth");
  for (const auto& [key, value] : s.values) {
    if (key.rfind("grpc_meta.", 0) == 0) c.metadata.emplace_back(key.substr(10), value.value);
    if (key.rfind("codec_header.", 0) == 0) c.codec.headers.emplace_back(key.substr(13), value.value);
  }
  c.connect_timeout = std::chrono::duration_cast<std::chrono::milliseconds>(
      parse_duration("--client-connect-timeout", s.get("client_connect_timeout")));
  if (auto it = s.values.find("retry_window"); it != s.values.end()) {
    c.retry_window = std::chrono::duration_cast<std::chrono::milliseconds>(
        parse_duration(where("retry_window", it->second), it->second.value));
  }
  c.problem = s.problem.empty() ? check_values(s) : s.problem;
  return c;
}

std::string problem_cause(const Settings& s) {
  if (!s.problem.empty()) return {};
  std::string key;
  if (check_values(s, &key).empty()) return {};
  return is_tls_material(key) && ends_with(key, "_path") ? "tls_file" : "";
}

std::string tls_origin(const Settings& s) {
  auto it = s.values.find("tls");
  return it == s.values.end() ? "" : it->second.origin;
}

std::vector<std::string> secrets(const Settings& s) {
  std::vector<std::string> out;
  for (const auto& [key, value] : s.values) {
    if (auto userinfo = url_userinfo(value.value); key == "codec.endpoint" && !userinfo.empty()) {
      out.push_back(userinfo);  // credentials in the codec URL
    }
    if (value.secret && !value.value.empty()) {
      out.push_back(value.value);
      if (auto trimmed = trim_one_newline(value.value); trimmed != value.value && !trimmed.empty()) {
        out.push_back(trimmed);
      }
    }
  }
  return out;
}

}  // namespace twctl::config
