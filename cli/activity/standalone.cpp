// `twctl activity start | execute | result | describe | list | count | cancel | terminate | delete`: standalone
// activities.
#include "cli/activity/activity.hpp"

#include "cli/flags.hpp"
#include "cli/meta.hpp"
#include "cli/options/payload_input.hpp"
#include "cli/options/record_output.hpp"
#include "cli/select.hpp"
#include "ops/activity/standalone.hpp"
#include "temporal/api/activity/v1/message.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::cli::activity {

namespace ops_ac = ops::activity;

namespace {

void add_start_flags(CLI::App& cmd, ops_ac::StartOptions& o) {
  values_from(cmd, cmd.add_option("-a,--activity-id", o.activity_id, "Activity ID, unique among running ones"),
              Values::ActivityId)
      ->required();
  values_from(cmd, cmd.add_option("--type", o.type, "Activity type name, as a worker registered it"),
              Values::ActivityType)
      ->required();
  values_from(cmd, cmd.add_option("-t,--task-queue", o.task_queue, "Task queue the workers poll"), Values::TaskQueue)
      ->required();
  cmd.add_option("--schedule-to-close-timeout", o.schedule_to_close_timeout, "Bound on all attempts (e.g. 10m)");
  cmd.add_option("--schedule-to-start-timeout", o.schedule_to_start_timeout, "Bound on waiting for a worker");
  cmd.add_option("--start-to-close-timeout", o.start_to_close_timeout, "Bound on one attempt (e.g. 30s)");
  cmd.add_option("--heartbeat-timeout", o.heartbeat_timeout, "Longest time between heartbeats");
  cmd.add_option("--start-delay", o.start_delay, "Wait this long before the first attempt");
  cmd.add_option("--retry-initial-interval", o.retry_initial_interval, "Wait before the first retry");
  cmd.add_option("--retry-maximum-interval", o.retry_maximum_interval, "Longest wait between retries");
  cmd.add_option("--retry-backoff-coefficient", o.retry_backoff_coefficient, "Factor by which the wait grows, 1 or more");
  cmd.add_option("--retry-maximum-attempts", o.retry_maximum_attempts, "Attempts in all (0: no limit)");
  one_of_enum(cmd, cmd.add_option("--id-reuse-policy", o.id_reuse_policy, "Whether a closed activity's ID may start again"),
              ops_ac::kIdReusePolicy);
  one_of_enum(cmd,
              cmd.add_option("--id-conflict-policy", o.id_conflict_policy, "What to do when the ID is already running"),
              ops_ac::kIdConflictPolicy);
  add_repeatable(cmd, "--search-attribute", o.search_attributes, "Search attribute KEY=JSON; repeatable");
  add_headers(cmd, o.headers);
  cmd.add_option("--static-summary", o.static_summary, "One-line summary shown in UIs");
  cmd.add_option("--static-details", o.static_details, "Longer details shown in UIs");
  cmd.add_option("--priority-key", o.priority_key, "Priority of its tasks: 1 is first (the server's default is 3 of 5)");
  cmd.add_option("--fairness-key", o.fairness_key, "Key whose tasks share dispatch fairly with other keys'");
  cmd.add_option("--fairness-weight", o.fairness_weight, "Weight of the fairness key, 0.001 to 1000");
  add_payload_input(cmd, o.input);
}

void add_standalone_ref(CLI::App& cmd, ops_ac::StandaloneRef& ref) {
  values_from(cmd, cmd.add_option("-a,--activity-id", ref.activity_id, "Activity ID"), Values::ActivityId)->required();
  cmd.add_option("-r,--run-id", ref.run_id, "Run ID (default: the latest run)");
}

void add_stop_target(CLI::App& cmd, ops_ac::StopTarget& t, bool reason) {
  values_from(cmd, cmd.add_option("-a,--activity-id", t.ref.activity_id, "Activity ID (or -q for a batch)"),
              Values::ActivityId);
  cmd.add_option("-r,--run-id", t.ref.run_id, "Run ID (default: the latest run)");
  cmd.add_option("-q,--query", t.query, "Act on every standalone activity this visibility query matches (a batch job)");
  if (reason) cmd.add_option("--reason", t.reason, "Why, recorded by the server");
  cmd.add_flag("-y,--yes", t.yes, "Do it without asking");
  cmd.add_option("--rps", t.rps, "Batch: at most this many operations per second");
  cmd.add_flag("--wait", t.wait, "Batch: wait for the job to finish and exit non-zero unless every one succeeded");
}

}  // namespace

