#pragma once

#include "core/context.hpp"
#include "ops/workflow/common.hpp"

namespace twctl::ops::workflow {

struct DescribeOptions {
  WorkflowRef ref;
};

int describe(const DescribeOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
