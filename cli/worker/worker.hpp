#pragma once

#include "cli/app.hpp"

#include <CLI/CLI.hpp>

namespace twctl::cli::worker {

// `twctl worker`: list, describe and count; deployment.
void add_group(CLI::App& root, Selection& sel);

// `twctl worker deployment ...` (cli/worker/deployment.cpp).
void add_deployment(CLI::App& group, Selection& sel);

}  // namespace twctl::cli::worker
