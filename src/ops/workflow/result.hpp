#pragma once

#include "core/context.hpp"
#include "ops/workflow/common.hpp"

namespace twctl::ops::workflow {

struct ResultOptions {
  WorkflowRef ref;
};

// Waits for the run to close (following continue-as-new), prints the outcome, and fails with the
// workflow_failed kind unless it completed.
int result(const ResultOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
