// `twctl activity complete | fail | pause | unpause | reset | update-options`.
#include "cli/activity/activity.hpp"

#include "cli/flags.hpp"
#include "cli/meta.hpp"
#include "cli/select.hpp"
#include "ops/activity/activity.hpp"

namespace twctl::cli::activity {

namespace ops_ac = ops::activity;

namespace {

void add_ref(CLI::App& cmd, ops_ac::ActivityRef& ref) {
  values_from(cmd, cmd.add_option("-a,--activity-id", ref.activity_id, "Activity ID"), Values::ActivityId)->required();
  values_from(cmd, cmd.add_option("-w,--workflow-id", ref.workflow_id, "Workflow ID (omit for a standalone activity)"),
              Values::WorkflowId);
  values_from(cmd, cmd.add_option("-r,--run-id", ref.run_id, "Run ID (default: the latest run)"), Values::RunId);
}

// `batch`: unpause, reset and update-options also take -q (a batch job over the workflows it matches).
void add_workflow_activities(CLI::App& cmd, ops_ac::WorkflowActivities& t, bool batch) {
  bool match_all = batch;
  values_from(cmd, cmd.add_option("-w,--workflow-id", t.workflow_id, "Workflow ID (omit it for a standalone activity)"),
              Values::WorkflowId);
  if (batch) {
    cmd.add_option("-q,--query", t.query,
                   "Act on the activities (all, or --activity-type) of every workflow this visibility query matches, "
                   "as a batch job");
    cmd.add_option("--reason", t.reason, "Batch: why, recorded by the server");
    cmd.add_flag("-y,--yes", t.yes, "Start a batch without asking");
    cmd.add_option("--rps", t.rps, "Batch: at most this many operations per second");
    cmd.add_flag("--wait", t.wait, "Batch: wait for the job to finish and exit non-zero unless every one succeeded");
  }
  values_from(cmd, cmd.add_option("-r,--run-id", t.run_id, "Run ID of the workflow, or of the standalone activity"),
              Values::RunId);
  values_from(cmd, cmd.add_option("-a,--activity-id", t.activity_id, "The activity's ID"), Values::ActivityId);
  values_from(cmd, cmd.add_option("--activity-type", t.activity_type, "Every activity of this type, instead of -a"),
              Values::ActivityType);
  if (match_all) cmd.add_flag("--match-all", t.match_all, "Every activity of the workflow, instead of -a");
}

}  // namespace

void add_group(CLI::App& root, Selection& sel) {
  auto* group = root.add_subcommand("activity", "Operate on activities of workflows, and on standalone activities");
  group->require_subcommand(1);

  auto complete = std::make_shared<ops_ac::CompleteOptions>();
  auto* complete_cmd = group->add_subcommand("complete", "Complete an activity with a result");
  add_ref(*complete_cmd, complete->ref);
  complete_cmd->add_option("--result", complete->result, "The activity's result, as JSON")->required();
  set_help(*complete_cmd,
           "Sends RespondActivityTaskCompletedById: the workflow sees the activity complete with this result, as if "
           "its worker had returned it (for activities that complete asynchronously, or whose worker is gone).",
           {"twctl activity complete \\\n    --workflow-id order-1 \\\n    --activity-id 5 \\\n"
            "    --result '{\"approved\": true}'"});
  bind(*complete_cmd, sel, complete, ops_ac::complete);

  auto fail = std::make_shared<ops_ac::FailOptions>();
  auto* fail_cmd = group->add_subcommand("fail", "Fail an activity");
  add_ref(*fail_cmd, fail->ref);
  fail_cmd->add_option("--reason", fail->reason, "The failure's message");
  fail_cmd->add_option("--detail", fail->detail, "The failure's details, as JSON");
  set_help(*fail_cmd,
           "Sends RespondActivityTaskFailedById with a non-retryable application failure (type CLIFailure, source "
           "CLI): the workflow sees the activity fail now, and its retry policy does not run it again.",
           {"twctl activity fail \\\n    --workflow-id order-1 \\\n    --activity-id 5 \\\n"
            "    --reason \"card declined\""});
  bind(*fail_cmd, sel, fail, ops_ac::fail);

  auto pause = std::make_shared<ops_ac::PauseOptions>();
  auto* pause_cmd = group->add_subcommand("pause", "Pause activities of a workflow");
  add_workflow_activities(*pause_cmd, pause->target, false);
  pause_cmd->add_option("--reason", pause->reason, "Why, recorded by the server");
  set_help(*pause_cmd,
           "Sends PauseActivity: a paused activity is not scheduled again (a running attempt may still finish) "
           "until `activity unpause`; describe shows it paused. Give -w with -a or --activity-type, or -a alone for a "
           "standalone activity.",
           {"twctl activity pause \\\n    --workflow-id order-1 \\\n    --activity-id charge \\\n"
            "    --reason \"payment API down\""});
  bind(*pause_cmd, sel, pause, ops_ac::pause);

  auto unpause = std::make_shared<ops_ac::UnpauseOptions>();
  auto* unpause_cmd = group->add_subcommand("unpause", "Unpause paused activities of a workflow");
  add_workflow_activities(*unpause_cmd, unpause->target, true);
  unpause_cmd->add_flag("--reset-attempts", unpause->reset_attempts, "Start again from attempt 1");
  unpause_cmd->add_flag("--reset-heartbeats", unpause->reset_heartbeats, "Drop the heartbeat details");
  unpause_cmd->add_option("--jitter", unpause->jitter, "Start within this long, at a random time (e.g. 30s)");
  set_help(*unpause_cmd,
           "Sends UnpauseActivity: the activity is scheduled again (at once, or within --jitter). Give -a, "
           "--activity-type or --match-all; or -q for a batch job over workflows.",
           {"twctl activity unpause \\\n    --workflow-id order-1 \\\n    --activity-id charge \\\n"
            "    --reset-attempts"});
  bind(*unpause_cmd, sel, unpause, ops_ac::unpause);

  auto reset = std::make_shared<ops_ac::ResetOptions>();
  auto* reset_cmd = group->add_subcommand("reset", "Reset activities of a workflow to their first attempt");
  add_workflow_activities(*reset_cmd, reset->target, true);
  reset_cmd->add_flag("--reset-heartbeats,--clear-heartbeat-details", reset->reset_heartbeats,
                      "Drop the heartbeat details");
  reset_cmd->add_flag("--keep-paused", reset->keep_paused, "A paused activity stays paused");
  reset_cmd->add_flag("--restore-original-options", reset->restore_original_options,
                      "Undo `update-options`: the options the workflow scheduled it with");
  reset_cmd->add_option("--jitter", reset->jitter, "Start within this long, at a random time (e.g. 30s)");
  set_help(*reset_cmd,
           "Sends ResetActivity: attempts start over from 1 with the retry policy's first interval; a running "
           "attempt's result is dropped. Give -a, --activity-type or --match-all; or -q for a batch job over workflows.",
           {"twctl activity reset \\\n    --workflow-id order-1 \\\n    --activity-id charge \\\n"
            "    --reset-heartbeats",
            "twctl activity reset \\\n    --query \"WorkflowType='Order' AND ExecutionStatus='Running'\" \\\n"
            "    --activity-type charge \\\n    --yes \\\n    --wait"});
  bind(*reset_cmd, sel, reset, ops_ac::reset);

  auto upd = std::make_shared<ops_ac::UpdateOptionsOptions>();
  auto* upd_cmd = group->add_subcommand("update-options", "Change the options of activities of a workflow");
  add_workflow_activities(*upd_cmd, upd->target, true);
  upd_cmd->add_option("--task-queue", upd->task_queue, "Task queue its next attempts go to");
  upd_cmd->add_option("--schedule-to-close-timeout", upd->schedule_to_close_timeout, "Bound on all attempts");
  upd_cmd->add_option("--schedule-to-start-timeout", upd->schedule_to_start_timeout, "Bound on waiting for a worker");
  upd_cmd->add_option("--start-to-close-timeout", upd->start_to_close_timeout, "Bound on one attempt");
  upd_cmd->add_option("--heartbeat-timeout", upd->heartbeat_timeout, "Longest time between heartbeats");
  upd_cmd->add_option("--retry-initial-interval", upd->retry_initial_interval, "Wait before the first retry");
  upd_cmd->add_option("--retry-maximum-interval", upd->retry_maximum_interval, "Longest wait between retries");
  upd_cmd->add_option("--retry-backoff-coefficient", upd->retry_backoff_coefficient,
                      "Factor by which the wait grows, 1 or more");
  upd_cmd->add_option("--retry-maximum-attempts", upd->retry_maximum_attempts, "Attempts in all (0: no limit)");
  upd_cmd->add_flag("--restore-original-options", upd->restore_original_options,
                    "Back to the options the workflow scheduled it with");
  set_help(*upd_cmd,
           "Sends UpdateActivityOptions with only the options given (a field mask), and prints the options the "
           "activity has now. They apply from its next attempt. Give -a, --activity-type or --match-all; or -q for a "
           "batch job over workflows.",
           {"twctl activity update-options \\\n    --workflow-id order-1 \\\n    --activity-id charge \\\n"
            "    --start-to-close-timeout 2m \\\n    --retry-maximum-attempts 10"});
  bind(*upd_cmd, sel, upd, ops_ac::update_options);

  add_standalone(*group, sel);
}

}  // namespace twctl::cli::activity
