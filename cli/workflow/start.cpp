#include "cli/flags.hpp"
#include "cli/options/bulk.hpp"
#include "cli/options/workflow_start.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/execute.hpp"
#include "ops/workflow/start.hpp"

namespace twctl::cli::workflow {

void add_start_flags(CLI::App& cmd, ops::workflow::StartOptions& opts) {
  add_shared_workflow_start(cmd, opts);
  add_payload_input(cmd, opts.input);
  add_workflow_start(cmd, opts);
}

void add_start(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::StartCommandOptions>();
  auto* cmd = group.add_subcommand("start", "Start a workflow execution and print its IDs, or one per line of a file");
  add_start_flags(*cmd, *opts);
  // Required without --from-file only (checked by the command): a file's lines may give them.
  cmd->get_option("--type")->required(false);
  cmd->get_option("--task-queue")->required(false);
  add_bulk(*cmd, opts->bulk, true);
  set_help(*cmd,
           "Starts a workflow execution and returns at once with its workflow and run IDs. With --from-file, one "
           "start per line of the file (a JSON object of the flags: {\"workflow-id\": \"order-1\", \"input\": "
           "[\"apple\"]}), --concurrency at a time; the flags given are every line's defaults. stdout gets one JSON "
           "result per line ({\"line\", \"workflowId\", \"runId\", \"status\": \"started\", \"already-started\" "
           "or \"failed\", \"error\"}); an ID already running counts as started, so a run cut short can simply be "
           "run again, and --resume-from skips what an earlier run's results say succeeded. Exits 11 when a line "
           "failed.",
           {"twctl workflow start \\\n    --type SayHello \\\n    --task-queue hello-tasks \\\n"
            "    --workflow-id hello-1 \\\n    --input '\"World\"'",
            "twctl workflow start \\\n    --type SayHello \\\n    --task-queue hello-tasks \\\n"
            "    --from-file jobs.jsonl \\\n    --concurrency 64 \\\n    > results.jsonl"});
  bind(*cmd, sel, opts, ops::workflow::start);
}

void add_execute(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::ExecuteOptions>();
  auto* cmd = group.add_subcommand("execute", "Start a workflow execution, show its progress and print its result");
  add_start_flags(*cmd, opts->start);
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
