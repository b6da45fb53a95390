#pragma once
// The single-workflow-or-batch option set.

#include "ops/workflow/target_options.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace twctl::cli {

// One workflow or a batch: -w/--workflow-id, -r/--run-id, -q/--query, --reason, -y/--yes, --rps, --wait.
void add_target(CLI::App& cmd, ops::workflow::Target& target);

}  // namespace twctl::cli