void add_standalone(CLI::App& group, Selection& sel) {
  auto start = std::make_shared<ops_ac::StartOptions>();
  auto* start_cmd = group.add_subcommand("start", "Start a standalone activity");
  add_start_flags(*start_cmd, *start);
  set_help(*start_cmd,
           "Sends StartActivityExecution: an activity that no workflow schedules, run by a worker polling the task "
           "queue, with its own ID, retries and visibility. Prints its run ID; `activity result` waits for it.",
           {"twctl activity start \\\n    --activity-id greet-1 \\\n    --type compose_greeting \\\n"
            "    --task-queue hello-tq \\\n    --start-to-close-timeout 30s \\\n    --input '\"World\"'"});
  bind(*start_cmd, sel, start, ops_ac::start);

  auto execute = std::make_shared<ops_ac::StartOptions>();
  auto* execute_cmd = group.add_subcommand("execute", "Start a standalone activity and wait for its result");
  add_start_flags(*execute_cmd, *execute);
  set_help(*execute_cmd,
           "Starts the activity as `activity start` does, then waits for its outcome and prints it as `activity "
           "result` does: exit 0 when it completed, 3 when it failed, was canceled, terminated or timed out.",
           {"twctl activity execute \\\n    --activity-id greet-2 \\\n    --type compose_greeting \\\n"
            "    --task-queue hello-tq \\\n    --start-to-close-timeout 30s \\\n    --input '\"World\"'"});
  bind(*execute_cmd, sel, execute, ops_ac::execute);

  auto result = std::make_shared<ops_ac::ResultOptions>();
  auto* result_cmd = group.add_subcommand("result", "Wait for a standalone activity's outcome");
  add_standalone_ref(*result_cmd, result->ref);
  set_help(*result_cmd,
           "Long-polls PollActivityExecution until the activity closes and prints its result or failure: exit 0 "
           "when it completed, 3 otherwise; --command-timeout bounds the wait.",
           {"twctl activity result \\\n    --activity-id greet-1"});
  bind(*result_cmd, sel, result, ops_ac::result);

  auto describe = std::make_shared<ops_ac::DescribeOptions>();
  auto* describe_cmd = group.add_subcommand("describe", "Show a standalone activity's state");
  add_standalone_ref(*describe_cmd, describe->ref);
  auto* describe_raw =
      describe_cmd->add_flag("--raw", describe->raw, "Print the server's answer as protobuf JSON instead of the card");
  add_record_output(*describe_cmd, &temporal::api::workflowservice::v1::DescribeActivityExecutionResponse::descriptor,
                    {"info.activityId", "info.runId", "info.activityType.name", "info.taskQueue", "info.status",
                     "info.attempt", "info.scheduleTime", "info.closeTime"});
  describe_cmd->get_option("--fields")->excludes(describe_raw);
  set_help(*describe_cmd,
           "Sends DescribeActivityExecution: status, attempt, timeouts, retry policy, last failure, heartbeat "
           "details and, once closed, the outcome.",
           {"twctl activity describe \\\n    --activity-id greet-1"});
  bind(*describe_cmd, sel, describe, ops_ac::describe);

  auto list = std::make_shared<ops_ac::ListOptions>();
  auto* list_cmd = group.add_subcommand("list", "List standalone activities");
  list_cmd->add_option("-q,--query", list->query, "Visibility query, e.g. \"ActivityType='compose_greeting'\"");
  list_cmd->add_option("--limit", list->limit, "Stop after this many activities (0: all)");
  list_cmd->add_option("--page-size", list->page_size, "Activities per request (0: the server's default)");
  add_record_output(*list_cmd, &temporal::api::activity::v1::ActivityExecutionListInfo::descriptor,
                    {"status", "activityId", "activityType.name", "scheduleTime"});
  set_help(*list_cmd, "Streams standalone activities page by page; -o jsonl prints one per line.",
           {"twctl activity list \\\n    --query \"ExecutionStatus='Running'\"",
            "twctl activity list \\\n    --fields activityId,status,closeTime \\\n    --output tsv"});
  bind(*list_cmd, sel, list, ops_ac::list);

  auto count = std::make_shared<ops_ac::CountOptions>();
  auto* count_cmd = group.add_subcommand("count", "Count standalone activities");
  count_cmd->add_option("-q,--query", count->query, "Visibility query; GROUP BY ExecutionStatus gives per-status counts");
  add_record_output(*count_cmd, &temporal::api::workflowservice::v1::CountActivityExecutionsResponse::descriptor,
                    {"count"});
  set_help(*count_cmd, "Sends CountActivityExecutions: the number of standalone activities the query matches.",
           {"twctl activity count \\\n    --query \"ExecutionStatus='Running'\""});
  bind(*count_cmd, sel, count, ops_ac::count);

  auto cancel = std::make_shared<ops_ac::StopTarget>();
  auto* cancel_cmd = group.add_subcommand("cancel", "Request cancellation of standalone activities");
  add_stop_target(*cancel_cmd, *cancel, true);
  set_help(*cancel_cmd,
           "Sends RequestCancelActivityExecution (or a batch job with -q): the worker learns of it at its next "
           "heartbeat, and the activity closes as canceled when it gives up.",
           {"twctl activity cancel \\\n    --activity-id greet-1 \\\n    --reason \"not needed\""});
  bind(*cancel_cmd, sel, cancel, ops_ac::cancel);

  auto terminate = std::make_shared<ops_ac::StopTarget>();
  auto* terminate_cmd = group.add_subcommand("terminate", "Terminate standalone activities");
  add_stop_target(*terminate_cmd, *terminate, true);
  set_help(*terminate_cmd,
           "Sends TerminateActivityExecution (or a batch job with -q): the activity closes at once as terminated; "
           "a running attempt's result is dropped.",
           {"twctl activity terminate \\\n    --activity-id greet-1 \\\n    --reason \"stuck\""});
  bind(*terminate_cmd, sel, terminate, ops_ac::terminate);

  auto del = std::make_shared<ops_ac::StopTarget>();
  auto* delete_cmd = group.add_subcommand("delete", "Delete standalone activities");
  add_stop_target(*delete_cmd, *del, false);
  set_help(*delete_cmd,
           "Sends DeleteActivityExecution (or a batch job with -q): the activity and its state are removed; a "
           "running one is terminated first. Asks first on a terminal; --yes otherwise.",
           {"twctl activity delete \\\n    --activity-id greet-1 \\\n    --yes"});
  bind(*delete_cmd, sel, del, ops_ac::delete_activity);
}

}  // namespace twctl::cli::activity
