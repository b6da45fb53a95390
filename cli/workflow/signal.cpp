#include "cli/flags.hpp"
#include "cli/options/bulk.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/signal.hpp"

namespace twctl::cli::workflow {

void add_signal(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::SignalOptions>();
  auto* cmd = group.add_subcommand("signal", "Send a signal to a workflow execution, or to many");
  add_target(*cmd, opts->target);
  // Required without --from-file only (checked by the command).
  values_from(*cmd, cmd->add_option("--name,--type", opts->name, "Signal name"), Values::SignalName);
  add_payload_input(*cmd, opts->input);
  add_headers(*cmd, opts->headers);
  add_bulk(*cmd, opts->bulk, false);
  cmd->get_option("--rps")->description("Batch or --from-file: at most this many operations per second");
  set_help(*cmd,
           "Delivers the signal with its arguments (each --input is one). With -q, a batch job. With --from-file, "
           "one signal per line of the file (a JSON object of the flags: {\"workflow-id\": \"order-1\", \"name\": "
           "\"add\", \"input\": [\"apple\"]}), the flags given being every line's defaults; stdout gets one JSON "
           "result per line, as `workflow start --from-file` writes them.",
           {"twctl workflow signal \\\n    --workflow-id order-1 \\\n    --name add \\\n    --input '\"apple\"'",
            "twctl workflow signal \\\n    --query \"WorkflowType='Interactive'\" \\\n    --name finish \\\n    --yes",
            "twctl workflow signal \\\n    --name add \\\n    --from-file signals.jsonl \\\n    > results.jsonl"});
  bind(*cmd, sel, opts, ops::workflow::signal);
}

}  // namespace twctl::cli::workflow
