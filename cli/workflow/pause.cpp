// pause and unpause: the commands exist and check their flags; the API twctl is built from cannot send them.
#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/pause.hpp"

namespace twctl::cli::workflow {

namespace {

void add_one(CLI::App& group, Selection& sel, const std::string& name, const std::string& summary,
             int (*action)(const ops::workflow::PauseOptions&, Context&)) {
  auto opts = std::make_shared<ops::workflow::PauseOptions>();
  auto* cmd = group.add_subcommand(name, summary);
  add_workflow_ref(*cmd, opts->ref);
  cmd->add_option("--reason", opts->reason, "Why, recorded by the server");
  set_help(*cmd,
           "Not supported by this twctl: its Temporal API has no " + name +
               " call. The command names the cluster's server version and exits 1 (JSON error cause "
               "\"unsupported\").",
           {"twctl workflow " + name + " \\\n    --workflow-id order-1 \\\n    --reason \"investigating\""});
  bind(*cmd, sel, opts, action);
}

}  // namespace

void add_pause(CLI::App& group, Selection& sel) {
  add_one(group, sel, "pause", "Pause a workflow execution (not supported by this twctl's API)", ops::workflow::pause);
  add_one(group, sel, "unpause", "Unpause a paused workflow execution (not supported by this twctl's API)",
          ops::workflow::unpause);
}

}  // namespace twctl::cli::workflow
