#include "core/time_input.hpp"

#include "core/duration.hpp"
#include "core/error.hpp"

#include <absl/time/time.h>
#include <fmt/format.h>

#include <string>

namespace twctl {

namespace {

[[noreturn]] void bad(std::string_view flag, std::string_view text) {
  throw usage_error(fmt::format("invalid time \"{}\" for {}: expected {}", text, flag, kTimeInputForms));
}

}  // namespace

TimePoint parse_time_input(std::string_view flag, std::string_view text, TimePoint now) {
  std::string_view rest = text;
  if (rest.substr(0, 3) == "now") {
    rest.remove_prefix(3);
    if (rest.empty()) return now;
  }
  if (rest.size() != text.size() || (!rest.empty() && (rest[0] == '+' || rest[0] == '-'))) {
    if (rest.size() < 2 || (rest[0] != '+' && rest[0] != '-')) bad(flag, text);
    std::chrono::nanoseconds offset;
    try {
      offset = parse_duration(flag, rest.substr(1));
    } catch (const Error&) {
      bad(flag, text);
    }
    auto d = std::chrono::duration_cast<TimePoint::duration>(offset);
    return rest[0] == '+' ? now + d : now - d;
  }
  absl::Time t;
  std::string err;
  if (!absl::ParseTime(absl::RFC3339_full, std::string(text), &t, &err)) bad(flag, text);
  return absl::ToChronoTime(t);
}

}  // namespace twctl
