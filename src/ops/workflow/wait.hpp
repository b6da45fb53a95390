#pragma once
// `workflow wait`: until one workflow is in a wanted state, or until a visibility query's count is where a CI
// gate wants it.

#include "app/context.hpp"
#include "ops/workflow/reference_options.hpp"

#include <string>
#include <vector>

namespace twctl::ops::workflow {

struct WaitOptions {
  WorkflowRef ref;                  // -w/-r: one workflow (the latest run when -r is not given)
  std::vector<std::string> states;  // --for: running, paused, closed, completed, failed, canceled, terminated,
                                    // timed-out, continued-as-new
  std::string query;                // -q: a visibility query instead of -w
  std::string count_at_least;       // with -q: a non-negative whole number ("" when not given)
  std::string count_at_most;
  std::string timeout;              // a duration; "" waits without end
};

// The states --for accepts, in the order help lists them.
const std::vector<std::string>& wait_states();

// Asks again (100 ms growing to 1 s between checks) until the workflow's status is one of --for, then prints
// the WorkflowExecutionInfo (text: a card) and exits 0. A run that closes in a state not asked for ends the
// wait with exit 3 (workflow_failed), naming both; without -r a run that continued as new is followed to the
// next. A workflow that does not exist is exit 4; --timeout running out is exit 7 (cause wait_timeout) saying
// what it last saw. With -q: until CountWorkflowExecutions is at least / at most N; prints the count.
int wait(const WaitOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
