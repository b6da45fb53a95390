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

// A duration flag into a proto field when the flag was given (`text` not empty). `field` is the mutable accessor,
// called only then: calling it makes the field present (a present start delay, even 0, is what the server
// refuses beside a cron schedule).
template <class Field>
void set_duration(std::string_view flag, const std::string& text, Field field) {
  if (text.empty()) return;
  to_proto(parse_duration(flag, text), field());
}

}  // namespace twctl
