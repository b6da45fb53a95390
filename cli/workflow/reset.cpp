#include "cli/flags.hpp"
#include "cli/meta.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/reset.hpp"

namespace twctl::cli::workflow {

void add_reset(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::ResetOptions>();
  auto* cmd = group.add_subcommand("reset", "Reset a workflow execution to an earlier workflow task, or many");
  add_target(*cmd, opts->target);
  cmd->get_option("--reason")->required();
  cmd->add_option("-e,--event-id", opts->event_id,
                  "Reset to this WorkflowTaskCompleted (or WorkflowTaskStarted, -Failed, -TimedOut) event")
      ->check(CLI::Validator(
          [](std::string& v) {  // 0 would read as "not given" below: say what is wrong with it instead
            return !v.empty() && v.find_first_not_of("0") == std::string::npos ? std::string("event IDs start at 1, not 0")
                                                                  : std::string();
          },
          "", "event-id"));
  one_of(*cmd,
         cmd->add_option("-t,--type", opts->type,
                         "Reset to FirstWorkflowTask, LastWorkflowTask, LastContinuedAsNew or BuildId"),
         ops::workflow::reset_types());
  cmd->add_option("--build-id", opts->build_id, "With -t BuildId: the first workflow task this build completed");
  one_of(*cmd,
         add_repeatable(*cmd, "--reapply-exclude", opts->reapply_exclude,
                        "Do not reapply these events after the reset point: All, Signal or Update; repeatable"),
         ops::workflow::reapply_exclude_values(), true);
  one_of(*cmd,
         cmd->add_option("--reapply-type", opts->reapply_type, "Deprecated, use --reapply-exclude: All, Signal or None"),
         ops::workflow::reapply_type_values());
  set_help(*cmd,
           "Terminates the current run and starts a new one whose history is the old one up to the reset point; "
           "signals and updates after it are reapplied unless excluded. Give exactly one of --event-id and "
           "--type. With -q, a batch job (--type only; not LastContinuedAsNew).",
           {"twctl workflow reset \\\n    --workflow-id order-1 \\\n    --type FirstWorkflowTask \\\n"
            "    --reason \"bad deploy\"",
            "twctl workflow reset \\\n    --workflow-id order-1 \\\n    --event-id 4 \\\n"
            "    --reapply-exclude Signal \\\n    --reason \"replay without signals\"",
            "twctl workflow reset \\\n    --query \"WorkflowType='Interactive'\" \\\n    --type LastWorkflowTask \\\n"
            "    --reason \"fixed worker\" \\\n    --yes"});
  bind(*cmd, sel, opts, ops::workflow::reset);

  // The reset's flags stay the parent's (fallthrough: they may come after the subcommand's name); this one adds
  // the override and runs the same action on the same options.
  auto* with = cmd->add_subcommand("with-workflow-update-options",
                                   "Reset a workflow and set its versioning override in the same request");
  add_override_flags(*with, opts->override_flags);
  with->preparse_callback([opts](size_t) { opts->with_update_options = true; });
  set_help(*with,
           "A reset (every flag of `workflow reset`) whose new run gets the versioning override at once: the "
           "server applies UpdateWorkflowExecutionOptions as a post-reset operation, so no workflow task of the "
           "new run runs on the old version.",
           {"twctl workflow reset with-workflow-update-options \\\n    --workflow-id order-1 \\\n"
            "    --type LastWorkflowTask \\\n    --reason \"move to v2\" \\\n"
            "    --versioning-override-behavior pinned \\\n    --versioning-override-deployment-name orders \\\n"
            "    --versioning-override-build-id v2"});
  bind(*with, sel, opts, ops::workflow::reset);
}

}  // namespace twctl::cli::workflow
