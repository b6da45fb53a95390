#pragma once
// The schedule option sets, as the official CLI names them: schedule-id, overlap-policy,
// schedule-configuration, schedule-create-only.

#include "ops/schedule/options.hpp"

#include <CLI/CLI.hpp>

namespace twctl::cli {

void add_schedule_id(CLI::App& cmd, ops::schedule::ScheduleRef& ref);
void add_overlap_policy(CLI::App& cmd, ops::schedule::OverlapOption& opt);
void add_schedule_configuration(CLI::App& cmd, ops::schedule::ScheduleConfig& cfg);
void add_schedule_create_only(CLI::App& cmd, ops::schedule::ScheduleCreateOnly& opts);

}  // namespace twctl::cli
