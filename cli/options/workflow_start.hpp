#pragma once
// The two option sets of a workflow start, as the official CLI splits them: shared-workflow-start (any started
// workflow: start, execute, the with-start commands, a schedule's action) and workflow-start (a direct start
// only: ID policies, --start-delay, --cron, --fail-existing).

#include "ops/workflow/start_options.hpp"

#include <CLI/CLI.hpp>

namespace twctl::cli {

void add_shared_workflow_start(CLI::App& cmd, ops::workflow::SharedWorkflowStartOptions& opts);
void add_workflow_start(CLI::App& cmd, ops::workflow::WorkflowStartOptions& opts);

}  // namespace twctl::cli
