#include "cli/options/workflow_reference.hpp"

#include "cli/flags.hpp"
#include "cli/meta.hpp"

namespace twctl::cli {

void add_workflow_ref(CLI::App& cmd, ops::workflow::WorkflowRef& ref) {
  values_from(cmd, cmd.add_option("-w,--workflow-id", ref.workflow_id, "Workflow ID"), Values::WorkflowId)->required();
  values_from(cmd, cmd.add_option("-r,--run-id", ref.run_id, "Run ID (default: the latest run)"), Values::RunId);
}

}  // namespace twctl::cli
