#pragma once
// `workflow signal-with-start`: signal a workflow, starting it first if it is not running.

#include "app/context.hpp"
#include "ops/workflow/start_options.hpp"
#include "payload/input.hpp"

#include <string>

namespace twctl::ops::workflow {

struct SignalWithStartOptions {
  StartOptions start;  // -w is required
  std::string signal_name;
  payload::Input signal_input;
};

// Prints the "Running execution:" card with a Started row, or the start command's JSON object plus
// "signalName"; "started" says whether a new run began.
int signal_with_start(const SignalWithStartOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
