// cancel, terminate and delete: each takes one workflow or a batch query, and nothing else.
#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/stop.hpp"

namespace twctl::cli::workflow {

void add_cancel(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::CancelOptions>();
  auto* cmd = group.add_subcommand("cancel", "Request cancellation of a workflow execution, or of many");
  add_target(*cmd, opts->target);
  set_help(*cmd,
           "Asks the workflow to cancel; it decides how to wind down. Use `twctl workflow result` to wait for it. "
           "With -q, starts a batch job over every match.",
           {"twctl workflow cancel \\\n    --workflow-id sub-1",
            "twctl workflow cancel \\\n    --query \"WorkflowType='SendEmailWorkflow'\" \\\n    --yes \\\n    --wait"});
  bind(*cmd, sel, opts, ops::workflow::cancel);
}

void add_terminate(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::TerminateOptions>();
  auto* cmd = group.add_subcommand("terminate", "Force a workflow execution, or many, to end now");
  add_target(*cmd, opts->target);
  set_help(*cmd, "Ends the run at once, without running any more workflow code. With -q, a batch job.",
           {"twctl workflow terminate \\\n    --workflow-id sub-1 \\\n    --reason \"stuck since Monday\""});
  bind(*cmd, sel, opts, ops::workflow::terminate);
}

void add_delete(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::DeleteOptions>();
  auto* cmd = group.add_subcommand("delete", "Delete a workflow execution and its history, or many");
  add_target(*cmd, opts->target);
  set_help(*cmd, "Removes the execution (terminating it first if it runs). With -q, a batch job.",
           {"twctl workflow delete \\\n    --workflow-id hello-1"});
  bind(*cmd, sel, opts, ops::workflow::delete_workflow);
}

}  // namespace twctl::cli::workflow
