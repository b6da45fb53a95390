#pragma once
// `workflow execute`: start a workflow, show its progress while it runs, and print its result.

#include "app/context.hpp"
#include "ops/workflow/start.hpp"

namespace twctl::ops::workflow {

struct ExecuteOptions {
  StartOptions start;
  bool detailed = false;  // text: each event's fields; json: the closed run's history too
};

// Text: the "Running execution:" card and the "Results:" card on stdout, the progress (history events as they
// arrive, following continue-as-new) on stderr. JSON: one object with the result, nothing else on stdout.
// Exit codes as `workflow result`: 0 completed, workflow_failed otherwise.
int execute(const ExecuteOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
