#include "cli/options/schedule.hpp"

#include "cli/flags.hpp"
#include "cli/meta.hpp"
#include "core/time_input.hpp"

#include <string>

namespace twctl::cli {

namespace {

const std::string kTimeForms = " (" + std::string(kTimeInputForms) + ")";

}  // namespace

void add_schedule_id(CLI::App& cmd, ops::schedule::ScheduleRef& ref) {
  values_from(cmd, cmd.add_option("-s,--schedule-id", ref.schedule_id, "Schedule ID"), Values::ScheduleId)->required();
}

void add_overlap_policy(CLI::App& cmd, ops::schedule::OverlapOption& opt) {
  one_of_enum(cmd,
              cmd.add_option("--overlap-policy", opt.overlap_policy,
                             "What to do when a run is still going at the next time (default Skip)"),
              ops::schedule::kOverlapPolicy);
}

void add_schedule_configuration(CLI::App& cmd, ops::schedule::ScheduleConfig& cfg) {
  add_repeatable(cmd, "--calendar", cfg.calendar,
                 "Calendar spec as JSON, e.g. '{\"hour\":\"12\",\"dayOfWeek\":\"MON-FRI\"}'; repeatable");
  add_repeatable(cmd, "--cron", cfg.cron,
                 "Cron string: 5 to 7 fields, @daily, @every 1h[/5m], CRON_TZ=Zone prefix; repeatable");
  add_repeatable(cmd, "--interval", cfg.interval, "Interval, with an optional phase: 90m, 1h/5m; repeatable");
  cmd.add_option("--start-time", cfg.start_time, "No run before this time" + kTimeForms);
  cmd.add_option("--end-time", cfg.end_time, "No run after this time" + kTimeForms);
  cmd.add_option("--jitter", cfg.jitter, "Delay each run by a random time up to this (e.g. 30s)");
  cmd.add_option("--time-zone", cfg.time_zone, "IANA time zone for calendars and crons (e.g. Europe/Paris)");
  cmd.add_option("--notes", cfg.notes, "Notes on the schedule's state");
  cmd.add_flag("--paused", cfg.paused, "Start (or stay) paused");
  cmd.add_option("--remaining-actions", cfg.remaining_actions, "Take this many actions, then stop (0: no limit)");
  cmd.add_option("--catchup-window", cfg.catchup_window, "How late a missed run may still start (e.g. 10m)");
  cmd.add_flag("--pause-on-failure", cfg.pause_on_failure, "Pause the schedule when a run fails");
}

void add_schedule_create_only(CLI::App& cmd, ops::schedule::ScheduleCreateOnly& opts) {
  add_repeatable(cmd, "--schedule-memo", opts.schedule_memo, "The schedule's own memo KEY=JSON; repeatable");
  add_repeatable(cmd, "--schedule-search-attribute", opts.schedule_search_attributes,
                 "The schedule's own search attribute KEY=JSON; repeatable");
}

}  // namespace twctl::cli
