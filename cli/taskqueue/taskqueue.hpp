#pragma once

#include "cli/app.hpp"

#include <CLI/CLI.hpp>

namespace twctl::cli::taskqueue {

// `twctl task-queue`: describe and list-partition.
void add_group(CLI::App& root, Selection& sel);

}  // namespace twctl::cli::taskqueue
