#pragma once

#include "cli/app.hpp"

#include <CLI/CLI.hpp>

namespace twctl::cli::worker {

// `twctl worker`: list, describe and count.
void add_group(CLI::App& root, Selection& sel);

}  // namespace twctl::cli::worker
