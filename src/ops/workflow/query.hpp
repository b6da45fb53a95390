#pragma once

#include "app/context.hpp"
#include "ops/workflow/reference_options.hpp"
#include "payload/input.hpp"

#include <string>
#include <vector>


namespace temporal::api::workflowservice::v1 {
class QueryWorkflowResponse;
}
namespace temporal::api::sdk::v1 {
class WorkflowMetadata;
}

namespace twctl::ops::workflow {

struct QueryOptions {
  WorkflowRef ref;
  std::string name;
  payload::Input input;
  std::string reject_condition;  // "", not_open, not_completed_cleanly
};

const std::vector<std::string>& reject_conditions();

int query(const QueryOptions& opts, Context& ctx);

// Sends a query and returns its answer; a rejected query is an Error (kind rejected). Validates first.
temporal::api::workflowservice::v1::QueryWorkflowResponse run_query(const QueryOptions& opts, Context& ctx);

// `workflow stack` (the __stack_trace query) and `workflow metadata` (__temporal_workflow_metadata: the
// workflow's query, signal and update definitions and its current details).
struct BuiltinQueryOptions {
  WorkflowRef ref;
  std::string reject_condition;
};
int stack(const BuiltinQueryOptions& opts, Context& ctx);
// The decoded answer of __temporal_workflow_metadata (also used to complete handler names).
temporal::api::sdk::v1::WorkflowMetadata fetch_metadata(const BuiltinQueryOptions& opts, Context& ctx);
int metadata(const BuiltinQueryOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
