#pragma once

#include "cli/app.hpp"

#include <CLI/CLI.hpp>

namespace twctl::cli::config {

// `twctl config get|set|delete|delete-profile|list` and `twctl settings`.
void add_group(CLI::App& root, Selection& sel);
void add_settings(CLI::App& root, Selection& sel);

}  // namespace twctl::cli::config
