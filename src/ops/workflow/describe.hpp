#pragma once

#include "app/context.hpp"
#include "ops/workflow/reference_options.hpp"

namespace twctl::ops::workflow {

struct DescribeOptions {
  WorkflowRef ref;
};

int describe(const DescribeOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
