#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/query.hpp"

namespace twctl::cli::workflow {

void add_query(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::QueryOptions>();
  auto* cmd = group.add_subcommand("query", "Run a query on a workflow execution");
  add_workflow_ref(*cmd, opts->ref);
  values_from(*cmd, cmd->add_option("--name,--type", opts->name, "Query name"), Values::QueryName)->required();
  add_payload_input(*cmd, opts->input);
  one_of(*cmd,
         cmd->add_option("--reject-condition", opts->reject_condition,
                         "Reject the query if the workflow is not_open or not_completed_cleanly"),
         ops::workflow::reject_conditions());
  set_help(*cmd, "Sends a query to the workflow's worker and prints the answer.",
           {"twctl workflow query \\\n    --workflow-id sub-1 \\\n    --name count"});
  bind(*cmd, sel, opts, ops::workflow::query);
}

}  // namespace twctl::cli::workflow
