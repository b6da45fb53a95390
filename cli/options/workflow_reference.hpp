#pragma once
// The workflow-reference option set.

#include "ops/workflow/reference_options.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace twctl::cli {

// -w/--workflow-id (required) and -r/--run-id.
void add_workflow_ref(CLI::App& cmd, ops::workflow::WorkflowRef& ref);

}  // namespace twctl::cli
