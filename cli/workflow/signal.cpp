#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/signal.hpp"

namespace twctl::cli::workflow {

void add_signal(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::SignalOptions>();
  auto* cmd = group.add_subcommand("signal", "Send a signal to a workflow execution, or to many");
  add_target(*cmd, opts->target);
  values_from(*cmd, cmd->add_option("--name,--type", opts->name, "Signal name"), Values::SignalName)->required();
  add_payload_input(*cmd, opts->input);
  add_headers(*cmd, opts->headers);
  set_help(*cmd, "Delivers the signal with its arguments (each --input is one). With -q, a batch job.",
           {"twctl workflow signal \\\n    --workflow-id order-1 \\\n    --name add \\\n    --input '\"apple\"'",
            "twctl workflow signal \\\n    --query \"WorkflowType='Interactive'\" \\\n    --name finish \\\n    --yes"});
  bind(*cmd, sel, opts, ops::workflow::signal);
}

}  // namespace twctl::cli::workflow
