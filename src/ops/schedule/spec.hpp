#pragma once
// A schedule's spec: built from the schedule-configuration flags (checked here, so a bad cron, calendar, time
// zone or time window is a usage error and nothing is created), and told back in words for `describe`/`list`.

#include "core/time_format.hpp"
#include "ops/schedule/options.hpp"

#include <string>
#include <vector>

namespace temporal::api::schedule::v1 {
class Schedule;
class ScheduleSpec;
}  // namespace temporal::api::schedule::v1

namespace twctl::ops::schedule {

// The spec (--calendar, --cron, --interval, --start-time, --end-time, --jitter, --time-zone), the policies
// (--overlap-policy, --catchup-window, --pause-on-failure) and the state (--notes, --paused,
// --remaining-actions) into `out`; times relative to `now`.
void build_config(const ScheduleConfig& cfg, const OverlapOption& overlap, TimePoint now,
                  temporal::api::schedule::v1::Schedule& out);

// Throws a usage error naming --cron when `cron` is not a cron string the server accepts (5, 6 or 7 fields,
// @hourly and the like, @every D[/P], an optional CRON_TZ=zone prefix).
void check_cron(const std::string& cron);

// One line per part of the spec: "every 1h at :05", "cron `0 12 * * MON-FRI`", "calendar hour=12 ...", then
// "in Europe/Paris", "from …", "until …", "jitter 30s" when set. The server keeps crons as calendars: they are
// told back in cron form.
std::vector<std::string> spec_in_words(const temporal::api::schedule::v1::ScheduleSpec& spec, TimeFormat format,
                                       TimePoint now);

}  // namespace twctl::ops::schedule
