#pragma once
// Go-style durations as the official CLI reads them ("10s", "1h30m", "500ms"), plus a "d" suffix (24h).

#include <chrono>
#include <string>
#include <string_view>

namespace google::protobuf {
class Duration;
}

namespace twctl {

// Parses a non-negative duration. Throws a usage Error naming `flag` on bad input.
std::chrono::nanoseconds parse_duration(std::string_view flag, std::string_view text);

// Go's time.Duration.String() shape: "1h30m0s", "1.5s", "250ms", "0s".
std::string format_duration(std::chrono::nanoseconds d);
std::string format_duration(const google::protobuf::Duration& d);

void to_proto(std::chrono::nanoseconds d, google::protobuf::Duration* out);

}  // namespace twctl
