#include "cli/options/workflow_start.hpp"

#include "cli/flags.hpp"
#include "cli/meta.hpp"

namespace twctl::cli {

void add_shared_workflow_start(CLI::App& cmd, ops::workflow::SharedWorkflowStartOptions& opts) {
  cmd.add_option("-w,--workflow-id", opts.workflow_id, "Workflow ID (default: a random UUID)");
  values_from(cmd, cmd.add_option("--type,--name", opts.type, "Workflow type name"), Values::WorkflowType)->required();
  values_from(cmd, cmd.add_option("-t,--task-queue", opts.task_queue, "Task queue the workers poll"), Values::TaskQueue)
      ->required();
  cmd.add_option("--execution-timeout", opts.execution_timeout, "Bound on the whole execution, all runs (e.g. 1h)");
  cmd.add_option("--run-timeout", opts.run_timeout, "Bound on a single run (e.g. 30m)");
  cmd.add_option("--task-timeout", opts.task_timeout, "Bound on a workflow task")->capture_default_str();
  add_repeatable(cmd, "--memo", opts.memo, "Memo entry KEY=JSON; repeatable");
  add_repeatable(cmd, "--search-attribute", opts.search_attributes, "Search attribute KEY=JSON; repeatable");
  add_headers(cmd, opts.headers);
  cmd.add_option("--static-summary", opts.static_summary, "One-line summary shown in UIs");
  cmd.add_option("--static-details", opts.static_details, "Longer details shown in UIs");
  cmd.add_option("--priority-key", opts.priority_key,
                 "Priority of the workflow's tasks: 1 is first; the server's default levels are 1 to 5 (unset: 3)");
  cmd.add_option("--fairness-key", opts.fairness_key,
                 "Key whose tasks share dispatch fairly with other keys' (at most 64 bytes)");
  cmd.add_option("--fairness-weight", opts.fairness_weight, "Weight of the fairness key, 0.001 to 1000 (unset: 1)");
}

void add_workflow_start(CLI::App& cmd, ops::workflow::WorkflowStartOptions& opts) {
  one_of_enum(cmd,
              cmd.add_option("--id-reuse-policy", opts.id_reuse_policy, "Whether a closed workflow's ID may start again"),
              ops::workflow::kIdReusePolicy);
  one_of_enum(cmd,
              cmd.add_option("--id-conflict-policy", opts.id_conflict_policy, "What to do when the ID is already running"),
              ops::workflow::kIdConflictPolicy);
  cmd.add_flag("--fail-existing", opts.fail_existing, "Fail if a workflow with this ID is already running (the default)");
  cmd.add_option("--start-delay", opts.start_delay, "Wait this long before the first workflow task (e.g. 10m)");
  cmd.add_option("--cron", opts.cron, "Cron schedule (deprecated: use schedules)");
}

}  // namespace twctl::cli
