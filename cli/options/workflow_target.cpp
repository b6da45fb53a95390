#include "cli/options/workflow_target.hpp"

#include "cli/flags.hpp"
#include "cli/meta.hpp"

namespace twctl::cli {

void add_target(CLI::App& cmd, ops::workflow::Target& t) {
  values_from(cmd, cmd.add_option("-w,--workflow-id", t.ref.workflow_id, "Workflow ID (or -q for a batch)"),
              Values::WorkflowId);
  values_from(cmd, cmd.add_option("-r,--run-id", t.ref.run_id, "Run ID (default: the latest run)"), Values::RunId);
  cmd.add_option("-q,--query", t.query, "Act on every workflow this visibility query matches, as a batch job");
  cmd.add_option("--reason", t.reason, "Why, recorded by the server");
  cmd.add_flag("-y,--yes", t.yes, "Start a batch without asking");
  cmd.add_option("--rps", t.rps, "Batch: at most this many operations per second");
  cmd.add_flag("--wait", t.wait, "Batch: wait for the job to finish and exit non-zero unless every execution succeeded");
}

}  // namespace twctl::cli
