#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/show.hpp"

namespace twctl::cli::workflow {

void add_show(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::ShowOptions>();
  auto* cmd = group.add_subcommand("show", "Show a workflow execution's event history");
  add_workflow_ref(*cmd, opts->ref);
  set_help(*cmd, "Streams the history page by page; memory does not grow with its length.",
           {"twctl workflow show \\\n    --workflow-id hello-1",
            "twctl workflow show \\\n    --workflow-id hello-1 \\\n    --output jsonl"});
  bind(*cmd, sel, opts, ops::workflow::show);
}

}  // namespace twctl::cli::workflow
