#pragma once
// How timestamps are shown in text output (--time-format). Time flags are read by core/time_input.hpp.

#include <chrono>
#include <string>
#include <string_view>

namespace google::protobuf {
class Timestamp;
}

namespace twctl {

enum class TimeFormat { Relative, Iso, Raw };

using TimePoint = std::chrono::system_clock::time_point;

TimePoint from_proto(const google::protobuf::Timestamp& ts);
void to_proto(TimePoint t, google::protobuf::Timestamp* out);

// relative: "5 minutes ago" / "in 3 seconds"; iso: "2024-07-03T16:48:06Z"; raw: RFC3339 with full precision.
std::string format_time(TimePoint t, TimeFormat format, TimePoint now);
std::string format_time(const google::protobuf::Timestamp& ts, TimeFormat format, TimePoint now);

}  // namespace twctl
