#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/trace.hpp"

namespace twctl::cli::workflow {

void add_trace(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::TraceOptions>();
  auto* cmd = group.add_subcommand("trace", "Show the tree of a workflow execution and its child workflows");
  add_workflow_ref(*cmd, opts->ref);
  cmd->add_option("--depth", opts->depth, "Levels of child workflows to expand; -1 for all")->default_str("-1");
  add_repeatable(*cmd, "--fold", opts->fold,
                 "Do not expand children of child workflows with this status (running, paused, completed, failed, canceled, "
                 "terminated, timedout, continuedasnew); repeatable; default completed, canceled, terminated");
  cmd->add_flag("--no-fold", opts->no_fold, "Expand every child workflow, whatever its status");
  cmd->add_option("--concurrency", opts->concurrency, "Child workflows fetched at once")
      ->default_str("10");
  set_help(*cmd,
           "One line per run: type, workflow ID, run ID, status (and the failure of a failed one), children "
           "indented below their parent. On a terminal the tree is redrawn every second until the workflow "
           "closes; otherwise it is printed once. Exits 3 when the workflow closed unsuccessfully.",
           {"twctl workflow trace \\\n    --workflow-id order-1",
            "twctl workflow trace \\\n    --workflow-id order-1 \\\n    --no-fold \\\n    --output json"});
  bind(*cmd, sel, opts, ops::workflow::trace);
}

}  // namespace twctl::cli::workflow
