// pause and unpause: one workflow execution, by -w/-r, with a reason.
#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/pause.hpp"

namespace twctl::cli::workflow {

namespace {

void add_one(CLI::App& group, Selection& sel, const std::string& name, const std::string& summary,
             const std::string& description, int (*action)(const ops::workflow::PauseOptions&, Context&)) {
  auto opts = std::make_shared<ops::workflow::PauseOptions>();
  auto* cmd = group.add_subcommand(name, summary);
  add_workflow_ref(*cmd, opts->ref);
  cmd->add_option("--reason", opts->reason, "Why, recorded by the server");
  set_help(*cmd, description,
           {"twctl workflow " + name + " \\\n    --workflow-id order-1 \\\n    --reason \"investigating\""});
  bind(*cmd, sel, opts, action);
}

}  // namespace

void add_pause(CLI::App& group, Selection& sel) {
  add_one(group, sel, "pause", "Pause a workflow execution",
          "The server stops dispatching the workflow's tasks until it is unpaused; describe shows status Paused "
          "with who paused it, when and why. Needs Temporal server 1.32 or newer: an older one fails with exit "
          "13 (unsupported), naming its version.",
          ops::workflow::pause);
  add_one(group, sel, "unpause", "Unpause a paused workflow execution",
          "The workflow's tasks are dispatched again. Needs Temporal server 1.32 or newer: an older one fails "
          "with exit 13 (unsupported), naming its version.",
          ops::workflow::unpause);
}

}  // namespace twctl::cli::workflow
