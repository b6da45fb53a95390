// Connection settings from flags and environment variables: resolution (flag > variable > default), the
// checks every value passes where it enters (config/connection: UTF-8 text without control characters, gRPC
// header keys and values, host:port addresses, PEM data, http(s) codec URLs, durations), the masking of
// secrets. Input: NUL-separated words, the n-th word the value of the n-th flag below (an empty word: not
// given), \x01NAME=VALUE words the environment. No file is read: the file flags stay unset and the config
// file is disabled (fuzz_profile covers temporal.toml).
//
// Oracle: a value the checks let through is one gRPC accepts, since gRPC aborts the process on an illegal
// header (grpc_header_key_is_legal / grpc_header_nonbin_value_is_legal, gRPC's own predicates).

#include "harness.hpp"
#include "config/connection.hpp"
#include "config/mask.hpp"
#include "config/settings.hpp"

#include <grpc/grpc.h>
#include <grpc/slice.h>

namespace {

bool grpc_legal(const std::string& key, const std::string& value) {
  grpc_slice k = grpc_slice_from_copied_buffer(key.data(), key.size());
  grpc_slice v = grpc_slice_from_copied_buffer(value.data(), value.size());
  bool ok = grpc_header_key_is_legal(k) && grpc_header_nonbin_value_is_legal(v);
  grpc_slice_unref(k);
  grpc_slice_unref(v);
  return ok;
}

// The n-th word is the value of the n-th flag below (an empty word: not given); the words after them are
// codec headers ("codec:…") or gRPC metadata.
twctl::config::ConnectionFlags flags_of(const std::vector<std::string>& words) {
  twctl::config::ConnectionFlags f;
  std::string* fields[] = {&f.address,        &f.namespace_,      &f.api_key,       &f.client_authority,
                           &f.identity,       &f.tls,             &f.tls_cert_data, &f.tls_key_data,
                           &f.tls_ca_data,    &f.tls_server_name, &f.tls_disable_host_verification,
                           &f.codec_endpoint, &f.codec_auth,      &f.client_connect_timeout,
                           &f.retry_window,   &f.profile};
  size_t i = 0;
  for (const auto& word : words) {
    if (i < std::size(fields)) {
      *fields[i++] = word;
    } else if (word.rfind("codec:", 0) == 0) {
      f.codec_headers.push_back(word.substr(6));
    } else {
      f.grpc_meta.push_back(word);
    }
  }
  f.disable_config_file = true;
  return f;
}

// The problem found for these flags and variables ("" when none, or when resolving fails as usage).
std::string problem_of(const twctl::config::ConnectionFlags& f, const std::vector<std::pair<std::string, std::string>>& env) {
  using namespace twctl;
  auto lookup = [&env](std::string_view name) -> std::optional<std::string> {
    for (const auto& [k, v] : env) {
      if (k == name) return v;
    }
    return std::nullopt;
  };
  std::vector<std::string> names;
  for (const auto& kv : env) names.push_back(kv.first);
  try {
    return config::to_connection_options(config::resolve(f, lookup, names)).problem;
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Usage) throw;
    return "";
  }
}

std::string replaced(std::string text, const std::string& what, char with) {
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) {
    text.replace(at, what.size(), std::string(what.size(), with));
  }
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace twctl;
  auto inv = fuzz::split_invocation(data, size);
  config::ConnectionFlags f = flags_of(inv.args);
  auto env = inv.env;
  auto lookup = [env](std::string_view name) -> std::optional<std::string> {
    for (const auto& [k, v] : env) {
      if (k == name) return v;
    }
    return std::nullopt;
  };
  std::vector<std::string> names;
  for (const auto& kv : env) names.push_back(kv.first);

  config::Settings s;
  try {
    s = config::resolve(f, lookup, names);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Usage) throw;
    return 0;
  }
  auto secrets = config::secrets(s);
  for (const auto& [key, v] : s.values) {
    (void)config::displayed(key, v.value);
  }
  client::ConnectionOptions c;
  try {
    c = config::to_connection_options(s);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Usage) throw;
    return 0;
  }
  // A problem is a sentence that names where the value came from and never quotes a secret (one that is not
  // also typed elsewhere, as a key or a value that is no secret).
  std::string plain;
  for (const auto& [key, v] : s.values) plain += key + "\n" + (v.secret ? "" : v.value + "\n") + v.origin + "\n";
  for (const auto& secret : secrets) {
    if (secret.size() >= 8 && plain.find(secret) == std::string::npos && c.problem.find(secret) != std::string::npos &&
        [&] {
          // The same text may be part of the sentence itself ("--address: the value is not …"): with the secret
          // typed as other letters, a problem that still holds it was not quoting it.
          char other = secret.find('q') == std::string::npos ? 'q' : 'z';
          auto words = inv.args;
          for (auto& w : words) w = replaced(w, secret, other);
          auto env2 = env;
          for (auto& kv : env2) kv.second = replaced(kv.second, secret, other);
          return problem_of(flags_of(words), env2).find(secret) == std::string::npos;
        }()) {
      std::fprintf(stderr, "a secret in the problem: %s\n", c.problem.c_str());
      std::abort();
    }
  }
  (void)config::redact(c.problem, secrets);
  if (!c.problem.empty()) return 0;
  // Everything passed: each header the gateway will add must be legal for gRPC.
  for (const auto& [key, value] : c.metadata) {
    if (!grpc_legal(key, value)) {
      std::fprintf(stderr, "gRPC would refuse the metadata %s\n", key.c_str());
      std::abort();
    }
  }
  if (!c.api_key.empty() && !grpc_legal("authorization", "Bearer " + c.api_key)) {
    std::fprintf(stderr, "gRPC would refuse the API key's header\n");
    std::abort();
  }
  if (c.tls.server_name.size() > 253) std::abort();
  return 0;
}
