#pragma once
// Times people type into time flags (--start-time, --end-time, ...): one parser for every command.
//
//   RFC 3339            2024-07-03T16:48:06Z, 2024-07-03T18:48:06+02:00, fractions allowed
//   now                 the current time
//   now-1d, now+2h30m   now plus or minus a duration (units as for durations: ms, s, m, h, d)
//   -15m, +7d           the same, "now" left out
//
// "now" is the context's clock, read once by the caller, so every flag of one command means the same moment.

#include "core/time_format.hpp"

#include <string_view>

namespace twctl {

// The accepted forms, in one line, for help texts and error messages.
inline constexpr std::string_view kTimeInputForms =
    "RFC 3339 such as 2024-07-03T16:48:06Z, or now, now-1d, now+2h30m, -15m, +7d";

// Throws a usage Error naming `flag` and the accepted forms.
TimePoint parse_time_input(std::string_view flag, std::string_view text, TimePoint now);

}  // namespace twctl
