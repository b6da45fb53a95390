#include "core/url.hpp"

#include "core/text.hpp"

#include <cctype>
#include <charconv>

namespace twctl {

namespace {

struct Parts {
  std::string_view scheme, userinfo, host, port;
  size_t authority_start = 0;
  bool has_userinfo = false;
  bool has_port = false;
};

// Splits scheme://[userinfo@]host[:port][/path...]; false when there is no "://".
bool split(std::string_view url, Parts& p) {
  auto sep = url.find("://");
  if (sep == std::string_view::npos) return false;
  p.scheme = url.substr(0, sep);
  p.authority_start = sep + 3;
  auto rest = url.substr(p.authority_start);
  auto authority = rest.substr(0, rest.find_first_of("/?#"));
  if (auto at = authority.rfind('@'); at != std::string_view::npos) {
    p.has_userinfo = true;
    p.userinfo = authority.substr(0, at);
    authority = authority.substr(at + 1);
  }
  auto colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
    p.host = authority.substr(0, colon);
    p.port = authority.substr(colon + 1);
    p.has_port = true;
  } else {
    p.host = authority;
  }
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string http_url_problem(std::string_view url) {
  if (auto p = text_problem(url); !p.empty()) return p;
  if (url.find_first_of(" \t") != std::string_view::npos) return "is not a URL: it contains a space";
  Parts p;
  if (!split(url, p)) return "is not an http(s) URL (e.g. https://codec.example.com)";
  auto scheme = lower(p.scheme);
  if (scheme != "http" && scheme != "https") return "is not an http(s) URL: its scheme must be http or https";
  if (p.host.empty()) return "is not an http(s) URL: it has no host";
  if (p.host.front() == '[' && p.host.back() != ']') return "is not an http(s) URL: its IPv6 host lacks the ']'";
  if (p.host.front() != '[') {
    for (char c : p.host) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.' && c != '_' && c != '%') {
        return "is not an http(s) URL: its host has characters a host name cannot";
      }
    }
  }
  if (p.has_port) {
    int n = 0;
    auto [end, ec] = std::from_chars(p.port.data(), p.port.data() + p.port.size(), n);
    if (p.port.empty() || ec != std::errc() || end != p.port.data() + p.port.size() || n < 1 || n > 65535) {
      return "is not an http(s) URL: its port is not a number from 1 to 65535";
    }
  }
  return {};
}

std::string url_userinfo(std::string_view url) {
  Parts p;
  if (!split(url, p) || !p.has_userinfo) return {};
  return std::string(p.userinfo);
}

std::string url_without_credentials(std::string_view url) {
  Parts p;
  if (!split(url, p) || !p.has_userinfo) return std::string(url);
  return std::string(url.substr(0, p.authority_start)) + "********@" +
         std::string(url.substr(p.authority_start + p.userinfo.size() + 1));
}

}  // namespace twctl
