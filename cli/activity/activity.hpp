#pragma once

#include "cli/app.hpp"

#include <CLI/CLI.hpp>

namespace twctl::cli::activity {

// `twctl activity complete | fail`.
void add_group(CLI::App& root, Selection& sel);

}  // namespace twctl::cli::activity
