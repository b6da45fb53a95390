#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/execute.hpp"
#include "ops/workflow/start.hpp"

namespace twctl::cli::workflow {

void add_start_flags(CLI::App& cmd, ops::workflow::StartOptions& opts, bool with_input) {
  cmd.add_option("-w,--workflow-id", opts.workflow_id, "Workflow ID (default: a random UUID)");
  values_from(cmd, cmd.add_option("--type,--name", opts.type, "Workflow type name"), Values::WorkflowType)->required();
  values_from(cmd, cmd.add_option("-t,--task-queue", opts.task_queue, "Task queue the workers poll"), Values::TaskQueue)
      ->required();
  if (with_input) add_payload_input(cmd, opts.input);
  cmd.add_option("--execution-timeout", opts.execution_timeout, "Bound on the whole execution, all runs (e.g. 1h)");
  cmd.add_option("--run-timeout", opts.run_timeout, "Bound on a single run (e.g. 30m)");
  cmd.add_option("--task-timeout", opts.task_timeout, "Bound on a workflow task")->capture_default_str();
  one_of(cmd,
         cmd.add_option("--id-reuse-policy", opts.id_reuse_policy, "Whether a closed workflow's ID may start again"),
         ops::workflow::id_reuse_policies());
  one_of(cmd,
         cmd.add_option("--id-conflict-policy", opts.id_conflict_policy, "What to do when the ID is already running"),
         ops::workflow::id_conflict_policies());
  cmd.add_flag("--fail-existing", opts.fail_existing, "Fail if a workflow with this ID is already running (the default)");
  cmd.add_option("--start-delay", opts.start_delay, "Wait this long before the first workflow task (e.g. 10m)");
  cmd.add_option("--cron", opts.cron, "Cron schedule (deprecated: use schedules)");
  add_repeatable(cmd, "--memo", opts.memo, "Memo entry KEY=JSON; repeatable");
  add_repeatable(cmd, "--search-attribute", opts.search_attributes, "Search attribute KEY=JSON; repeatable");
  add_headers(cmd, opts.headers);
  cmd.add_option("--static-summary", opts.static_summary, "One-line summary shown in UIs");
  cmd.add_option("--static-details", opts.static_details, "Longer details shown in UIs");
}

void add_start(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::StartOptions>();
  auto* cmd = group.add_subcommand("start", "Start a workflow execution and print its IDs");
  add_start_flags(*cmd, *opts, true);
  set_help(*cmd, "Starts a workflow execution and returns at once with its workflow and run IDs.",
           {"twctl workflow start \\\n    --type SayHello \\\n    --task-queue hello-tasks \\\n"
            "    --workflow-id hello-1 \\\n    --input '\"World\"'"});
  bind(*cmd, sel, opts, ops::workflow::start);
}

void add_execute(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::ExecuteOptions>();
  auto* cmd = group.add_subcommand("execute", "Start a workflow execution, show its progress and print its result");
  add_start_flags(*cmd, opts->start, true);
  cmd->add_flag("--detailed", opts->detailed,
                "Text: show every field of each event; JSON: add the closed run's history");
  set_help(*cmd,
           "Starts the workflow like `workflow start`, then waits for it to close, following continue-as-new. "
           "Text: the IDs and the result on stdout, the events as they happen on stderr. JSON: one object with "
           "the result on stdout. Exits 0 if the workflow completed, 3 if it failed, was canceled or "
           "terminated, or timed out; 5 if the ID is already running (--id-conflict-policy UseExisting follows "
           "that run instead).",
           {"twctl workflow execute \\\n    --type SayHello \\\n    --task-queue hello-tasks \\\n"
            "    --workflow-id hello-1 \\\n    --input '\"World\"'"});
  bind(*cmd, sel, opts, ops::workflow::execute);
}

}  // namespace twctl::cli::workflow
