// Read-only commands beyond describe: count, stack, metadata.
#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/count.hpp"
#include "ops/workflow/query.hpp"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::cli::workflow {

void add_count(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::CountOptions>();
  auto* cmd = group.add_subcommand("count", "Count workflow executions, optionally grouped");
  cmd->add_option("-q,--query", opts->query, "Visibility query; may end in GROUP BY ExecutionStatus");
  set_help(*cmd, "Prints the number of executions the query matches, and the count per group with GROUP BY.",
           {"twctl workflow count \\\n    --query \"WorkflowType='SayHello'\"",
            "twctl workflow count \\\n    --query \"GROUP BY ExecutionStatus\""});
  add_record_output(*cmd, &temporal::api::workflowservice::v1::CountWorkflowExecutionsResponse::descriptor, {"count"});
  bind(*cmd, sel, opts, ops::workflow::count);
}

namespace {

void add_builtin_query(CLI::App& group, Selection& sel, const std::string& name, const std::string& summary,
                       const std::string& description, int (*action)(const ops::workflow::BuiltinQueryOptions&, Context&)) {
  auto opts = std::make_shared<ops::workflow::BuiltinQueryOptions>();
  auto* cmd = group.add_subcommand(name, summary);
  add_workflow_ref(*cmd, opts->ref);
  one_of(*cmd,
         cmd->add_option("--reject-condition", opts->reject_condition,
                         "Reject the query if the workflow is not_open or not_completed_cleanly"),
         ops::workflow::reject_conditions());
  set_help(*cmd, description, {"twctl workflow " + name + " \\\n    --workflow-id order-1"});
  bind(*cmd, sel, opts, action);
}

}  // namespace

void add_stack(CLI::App& group, Selection& sel) {
  add_builtin_query(group, sel, "stack", "Show where a running workflow's code is waiting",
                    "Runs the __stack_trace query: the workflow code's call stacks, as the worker reports them.",
                    ops::workflow::stack);
}

void add_metadata(CLI::App& group, Selection& sel) {
  add_builtin_query(group, sel, "metadata", "Show a workflow's query, signal and update definitions",
                    "Runs the __temporal_workflow_metadata query: the handlers the workflow defines (with "
                    "descriptions) and its current details.",
                    ops::workflow::metadata);
}

}  // namespace twctl::cli::workflow
