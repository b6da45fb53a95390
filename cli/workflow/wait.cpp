// `workflow wait`: until a workflow is in a wanted state, or a visibility query's count is.
#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/wait.hpp"

namespace twctl::cli::workflow {

void add_wait(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::WaitOptions>();
  auto* cmd = group.add_subcommand("wait", "Wait until a workflow is in a given state, or a query's count is");
  values_from(*cmd, cmd->add_option("-w,--workflow-id", opts->ref.workflow_id, "Workflow ID"), Values::WorkflowId);
  values_from(*cmd, cmd->add_option("-r,--run-id", opts->ref.run_id, "Run ID (default: the latest run, followed "
                                                                     "through continue-as-new)"),
              Values::RunId);
  one_of(*cmd,
         add_repeatable(*cmd, "--for", opts->states,
                        "State to wait for (repeatable: any of them): running, paused, closed, completed, failed, "
                        "canceled, terminated, timed-out, continued-as-new"),
         ops::workflow::wait_states());
  cmd->add_option("-q,--query", opts->query, "Visibility query whose count to wait on, instead of -w");
  cmd->add_option("--count-at-least", opts->count_at_least, "With -q: until at least this many executions match");
  cmd->add_option("--count-at-most", opts->count_at_most, "With -q: until at most this many match (0: none)");
  cmd->add_option("--timeout", opts->timeout, "Give up after this long (e.g. 30s, 5m; default: no end)");
  set_help(*cmd,
           "Checks again and again (every 100 ms at first, then every second) until the workflow's status is one "
           "of --for, then prints its execution info and exits 0. A run that closes in a state not asked for "
           "exits 3 (workflow_failed); a workflow that does not exist exits 4; --timeout running out exits 7 "
           "(cause wait_timeout). Without -r the latest run is watched and continue-as-new followed. With -q it "
           "waits on CountWorkflowExecutions instead: --count-at-most 0 waits until nothing matches.",
           {"twctl workflow wait \\\n    --workflow-id order-1 \\\n    --for running",
            "twctl workflow wait \\\n    --workflow-id order-1 \\\n    --for completed \\\n    --timeout 5m",
            "twctl workflow wait \\\n    --query \"WorkflowType='Import' AND ExecutionStatus='Running'\" \\\n"
            "    --count-at-most 0"});
  bind(*cmd, sel, opts, ops::workflow::wait);
}

}  // namespace twctl::cli::workflow
