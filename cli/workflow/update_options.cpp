// `workflow update-options`: the versioning override of one workflow.
#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/update_options.hpp"

namespace twctl::cli::workflow {

void add_update_options(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::UpdateOptionsOptions>();
  auto* cmd = group.add_subcommand("update-options", "Change a workflow's versioning override");
  add_workflow_ref(*cmd, opts->ref);
  one_of(*cmd,
         cmd->add_option("--versioning-override-behavior", opts->behavior,
                         "pinned (to one build), one_time (move once to a build), auto_upgrade (follow the current "
                         "version), or unspecified (remove the override)")
             ->required(),
         {"unspecified", "pinned", "one_time", "auto_upgrade"});
  cmd->add_option("--versioning-override-deployment-name", opts->deployment_name,
                  "Worker deployment of the build (pinned, one_time)");
  cmd->add_option("--versioning-override-build-id", opts->build_id, "Build ID (pinned, one_time)");
  set_help(*cmd,
           "Sends UpdateWorkflowExecutionOptions with the versioning override only, and prints the override the "
           "workflow has now.",
           {"twctl workflow update-options \\\n    --workflow-id order-1 \\\n    --versioning-override-behavior pinned "
            "\\\n    --versioning-override-deployment-name orders \\\n    --versioning-override-build-id v2"});
  bind(*cmd, sel, opts, ops::workflow::update_options);
}

}  // namespace twctl::cli::workflow
