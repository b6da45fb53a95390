#pragma once

#include "cli/app.hpp"

#include <CLI/CLI.hpp>

namespace twctl::cli::batch {

void add_group(CLI::App& root, Selection& sel);

}  // namespace twctl::cli::batch
