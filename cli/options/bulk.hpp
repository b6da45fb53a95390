#pragma once
// The bulk option set: many single calls from a JSON-lines file (ops/bulk.hpp).

#include "ops/bulk.hpp"

#include <CLI/CLI.hpp>

namespace twctl::cli {

// --from-file, --concurrency, --resume-from, and --rps when `with_rps` (a command that has none yet).
void add_bulk(CLI::App& cmd, ops::BulkOptions& bulk, bool with_rps);

}  // namespace twctl::cli
