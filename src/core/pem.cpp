#include "core/pem.hpp"

#include <fmt/format.h>

namespace twctl {

namespace {

constexpr std::string_view kBegin = "-----BEGIN ";
constexpr std::string_view kEnd = "-----END ";
constexpr std::string_view kDashes = "-----";

bool base64_body(std::string_view body) {
  size_t chars = 0;
  bool padding = false;
  for (char c : body) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c == '=') {
      padding = true;
    } else if ((alnum || c == '+' || c == '/') && !padding) {
      ++chars;
    } else if (c == ':' ) {
      return true;  // RFC 1421 headers (Proc-Type, DEK-Info) of an encrypted legacy key: left to OpenSSL
    } else {
      return false;
    }
  }
  return chars > 0;
}

}  // namespace

PemSummary inspect_pem(std::string_view text) {
  PemSummary s;
  size_t at = 0;
  int blocks = 0;
  for (;;) {
    auto begin = text.find(kBegin, at);
    if (begin == std::string_view::npos) break;
    auto label_start = begin + kBegin.size();
    auto label_end = text.find(kDashes, label_start);
    auto line_end = text.find('\n', label_start);
    if (label_end == std::string_view::npos || (line_end != std::string_view::npos && label_end > line_end)) {
      s.problem = fmt::format("has a malformed -----BEGIN line (PEM block {})", blocks + 1);
      return s;
    }
    auto label = text.substr(label_start, label_end - label_start);
    auto end_line = fmt::format("{}{}{}", kEnd, label, kDashes);
    auto end = text.find(end_line, label_end);
    if (end == std::string_view::npos) {
      s.problem = fmt::format("has no {} line (PEM block {})", end_line, blocks + 1);
      return s;
    }
    if (!base64_body(text.substr(label_end + kDashes.size(), end - label_end - kDashes.size()))) {
      s.problem = fmt::format("has a PEM block ({}) whose body is not base64", label);
      return s;
    }
    ++blocks;
    if (label == "CERTIFICATE" || label == "TRUSTED CERTIFICATE" || label == "X509 CERTIFICATE") {
      ++s.certificates;
    } else if (label.size() >= 11 && label.substr(label.size() - 11) == "PRIVATE KEY") {
      ++s.keys;
    } else {
      ++s.other;
    }
    at = end + end_line.size();
  }
  if (blocks == 0) s.problem = "is not PEM (no -----BEGIN line)";
  return s;
}

std::string describe_pem(std::string_view text) {
  auto s = inspect_pem(text);
  if (!s.problem.empty()) return "(not PEM)";
  std::string parts;
  auto add = [&](int n, std::string_view one, std::string_view many) {
    if (n == 0) return;
    parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", n, n == 1 ? one : many);
  };
  add(s.certificates, "certificate", "certificates");
  add(s.keys, "private key", "private keys");
  add(s.other, "other block", "other blocks");
  return "(PEM, " + parts + ")";
}

}  // namespace twctl
