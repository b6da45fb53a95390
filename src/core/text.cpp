#include "core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace twctl {

namespace {

// The length of the UTF-8 sequence at s[i], or 0 if it is not a valid one (overlong forms, surrogates and
// code points past U+10FFFF are invalid, as protobuf's check has them).
size_t utf8_sequence(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  }
  if (n == 3 && c == 0xE0 && b(i + 1) < 0xA0) return 0;  // overlong
  if (n == 3 && c == 0xED && b(i + 1) >= 0xA0) return 0;  // surrogate
  if (n == 4 && c == 0xF0 && b(i + 1) < 0x90) return 0;  // overlong
  if (n == 4 && c == 0xF4 && b(i + 1) >= 0x90) return 0;  // past U+10FFFF
  return n;
}

std::string scan(std::string_view s, bool controls) {
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (controls && (c < 0x20 || c == 0x7F)) {
      return fmt::format("contains a control character (byte {} is 0x{:02x})", i + 1, c);
    }
    size_t n = utf8_sequence(s, i);
    if (n == 0) return fmt::format("is not valid UTF-8 (byte {})", i + 1);
    i += n;
  }
  return {};
}

}  // namespace

std::string utf8_problem(std::string_view s) { return scan(s, false); }

std::string text_problem(std::string_view s) { return scan(s, true); }

std::string printable_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t n = utf8_sequence(s, i);
    if (n == 0) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(s[i]));
      ++i;
    } else {
      out.append(s, i, n);
      i += n;
    }
  }
  return out;
}

std::string header_value_problem(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return fmt::format("contains a control character (byte {} is 0x{:02x})", i + 1, c);
    if (c > 0x7F) return fmt::format("contains a byte outside ASCII (byte {}), which a gRPC header cannot carry", i + 1);
  }
  return {};
}

std::string header_key_problem(std::string_view s) {
  if (s.empty()) return "is empty";
  if (s.substr(0, 5) == "grpc-") return "starts with grpc-, which gRPC keeps for itself";
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) return fmt::format("may hold only a-z, 0-9, '-', '_' and '.' (byte {} is not one)", i + 1);
  }
  return {};
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t prev = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cur = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
      prev = cur;
    }
  }
  return row[b.size()];
}

}  // namespace twctl
