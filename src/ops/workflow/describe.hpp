#pragma once

#include "app/context.hpp"
#include "ops/workflow/reference_options.hpp"

namespace twctl::ops::workflow {

struct DescribeOptions {
  WorkflowRef ref;
  bool reset_points = false;  // only the auto-reset points: a table (text) or a JSON array
  bool raw = false;           // text: the server's answer as protobuf JSON, nothing fetched or added
};

int describe(const DescribeOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
