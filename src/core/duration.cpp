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

std::string format_duration(std::chrono::nanoseconds d) {
  using namespace std::chrono;
  auto ns = d.count();
  if (ns == 0) return "0s";
  std::string sign = ns < 0 ? "-" : "";
  if (ns < 0) ns = -ns;
  auto trim = [](std::string s) {
    if (s.find('.') != std::string::npos) {
      while (!s.empty() && s.back() == '0') s.pop_back();
      if (!s.empty() && s.back() == '.') s.pop_back();
    }
    return s;
  };
  if (ns < 1'000) return sign + fmt::format("{}ns", ns);
  if (ns < 1'000'000) return sign + trim(fmt::format("{:.3f}", ns / 1e3)) + "µs";
  if (ns < 1'000'000'000) return sign + trim(fmt::format("{:.6f}", ns / 1e6)) + "ms";
  auto h = ns / 3'600'000'000'000LL;
  ns %= 3'600'000'000'000LL;
  auto m = ns / 60'000'000'000LL;
  ns %= 60'000'000'000LL;
  std::string secs = trim(fmt::format("{}.{:09}", ns / 1'000'000'000LL, ns % 1'000'000'000LL)) + "s";
  if (h > 0) return sign + fmt::format("{}h{}m{}", h, m, secs);
  if (m > 0) return sign + fmt::format("{}m{}", m, secs);
  return sign + secs;
}

std::string format_duration(const google::protobuf::Duration& d) {
  return format_duration(std::chrono::seconds(d.seconds()) + std::chrono::nanoseconds(d.nanos()));
}

void to_proto(std::chrono::nanoseconds d, google::protobuf::Duration* out) {
  out->set_seconds(d.count() / 1'000'000'000);
  out->set_nanos(static_cast<int32_t>(d.count() % 1'000'000'000));
}

}  // namespace twctl
