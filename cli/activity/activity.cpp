// `twctl activity complete | fail`.
#include "cli/activity/activity.hpp"

#include "cli/flags.hpp"
#include "cli/meta.hpp"
#include "cli/select.hpp"
#include "ops/activity/activity.hpp"

namespace twctl::cli::activity {

namespace ops_ac = ops::activity;

namespace {

void add_ref(CLI::App& cmd, ops_ac::ActivityRef& ref) {
  cmd.add_option("-a,--activity-id", ref.activity_id, "Activity ID")->required();
  values_from(cmd, cmd.add_option("-w,--workflow-id", ref.workflow_id, "Workflow ID (omit for a standalone activity)"),
              Values::WorkflowId);
  values_from(cmd, cmd.add_option("-r,--run-id", ref.run_id, "Run ID (default: the latest run)"), Values::RunId);
}

}  // namespace

void add_group(CLI::App& root, Selection& sel) {
  auto* group = root.add_subcommand("activity", "Complete or fail activities from outside their workers");
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
}

}  // namespace twctl::cli::activity
