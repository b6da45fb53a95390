#include "config/mask.hpp"

#include "core/pem.hpp"
#include "core/url.hpp"

#include <cctype>

namespace twctl::config {

namespace {
constexpr std::string_view kMask = "********";
// Shorter values (e.g. "1") would mask ordinary words; credentials are never this short.
constexpr size_t kMinRedacted = 4;
}  // namespace

bool is_secret_key(std::string_view key) {
  if (key == "api_key" || key == "tls.client_key_data" || key == "codec.auth") return true;
  auto dot = key.find('.');
  if (dot == std::string_view::npos) return false;
  auto table = key.substr(0, dot);
  if (table != "grpc_meta" && table != "codec_header") return false;
  std::string header(key.substr(dot + 1));
  for (auto& c : header) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view word : {"auth", "token", "key", "secret", "password", "cookie"}) {
    if (header.find(word) != std::string::npos) return true;
  }
  return false;
}

std::string mask(std::string_view secret) { return secret.empty() ? std::string() : std::string(kMask); }

std::string displayed(std::string_view key, std::string_view value) {
  if (is_secret_key(key)) return mask(value);
  if (value.empty()) return {};
  if (key.rfind("tls.", 0) == 0 && key.size() > 5 && key.substr(key.size() - 5) == "_data") return describe_pem(value);
  if (key == "codec.endpoint") return url_without_credentials(value);
  return std::string(value);
}

std::string redact(std::string text, const std::vector<std::string>& secrets) {
  for (const auto& s : secrets) {
    if (s.size() < kMinRedacted) continue;
    for (auto at = text.find(s); at != std::string::npos; at = text.find(s, at + kMask.size())) {
      text.replace(at, s.size(), kMask);
    }
  }
  return text;
}

}  // namespace twctl::config
