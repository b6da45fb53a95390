#include "config/connection.hpp"

#include "core/duration.hpp"

namespace twctl::config {

client::ConnectionOptions to_connection_options(const Settings& s) {
  client::ConnectionOptions c;
  c.address = s.get("address");
  c.namespace_ = s.get("namespace");
  c.identity = s.get("identity");
  c.api_key = s.get("api_key");
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
  c.problem = s.problem;
  return c;
}

std::vector<std::string> secrets(const Settings& s) {
  std::vector<std::string> out;
  for (const auto& [key, value] : s.values) {
    if (value.secret && !value.value.empty()) out.push_back(value.value);
  }
  return out;
}

}  // namespace twctl::config
