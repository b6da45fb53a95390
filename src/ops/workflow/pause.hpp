#pragma once

#include "core/context.hpp"
#include "ops/workflow/common.hpp"

#include <string>

namespace twctl::ops::workflow {

struct PauseOptions {
  WorkflowRef ref;
  std::string reason;
};

// The Temporal API twctl is built from has no PauseWorkflowExecution / UnpauseWorkflowExecution. Both commands
// validate their flags, ask the cluster its version (GetSystemInfo) and fail with one error naming it
// (kind `error`, cause `unsupported`).
int pause(const PauseOptions& opts, Context& ctx);
int unpause(const PauseOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
