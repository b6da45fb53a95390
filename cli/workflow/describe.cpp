#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/describe.hpp"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::cli::workflow {

void add_describe(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::DescribeOptions>();
  auto* cmd = group.add_subcommand("describe", "Show a workflow execution's state, pending work and result");
  add_workflow_ref(*cmd, opts->ref);
  auto* reset_points = cmd->add_flag(
      "--reset-points", opts->reset_points,
      "Only the auto-reset points (where `workflow reset` can go back to): build ID, time, run, event ID");
  auto* raw = cmd->add_flag("--raw", opts->raw, "Print the server's answer as protobuf JSON, as it came");
  reset_points->excludes(raw);
  add_record_output(*cmd, &temporal::api::workflowservice::v1::DescribeWorkflowExecutionResponse::descriptor,
                    {"workflowExecutionInfo.execution.workflowId", "workflowExecutionInfo.execution.runId",
                     "workflowExecutionInfo.type.name", "workflowExecutionInfo.taskQueue",
                     "workflowExecutionInfo.status", "workflowExecutionInfo.startTime",
                     "workflowExecutionInfo.closeTime", "workflowExecutionInfo.historyLength"});
  cmd->get_option("--fields")->excludes(reset_points)->excludes(raw);
  set_help(*cmd,
           "Shows execution info (with its versioning), pending activities (pause state, attempt, last failure, "
           "heartbeat details, next attempt) and child workflows while it runs; the result once closed. "
           "--fields picks fields of the DescribeWorkflowExecution answer by their path in -o json (the close "
           "event and result are then not read).",
           {"twctl workflow describe \\\n    --workflow-id hello-1",
            "twctl workflow describe \\\n    --workflow-id hello-1 \\\n    --output json",
            "twctl workflow describe \\\n    --workflow-id hello-1 \\\n"
            "    --fields workflowExecutionInfo.status,workflowExecutionInfo.historyLength \\\n    --output tsv"});
  bind(*cmd, sel, opts, ops::workflow::describe);
}

}  // namespace twctl::cli::workflow
