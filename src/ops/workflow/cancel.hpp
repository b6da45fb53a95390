#pragma once

#include "core/context.hpp"
#include "ops/workflow/common.hpp"

namespace twctl::ops::workflow {

struct CancelOptions {
  WorkflowRef ref;
  std::string reason;
};

int cancel(const CancelOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
