#pragma once

#include "app/context.hpp"
#include "ops/workflow/reference_options.hpp"

#include <string>

namespace twctl::ops::workflow {

struct PauseOptions {
  WorkflowRef ref;
  std::string reason;
};

// PauseWorkflowExecution / UnpauseWorkflowExecution (server 1.32 and newer, with frontend.WorkflowPauseEnabled).
// An older server fails with kind `unsupported` (exit 13), naming its version and the one needed.
int pause(const PauseOptions& opts, Context& ctx);
int unpause(const PauseOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
