#include "core/time_format.hpp"

#include <absl/time/time.h>
#include <fmt/format.h>
#include <google/protobuf/timestamp.pb.h>

#include <algorithm>

namespace twctl {

namespace {

// The seconds a TimePoint can hold (~292 years either side of 1970), less a margin for the nanos.
constexpr int64_t kMaxSeconds =
    std::chrono::duration_cast<std::chrono::seconds>(TimePoint::duration::max()).count() - 3;

}  // namespace

TimePoint from_proto(const google::protobuf::Timestamp& ts) {
  // A Timestamp reaches from year 1 to 9999, a TimePoint only ~292 years from 1970: beyond, it saturates.
  if (ts.seconds() > kMaxSeconds) return TimePoint::max();
  if (ts.seconds() < -kMaxSeconds) return TimePoint::min();
  return TimePoint(std::chrono::duration_cast<TimePoint::duration>(std::chrono::seconds(ts.seconds()) +
                                                                   std::chrono::nanoseconds(ts.nanos())));
}

void to_proto(TimePoint t, google::protobuf::Timestamp* out) {
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
  out->set_seconds(ns / 1'000'000'000);
  out->set_nanos(static_cast<int>(ns % 1'000'000'000));
  if (out->nanos() < 0) {
    out->set_seconds(out->seconds() - 1);
    out->set_nanos(out->nanos() + 1'000'000'000);
  }
}

namespace {

// `diff` is now minus the time, in seconds.
std::string relative(int64_t diff) {
  bool past = diff >= 0;
  auto s = past ? diff : -diff;  // |diff| < 2^62: both times were bounded first
  if (s < 1) return "now";
  struct Unit {
    long long secs;
    const char* name;
  };
  static constexpr Unit units[] = {{365LL * 86400, "year"}, {30LL * 86400, "month"}, {86400, "day"},
                                   {3600, "hour"},          {60, "minute"},          {1, "second"}};
  for (const auto& u : units) {
    if (s >= u.secs) {
      auto n = s / u.secs;
      auto text = fmt::format("{} {}{}", n, u.name, n == 1 ? "" : "s");
      return past ? text + " ago" : "in " + text;
    }
  }
  return "now";
}

int64_t unix_seconds(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::string format_absl(absl::Time at, TimeFormat format) {
  // %E4Y: years below 1000 keep four digits (0001-01-01, as RFC 3339 has them); %Y would print "1".
  return absl::FormatTime(format == TimeFormat::Iso ? "%E4Y-%m-%dT%H:%M:%SZ" : "%E4Y-%m-%d%ET%H:%M:%E*S%Ez", at,
                          absl::UTCTimeZone());
}

}  // namespace

std::string format_time(TimePoint t, TimeFormat format, TimePoint now) {
  if (format == TimeFormat::Relative) return relative(unix_seconds(now) - unix_seconds(t));
  return format_absl(absl::FromChrono(t), format);
}

std::string format_time(const google::protobuf::Timestamp& ts, TimeFormat format, TimePoint now) {
  // From the seconds themselves, not a TimePoint: a server's time may lie beyond what a TimePoint holds.
  constexpr int64_t kBound = int64_t{1} << 61;
  int64_t secs = std::clamp<int64_t>(ts.seconds(), -kBound, kBound);
  if (format == TimeFormat::Relative) return relative(unix_seconds(now) - secs);
  return format_absl(absl::FromUnixSeconds(secs) + absl::Nanoseconds(ts.nanos()), format);
}

}  // namespace twctl
