// `workflow update-options`: the versioning override of one workflow, or of a batch.
#include "cli/flags.hpp"
#include "cli/meta.hpp"
#include "cli/options/workflow_target.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/update_options.hpp"

namespace twctl::cli::workflow {

void add_override_flags(CLI::App& cmd, ops::workflow::VersioningOverrideFlags& f) {
  one_of(cmd,
         cmd.add_option("--versioning-override-behavior", f.behavior,
                        "pinned (to one build), one_time (move once to a build), auto_upgrade (follow the current "
                        "version), or unspecified (remove the override)")
             ->required(),
         {"unspecified", "pinned", "one_time", "auto_upgrade"});
  values_from(cmd,
              cmd.add_option("--versioning-override-deployment-name", f.deployment_name,
                             "Worker deployment of the build (pinned, one_time)"),
              Values::DeploymentName);
  values_from(cmd, cmd.add_option("--versioning-override-build-id", f.build_id, "Build ID (pinned, one_time)"),
              Values::BuildId);
}

void add_update_options(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::UpdateOptionsOptions>();
  auto* cmd = group.add_subcommand("update-options", "Change the versioning override of a workflow, or many");
  add_target(*cmd, opts->target);
  add_override_flags(*cmd, opts->override_flags);
  set_help(*cmd,
           "Sends UpdateWorkflowExecutionOptions with the versioning override only, and prints the override the "
           "workflow has now. With -q, a batch job does it to every workflow the query matches.",
           {"twctl workflow update-options \\\n    --workflow-id order-1 \\\n    --versioning-override-behavior pinned "
            "\\\n    --versioning-override-deployment-name orders \\\n    --versioning-override-build-id v2",
            "twctl workflow update-options \\\n    --query \"WorkflowType='Order'\" \\\n"
            "    --versioning-override-behavior auto_upgrade \\\n    --yes"});
  bind(*cmd, sel, opts, ops::workflow::update_options);
}

}  // namespace twctl::cli::workflow
