#pragma once
// `workflow start --from-file` and `workflow signal --from-file`: each line of the file is one command's flags
// as a JSON object, keyed by the flags' long names or their camelCase forms ("task-queue" or "taskQueue"); the
// flags on the command line are every line's defaults, and a key on a line replaces its flag's value. Values:
// strings (numbers too, where the flag takes a number), `input` an array with one element per argument (as
// repeated --input), `memo`, `search-attribute` and `headers` an object (or an array of "KEY=JSON" strings),
// `input-file` and `input-meta` a string or an array of them, booleans for flags without a value. The run
// itself: ops/bulk.hpp.

#include "app/context.hpp"
#include "ops/workflow/signal.hpp"
#include "ops/workflow/start.hpp"

#include <nlohmann/json.hpp>

namespace twctl::ops::workflow {

// `defaults` with the line's keys applied; a usage Error names the key for an unknown key or a bad value.
StartOptions start_line(const nlohmann::json& line, const StartOptions& defaults);
SignalOptions signal_line(const nlohmann::json& line, const SignalOptions& defaults);

int start_from_file(const StartCommandOptions& opts, Context& ctx);
int signal_from_file(const SignalOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
