#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/cancel.hpp"

namespace twctl::cli::workflow {

void add_cancel(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::CancelOptions>();
  auto* cmd = group.add_subcommand("cancel", "Request cancellation of a workflow execution");
  add_workflow_ref(*cmd, opts->ref);
  cmd->add_option("--reason", opts->reason, "Why, recorded in the history");
  set_help(*cmd, "Asks the workflow to cancel; it decides how to wind down. Use `twctl workflow result` to wait for it.",
           {"twctl workflow cancel \\\n    --workflow-id sub-1"});
  bind(*cmd, sel, opts, ops::workflow::cancel);
}

}  // namespace twctl::cli::workflow
