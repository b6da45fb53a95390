#include "output/json_sink.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>

namespace twctl::output::json {

namespace {

// The `width` decimal digits of v (v < 10^width), zero-padded, at out's end. Timestamps are written by hand:
// through fmt's format string they took ~2,000 instructions each, a quarter of a listed execution's cost.
void append_digits(std::string& out, uint32_t v, int width) {
  size_t at = out.size();
  out.resize(at + static_cast<size_t>(width));
  for (int i = width - 1; i >= 0; --i) {
    out[at + static_cast<size_t>(i)] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
}

// "2024-07-03T16:48:06.123Z": 0, 3, 6 or 9 fractional digits, as protobuf writes them.
void append_nanos(std::string& out, int64_t nanos) {
  if (nanos == 0) return;
  if (nanos < 0 || nanos > 999'999'999) {  // out of range in a damaged message
    if (nanos % 1'000'000 == 0) {
      fmt::format_to(std::back_inserter(out), ".{:03}", nanos / 1'000'000);
    } else if (nanos % 1'000 == 0) {
      fmt::format_to(std::back_inserter(out), ".{:06}", nanos / 1'000);
    } else {
      fmt::format_to(std::back_inserter(out), ".{:09}", nanos);
    }
    return;
  }
  out += '.';
  auto n = static_cast<uint32_t>(nanos);
  if (n % 1'000'000 == 0) {
    append_digits(out, n / 1'000'000, 3);
  } else if (n % 1'000 == 0) {
    append_digits(out, n / 1'000, 6);
  } else {
    append_digits(out, n, 9);
  }
}

}  // namespace

void append_timestamp(std::string& out, int64_t seconds, int32_t nanos) {
  // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm), without the C library's time zone machinery.
  // Floor division without overflow at the ends of int64 (a damaged answer can hold any seconds).
  int64_t days = seconds / 86400;
  int64_t secs = seconds % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t doe = days - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t day = doy - (153 * mp + 2) / 5 + 1;
  int64_t month = mp < 10 ? mp + 3 : mp - 9;
  int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) {  // beyond what a valid Timestamp holds
    fmt::format_to(std::back_inserter(out), "\"{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", year, month, day, secs / 3600,
                   secs / 60 % 60, secs % 60);
  } else {
    out += '"';
    append_digits(out, static_cast<uint32_t>(year), 4);
    out += '-';
    append_digits(out, static_cast<uint32_t>(month), 2);
    out += '-';
    append_digits(out, static_cast<uint32_t>(day), 2);
    out += 'T';
    append_digits(out, static_cast<uint32_t>(secs / 3600), 2);
    out += ':';
    append_digits(out, static_cast<uint32_t>(secs / 60 % 60), 2);
    out += ':';
    append_digits(out, static_cast<uint32_t>(secs % 60), 2);
  }
  append_nanos(out, nanos);
  out += "Z\"";
}

void append_duration(std::string& out, int64_t seconds, int32_t nanos) {
  out += '"';
  // Magnitudes in unsigned and wider arithmetic: negating the most negative value overflows its own type.
  if (seconds < 0 || nanos < 0) out += '-';
  uint64_t secs = seconds < 0 ? 0 - static_cast<uint64_t>(seconds) : static_cast<uint64_t>(seconds);
  append_decimal(out, secs);
  append_nanos(out, nanos < 0 ? -int64_t{nanos} : int64_t{nanos});
  out += "s\"";
}

namespace {

// The bytes a JSON string holds as they are: all but control characters, '"' and '\\'.
constexpr auto kPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 256; ++c) plain[static_cast<size_t>(c)] = c != '"' && c != '\\';
  return plain;
}();

}  // namespace

void append_string(std::string& out, std::string_view s) {
  out += '"';
  size_t plain = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (kPlain[c]) continue;
    out.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
    }
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
}

// "workflow_id" → "workflowId", as FieldMask paths appear in JSON.
std::string camel_path(std::string_view path) {
  std::string out;
  bool upper = false;
  for (char c : path) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

void Sink::document(const nlohmann::ordered_json& j) {
  auto text = j.dump(layout.indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  if (layout.indent < 0) {
    out += text;
    return;
  }
  // The pretty dump starts at column 0: its later lines move in to this value's depth.
  std::string pad(static_cast<size_t>(layout.base + depth * layout.indent), ' ');
  size_t from = 0;
  for (size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1) {
    out.append(text, from, nl + 1 - from);
    out += pad;
  }
  out.append(text, from, std::string::npos);
}

}  // namespace twctl::output::json
