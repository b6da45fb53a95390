#pragma once

#include "core/context.hpp"
#include "ops/workflow/common.hpp"
#include "payload/payload.hpp"

namespace twctl::ops::workflow {

struct QueryOptions {
  WorkflowRef ref;
  std::string name;
  payload::Input input;
  std::string reject_condition;  // "", not_open, not_completed_cleanly
};

const std::vector<std::string>& reject_conditions();

int query(const QueryOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
