#pragma once

#include "cli/app.hpp"

#include <CLI/CLI.hpp>

namespace twctl::cli::schedule {

// `twctl schedule`: create, update, describe, list, count, delete, toggle, trigger, backfill,
// list-matching-times.
void add_group(CLI::App& root, Selection& sel);

}  // namespace twctl::cli::schedule
