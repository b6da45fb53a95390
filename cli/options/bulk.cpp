#include "cli/options/bulk.hpp"

#include "cli/meta.hpp"

namespace twctl::cli {

void add_bulk(CLI::App& cmd, ops::BulkOptions& bulk, bool with_rps) {
  values_from(cmd,
              cmd.add_option("--from-file", bulk.from_file,
                             "One call per line of this file (\"-\": standard input): a JSON object of the flags, "
                             "keyed by long name or camelCase; the flags given here are every line's defaults"),
              Values::File);
  cmd.add_option("--concurrency", bulk.concurrency, "--from-file: calls in flight at most")->default_str("16");
  if (with_rps) cmd.add_option("--rps", bulk.rps, "--from-file: calls begun per second at most (default: no limit)");
  values_from(cmd,
              cmd.add_option("--resume-from", bulk.resume_from,
                             "--from-file: skip the lines that succeeded in this results file of an earlier run"),
              Values::File);
}

}  // namespace twctl::cli
