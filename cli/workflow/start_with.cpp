// `twctl workflow signal-with-start | start-update-with-start | execute-update-with-start`: the start flags plus
// a signal or an update, sent in one call.
#include "cli/flags.hpp"
#include "cli/meta.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/signal_with_start.hpp"
#include "ops/workflow/update_with_start.hpp"

namespace twctl::cli::workflow {

namespace {

// The start flags, with -w required: the signal or update needs to name the workflow.
void add_start_flags_with_id(CLI::App& cmd, ops::workflow::StartOptions& start) {
  add_start_flags(cmd, start);
  cmd.get_option("--workflow-id")->required()->description("Workflow ID");
}

void add_update_flags(CLI::App& cmd, ops::workflow::UpdateWithStartOptions& o) {
  add_start_flags_with_id(cmd, o.start);
  cmd.add_option("--update-name,--update-type", o.update.name, "Update name")->required();
  cmd.add_option("--update-id", o.update.update_id, "Update ID, to de-duplicate retries (default: a random UUID)");
  cmd.add_option("--update-first-execution-run-id", o.update.first_execution_run_id,
                 "Not accepted with update-with-start (the workflow may not be running yet)");
  add_payload_input(cmd, o.update.input, "update-input");
}

const char* const kUpdateHelp =
    "Starts the workflow unless it is running (--id-conflict-policy, required, says what to do if it is: Fail, "
    "UseExisting or TerminateExisting), and sends the update in the same call. ";

}  // namespace

void add_signal_with_start(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::SignalWithStartOptions>();
  auto* cmd = group.add_subcommand("signal-with-start", "Send a signal to a workflow, starting it if it is not running");
  add_start_flags_with_id(*cmd, opts->start);
  cmd->add_option("--signal-name,--signal-type", opts->signal_name, "Signal name")->required();
  add_payload_input(*cmd, opts->signal_input, "signal-input");
  set_help(*cmd,
           "Delivers the signal to the running workflow with this ID, or starts it (with --input) and delivers "
           "the signal (with --signal-input) before its first task. Prints the IDs and whether a new run started.",
           {"twctl workflow signal-with-start \\\n    --workflow-id order-1 \\\n    --type Interactive \\\n"
            "    --task-queue interactive-tasks \\\n    --signal-name add \\\n    --signal-input '\"apple\"'"});
  bind(*cmd, sel, opts, ops::workflow::signal_with_start);
}

void add_update_with_start(CLI::App& group, Selection& sel) {
  auto start = std::make_shared<ops::workflow::UpdateWithStartOptions>();
  auto* start_cmd = group.add_subcommand("start-update-with-start",
                                         "Send an update, starting the workflow if needed; wait until accepted");
  add_update_flags(*start_cmd, *start);
  one_of(*start_cmd,
         start_cmd->add_option("--update-wait-for-stage", start->update.wait_for_stage, "Stage to wait for: accepted")
             ->required(),
         {"accepted"});
  set_help(*start_cmd, std::string(kUpdateHelp) + "Returns once the update was accepted; exits 12 if it was rejected.",
           {"twctl workflow start-update-with-start \\\n    --workflow-id order-1 \\\n    --type Interactive \\\n"
            "    --task-queue interactive-tasks \\\n    --id-conflict-policy UseExisting \\\n"
            "    --update-name add_item \\\n    --update-input '\"apple\"' \\\n    --update-wait-for-stage accepted"});
  bind(*start_cmd, sel, start, ops::workflow::start_update_with_start);

  auto execute = std::make_shared<ops::workflow::UpdateWithStartOptions>();
  auto* execute_cmd = group.add_subcommand("execute-update-with-start",
                                           "Send an update, starting the workflow if needed; print its result");
  add_update_flags(*execute_cmd, *execute);
  set_help(*execute_cmd,
           std::string(kUpdateHelp) + "Prints the update's result; exits 12 if it was rejected or its handler failed.",
           {"twctl workflow execute-update-with-start \\\n    --workflow-id order-1 \\\n    --type Interactive \\\n"
            "    --task-queue interactive-tasks \\\n    --id-conflict-policy UseExisting \\\n"
            "    --update-name add_item \\\n    --update-input '\"apple\"'"});
  bind(*execute_cmd, sel, execute, ops::workflow::execute_update_with_start);
}

}  // namespace twctl::cli::workflow
