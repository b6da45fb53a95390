#pragma once
// Numbers typed on the command line: the whole text, nothing before or after it. The caller checks the range and
// names the flag in its message.

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace twctl {

// A finite decimal number ("2.5", "1e3"); nullopt for anything else (empty, spaces, "nan", "inf", trailing text).
inline std::optional<double> parse_real(std::string_view text) {
  if (text.empty() || std::isspace(static_cast<unsigned char>(text.front()))) return std::nullopt;
  std::string s(text);
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// A whole number in base 10 that fits int64 ("-3", "42"); nullopt otherwise.
inline std::optional<int64_t> parse_whole(std::string_view text) {
  int64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

}  // namespace twctl
