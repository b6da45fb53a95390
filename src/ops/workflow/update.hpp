#pragma once
// Workflow updates: send one and wait until it is accepted or completed, wait for an earlier one's outcome,
// or look at its stage without waiting.

#include "core/context.hpp"
#include "ops/workflow/common.hpp"
#include "payload/payload.hpp"

#include <string>
#include <vector>

namespace twctl::ops::workflow {

struct UpdateStartOptions {
  WorkflowRef ref;
  std::string name;
  std::string update_id;  // a UUID when empty
  std::string first_execution_run_id;
  payload::Input input;
  std::vector<std::string> headers;
  std::string wait_for_stage;  // "accepted" (start) or "completed" (execute)
};

struct UpdateRefOptions {
  WorkflowRef ref;
  std::string update_id;
};

int update_start(const UpdateStartOptions& opts, Context& ctx);    // waits until accepted (or rejected)
int update_execute(const UpdateStartOptions& opts, Context& ctx);  // waits until completed
int update_result(const UpdateRefOptions& opts, Context& ctx);     // waits for the outcome
int update_describe(const UpdateRefOptions& opts, Context& ctx);   // the stage now, and the outcome if any

}  // namespace twctl::ops::workflow
