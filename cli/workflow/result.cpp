#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/result.hpp"

namespace twctl::cli::workflow {

void add_result(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::ResultOptions>();
  auto* cmd = group.add_subcommand("result", "Wait for a workflow execution to close and print its result");
  add_workflow_ref(*cmd, opts->ref);
  set_help(*cmd,
           "Waits for the close event, following continue-as-new. Exits 0 if the workflow completed, 3 if it "
           "failed, was canceled or terminated, or timed out.",
           {"twctl workflow result \\\n    --workflow-id hello-1"});
  bind(*cmd, sel, opts, ops::workflow::result);
}

}  // namespace twctl::cli::workflow
