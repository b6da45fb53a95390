// `twctl schedule …`.
#include "cli/schedule/schedule.hpp"

#include "cli/flags.hpp"
#include "cli/meta.hpp"
#include "cli/options/schedule.hpp"
#include "cli/options/workflow_start.hpp"
#include "cli/select.hpp"
#include "core/time_input.hpp"
#include "ops/schedule/schedule.hpp"
#include "temporal/api/schedule/v1/message.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::cli::schedule {

namespace ops_s = ops::schedule;

namespace {

const std::string kTimes = std::string(" (") + std::string(kTimeInputForms) + ")";

void add_action(CLI::App& cmd, ops_s::ActionOptions& opts) {
  add_shared_workflow_start(cmd, opts);
  add_payload_input(cmd, opts.input);
}

void add_create(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops_s::CreateOptions>();
  auto* cmd = group.add_subcommand("create", "Create a schedule that starts a workflow");
  add_schedule_id(*cmd, *opts);
  add_schedule_configuration(*cmd, *opts);
  add_overlap_policy(*cmd, *opts);
  add_schedule_create_only(*cmd, *opts);
  add_action(*cmd, *opts);
  set_help(*cmd,
           "Creates a schedule: when to act (--interval, --cron, --calendar, within --start-time and --end-time) and "
           "the workflow to start each time (the flags of `workflow start`). A bad cron, calendar, time zone or "
           "time window is a usage error and nothing is created. Prints \"Created schedule ID\" on stderr; -o json "
           "prints {\"scheduleId\", \"created\": true}.",
           {"twctl schedule create \\\n    --schedule-id hourly-report \\\n    --interval 1h/5m \\\n"
            "    --type Report \\\n    --task-queue reports",
            "twctl schedule create \\\n    --schedule-id weekday-noon \\\n    --cron '0 12 * * MON-FRI' \\\n"
            "    --time-zone Europe/Paris \\\n    --type Report \\\n    --task-queue reports"});
  bind(*cmd, sel, opts, ops_s::create);
}

void add_update(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops_s::UpdateOptions>();
  auto* cmd = group.add_subcommand("update", "Replace a schedule's settings and action");
  add_schedule_id(*cmd, *opts);
  add_schedule_configuration(*cmd, *opts);
  add_overlap_policy(*cmd, *opts);
  add_action(*cmd, *opts);
  // Required without --keep-unspecified only (checked by the command).
  cmd->get_option("--type")->required(false);
  cmd->get_option("--task-queue")->required(false);
  cmd->add_flag("--keep-unspecified", opts->keep_unspecified,
                "Read the schedule first and change only the settings given here");
  set_help(*cmd,
           "Replaces the whole schedule, as the official CLI does: every setting not given is reset to its default "
           "(--type and --task-queue are then required). With --keep-unspecified the schedule is read first and "
           "only the settings given change; --calendar, --cron and --interval together are the times it fires, "
           "and any of them replaces all three.",
           {"twctl schedule update \\\n    --schedule-id hourly-report \\\n    --interval 30m \\\n"
            "    --type Report \\\n    --task-queue reports",
            "twctl schedule update \\\n    --schedule-id hourly-report \\\n    --keep-unspecified \\\n"
            "    --notes 'every half hour during the audit'"});
  // The flags given are read when the command runs, after parsing (the tree lives until then).
  bind(*cmd, sel, opts, [cmd](const ops_s::UpdateOptions& o, Context& ctx) {
    auto with_given = o;
    for (const auto* opt : cmd->get_options()) {
      if (opt->count() > 0) with_given.given.push_back(opt->get_name());
    }
    return ops_s::update(with_given, ctx);
  });
}

void add_reads(CLI::App& group, Selection& sel) {
  auto describe = std::make_shared<ops_s::ScheduleRef>();
  auto* describe_cmd = group.add_subcommand("describe", "Show a schedule: its times, state, runs and counts");
  add_schedule_id(*describe_cmd, *describe);
  set_help(*describe_cmd,
           "Prints a card: the spec in words (\"every 1h at :05\", \"cron `0 12 * * MON-FRI` in Europe/Paris\"), "
           "the state (paused and why), the action and policies, the counts of actions taken, missed and "
           "skipped, then the next run times, the recent actions with their workflow IDs and statuses, and the "
           "running workflows. -o json prints the DescribeScheduleResponse.",
           {"twctl schedule describe \\\n    --schedule-id hourly-report"});
  add_record_output(*describe_cmd, &temporal::api::workflowservice::v1::DescribeScheduleResponse::descriptor,
                    {"schedule.state.paused", "schedule.state.notes", "schedule.policies.overlapPolicy",
                     "info.actionCount", "info.createTime", "info.updateTime"});
  bind(*describe_cmd, sel, describe, ops_s::describe);

  auto list = std::make_shared<ops_s::ListOptions>();
  auto* list_cmd = group.add_subcommand("list", "List the namespace's schedules");
  list_cmd->add_option("-q,--query", list->query, "Visibility query, e.g. \"TemporalSchedulePaused=true\"");
  list_cmd->add_flag("-l,--long", list->long_, "Add the spec in words and the notes");
  list_cmd->add_flag("--really-long", list->really_long, "Add the last run's workflow ID and status too");
  set_help(*list_cmd,
           "Streams the schedules page by page: ID, workflow type, paused, next and last run (more with -l and "
           "--really-long); -o json prints an array of ScheduleListEntry, -o jsonl one per line.",
           {"twctl schedule list", "twctl schedule list \\\n    --long"});
  add_record_output(*list_cmd, &temporal::api::schedule::v1::ScheduleListEntry::descriptor,
                    {"scheduleId", "info.workflowType.name", "info.paused", "info.notes"});
  bind(*list_cmd, sel, list, ops_s::list);

  auto count = std::make_shared<ops_s::CountOptions>();
  auto* count_cmd = group.add_subcommand("count", "Count the namespace's schedules");
  count_cmd->add_option("-q,--query", count->query, "Visibility query, e.g. \"TemporalSchedulePaused=true\"");
  set_help(*count_cmd, "Prints the number of schedules alone; -o json prints {\"count\": \"N\"}.",
           {"twctl schedule count"});
  add_record_output(*count_cmd, &temporal::api::workflowservice::v1::CountSchedulesResponse::descriptor,
                    {"count"});
  bind(*count_cmd, sel, count, ops_s::count);

  auto times = std::make_shared<ops_s::MatchingTimesOptions>();
  auto* times_cmd = group.add_subcommand("list-matching-times", "List the times a schedule would act in a window");
  add_schedule_id(*times_cmd, *times);
  times_cmd->add_option("--start-time", times->start_time, "Window start (default now)" + kTimes);
  times_cmd->add_option("--end-time", times->end_time, "Window end" + kTimes)->required();
  set_help(*times_cmd,
           "Prints the times the schedule's spec matches between --start-time and --end-time, one per line "
           "(paused or not); -o json prints {\"startTime\": [...]}.",
           {"twctl schedule list-matching-times \\\n    --schedule-id hourly-report \\\n    --end-time +7d"});
  bind(*times_cmd, sel, times, ops_s::matching_times);
}

void add_patches(CLI::App& group, Selection& sel) {
  auto del = std::make_shared<ops_s::ScheduleRef>();
  auto* del_cmd = group.add_subcommand("delete", "Delete a schedule");
  add_schedule_id(*del_cmd, *del);
  set_help(*del_cmd,
           "Deletes the schedule (workflows it started are left alone). Prints \"Deleted schedule ID\" on stderr; "
           "-o json prints {\"scheduleId\", \"deleted\": true}.",
           {"twctl schedule delete \\\n    --schedule-id hourly-report"});
  bind(*del_cmd, sel, del, ops_s::remove);

  auto toggle = std::make_shared<ops_s::ToggleOptions>();
  auto* toggle_cmd = group.add_subcommand("toggle", "Pause or unpause a schedule");
  add_schedule_id(*toggle_cmd, *toggle);
  toggle_cmd->add_flag("--pause", toggle->pause, "Pause the schedule");
  toggle_cmd->add_flag("--unpause", toggle->unpause, "Unpause the schedule");
  toggle_cmd->add_option("--reason", toggle->reason, "Why (kept as the schedule's notes)")->capture_default_str();
  set_help(*toggle_cmd, "Pauses (no new runs) or unpauses the schedule; exactly one of --pause and --unpause.",
           {"twctl schedule toggle \\\n    --schedule-id hourly-report \\\n    --pause \\\n"
            "    --reason 'database maintenance'"});
  bind(*toggle_cmd, sel, toggle, ops_s::toggle);

  auto trigger = std::make_shared<ops_s::TriggerOptions>();
  auto* trigger_cmd = group.add_subcommand("trigger", "Start the schedule's action now");
  add_schedule_id(*trigger_cmd, *trigger);
  add_overlap_policy(*trigger_cmd, *trigger);
  set_help(*trigger_cmd, "Asks the schedule to act once now, even when paused (the overlap policy still applies).",
           {"twctl schedule trigger \\\n    --schedule-id hourly-report"});
  bind(*trigger_cmd, sel, trigger, ops_s::trigger);

  auto backfill = std::make_shared<ops_s::BackfillOptions>();
  auto* backfill_cmd = group.add_subcommand("backfill", "Take the actions a past window would have taken");
  add_schedule_id(*backfill_cmd, *backfill);
  backfill_cmd->add_option("--start-time", backfill->start_time, "Window start" + kTimes)->required();
  backfill_cmd->add_option("--end-time", backfill->end_time, "Window end" + kTimes)->required();
  add_overlap_policy(*backfill_cmd, *backfill);
  set_help(*backfill_cmd,
           "Starts the runs the schedule's spec matches between --start-time and --end-time, as if it had been "
           "running then (the overlap policy applies between them).",
           {"twctl schedule backfill \\\n    --schedule-id hourly-report \\\n    --start-time now-1d \\\n"
            "    --end-time now \\\n    --overlap-policy AllowAll"});
  bind(*backfill_cmd, sel, backfill, ops_s::backfill);
}

}  // namespace

void add_group(CLI::App& root, Selection& sel) {
  auto* group = root.add_subcommand("schedule", "Create, change and inspect schedules that start workflows");
  group->require_subcommand(1);
  add_create(*group, sel);
  add_update(*group, sel);
  add_reads(*group, sel);
  add_patches(*group, sel);
}

}  // namespace twctl::cli::schedule
