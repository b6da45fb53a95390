#pragma once

#include "cli/app.hpp"

#include <CLI/CLI.hpp>

namespace twctl::cli::activity {

// `twctl activity …`: activities of workflows (complete, fail, pause, unpause, reset, update-options) and
// standalone ones.
void add_group(CLI::App& root, Selection& sel);

// start, execute, result, describe, list, count, cancel, terminate, delete (standalone.cpp).
void add_standalone(CLI::App& group, Selection& sel);

}  // namespace twctl::cli::activity
