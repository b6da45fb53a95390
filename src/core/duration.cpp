#include "core/duration.hpp"

#include "core/error.hpp"

#include <absl/time/time.h>
#include <fmt/format.h>
#include <google/protobuf/duration.pb.h>

#include <algorithm>

namespace twctl {

namespace {

Error bad_duration(std::string_view flag, std::string_view text, std::string_view why) {
  return usage_error(fmt::format("invalid duration \"{}\" for {}: {} (examples: 10s, 1h30m, 500ms, 2d)", text, flag, why));
}

}  // namespace

std::chrono::nanoseconds parse_duration(std::string_view flag, std::string_view text) {
  if (text.empty()) throw bad_duration(flag, text, "empty");
  if (text.front() == '-') throw bad_duration(flag, text, "must not be negative");
  // Days are not Go syntax; accept a leading "<number>d" part and let abseil read the rest.
  absl::Duration days = absl::ZeroDuration();
  std::string rest(text);
  if (auto d = rest.find('d'); d != std::string::npos) {
    std::string num = rest.substr(0, d);
    double n = 0;
    bool ok = !num.empty() && num.find_first_not_of("0123456789.") == std::string::npos &&
              std::count(num.begin(), num.end(), '.') <= 1 && num != ".";
    if (ok) {
      try {
        n = std::stod(num);
      } catch (...) {
        ok = false;
      }
    }
    if (!ok) throw bad_duration(flag, text, "not a duration");
    days = absl::Hours(24) * n;
    rest = rest.substr(d + 1);
    if (rest.empty()) rest = "0s";
  }
  if (!rest.empty() && (rest.front() == '-' || rest.front() == '+')) throw bad_duration(flag, text, "not a duration");
  if (rest == "inf") throw bad_duration(flag, text, "must be finite");
  absl::Duration parsed;
  if (!absl::ParseDuration(rest, &parsed)) throw bad_duration(flag, text, "not a duration");
  // abseil accepts a bare "0" and unit-less numbers only as "0"; Go does the same.
  absl::Duration total = days + parsed;
  if (total < absl::ZeroDuration()) throw bad_duration(flag, text, "must not be negative");
  // abseil saturates at infinity and chrono at ~292 years: neither may stand in for what was typed.
  if (total > absl::FromChrono(std::chrono::nanoseconds::max())) throw bad_duration(flag, text, "too long (over 292 years)");
  return absl::ToChronoNanoseconds(total);
}

namespace {

// Go's Duration.String() shape from a sign, whole seconds and nanoseconds (0 to 999,999,999): whole seconds
// rather than nanoseconds, so that a protobuf Duration of any size is shown without overflow.
std::string go_duration(bool negative, uint64_t secs, uint64_t nanos) {
  if (secs == 0 && nanos == 0) return "0s";
  std::string sign = negative ? "-" : "";
  auto trim = [](std::string s) {
    if (s.find('.') != std::string::npos) {
      while (!s.empty() && s.back() == '0') s.pop_back();
      if (!s.empty() && s.back() == '.') s.pop_back();
    }
    return s;
  };
  if (secs == 0 && nanos < 1'000) return sign + fmt::format("{}ns", nanos);
  if (secs == 0 && nanos < 1'000'000) return sign + trim(fmt::format("{:.3f}", nanos / 1e3)) + "µs";
  if (secs == 0) return sign + trim(fmt::format("{:.6f}", nanos / 1e6)) + "ms";
  auto h = secs / 3600;
  auto m = secs % 3600 / 60;
  std::string text = trim(fmt::format("{}.{:09}", secs % 60, nanos)) + "s";
  if (h > 0) return sign + fmt::format("{}h{}m{}", h, m, text);
  if (m > 0) return sign + fmt::format("{}m{}", m, text);
  return sign + text;
}

}  // namespace

std::string format_duration(std::chrono::nanoseconds d) {
  auto ns = d.count();
  bool negative = ns < 0;
  uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(ns) : static_cast<uint64_t>(ns);
  return go_duration(negative, magnitude / 1'000'000'000, magnitude % 1'000'000'000);
}

std::string format_duration(const google::protobuf::Duration& d) {
  // Seconds and nanos have the same sign in a valid Duration; an invalid one is normalised first.
  int64_t secs = d.seconds();
  int64_t nanos = d.nanos();
  if (secs > 0 && nanos < 0) {
    secs -= 1;
    nanos += 1'000'000'000;
  } else if (secs < 0 && nanos > 0) {
    secs += 1;
    nanos -= 1'000'000'000;
  }
  bool negative = secs < 0 || (secs == 0 && nanos < 0);
  uint64_t whole = secs < 0 ? 0 - static_cast<uint64_t>(secs) : static_cast<uint64_t>(secs);
  uint64_t part = static_cast<uint64_t>(nanos < 0 ? -nanos : nanos);
  return go_duration(negative, whole + part / 1'000'000'000, part % 1'000'000'000);
}

void to_proto(std::chrono::nanoseconds d, google::protobuf::Duration* out) {
  out->set_seconds(d.count() / 1'000'000'000);
  out->set_nanos(static_cast<int32_t>(d.count() % 1'000'000'000));
}

}  // namespace twctl
