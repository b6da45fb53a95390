#include "core/time_format.hpp"

#include <absl/time/time.h>
#include <fmt/format.h>
#include <google/protobuf/timestamp.pb.h>

namespace twctl {

TimePoint from_proto(const google::protobuf::Timestamp& ts) {
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

std::string relative(TimePoint t, TimePoint now) {
  using namespace std::chrono;
  auto diff = duration_cast<seconds>(now - t).count();
  bool past = diff >= 0;
  auto s = past ? diff : -diff;
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

}  // namespace

std::string format_time(TimePoint t, TimeFormat format, TimePoint now) {
  absl::Time at = absl::FromChrono(t);
  switch (format) {
    case TimeFormat::Relative:
      return relative(t, now);
    case TimeFormat::Iso:
      return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", at, absl::UTCTimeZone());
    case TimeFormat::Raw:
      return absl::FormatTime(absl::RFC3339_full, at, absl::UTCTimeZone());
  }
  return {};
}

std::string format_time(const google::protobuf::Timestamp& ts, TimeFormat format, TimePoint now) {
  return format_time(from_proto(ts), format, now);
}

}  // namespace twctl
