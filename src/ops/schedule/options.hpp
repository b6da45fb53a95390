#pragma once
// The option sets of the schedule commands, as the official CLI names them: schedule-id, overlap-policy,
// schedule-configuration (the spec, the policies and the state), schedule-create-only (the schedule's own memo
// and search attributes); the action is the shared-workflow-start set plus the payload input.

#include "ops/enum_flag.hpp"
#include "ops/workflow/start_options.hpp"
#include "payload/input.hpp"

#include <string>
#include <vector>

namespace twctl::ops::schedule {

inline constexpr EnumFlag kOverlapPolicy{"--overlap-policy", "temporal.api.enums.v1.ScheduleOverlapPolicy"};

struct ScheduleRef {
  std::string schedule_id;
};

struct OverlapOption {
  std::string overlap_policy;  // empty: the server's default (Skip)
};

struct ScheduleConfig {
  std::vector<std::string> calendar;  // CalendarSpec JSON each
  std::vector<std::string> cron;
  std::vector<std::string> interval;  // "90m" or "60m/15m" (interval/phase)
  std::string start_time;
  std::string end_time;
  std::string jitter;
  std::string time_zone;
  std::string notes;
  bool paused = false;
  long long remaining_actions = 0;
  std::string catchup_window;
  bool pause_on_failure = false;
};

struct ScheduleCreateOnly {
  std::vector<std::string> schedule_memo;
  std::vector<std::string> schedule_search_attributes;
};

// The action: a workflow start as `workflow start` builds it (without the direct-start-only flags).
struct ActionOptions : workflow::SharedWorkflowStartOptions {
  payload::Input input;
};

struct CreateOptions : ScheduleRef, OverlapOption, ScheduleConfig, ScheduleCreateOnly, ActionOptions {};

struct UpdateOptions : ScheduleRef, OverlapOption, ScheduleConfig, ActionOptions {
  // Read the schedule and change only what was given (the official CLI resets everything not given).
  bool keep_unspecified = false;
  // The flags given on the command line ("--cron", "--type", ...), for keep_unspecified; filled by the CLI.
  std::vector<std::string> given;
};

struct ToggleOptions : ScheduleRef {
  bool pause = false;
  bool unpause = false;
  std::string reason = "(no reason provided)";
};

struct TriggerOptions : ScheduleRef, OverlapOption {};

struct BackfillOptions : ScheduleRef, OverlapOption {
  std::string start_time;
  std::string end_time;
};

struct MatchingTimesOptions : ScheduleRef {
  std::string start_time;
  std::string end_time;
};

struct ListOptions {
  std::string query;
  bool long_ = false;
  bool really_long = false;
};

struct CountOptions {
  std::string query;
};

}  // namespace twctl::ops::schedule
