#pragma once
// `workflow update-options`: a workflow's versioning override (pinned to a build, auto-upgrade, one time to a
// build, or none).

#include "app/context.hpp"
#include "ops/workflow/reference_options.hpp"

#include <string>

namespace twctl::ops::workflow {

struct UpdateOptionsOptions {
  WorkflowRef ref;
  std::string behavior;         // pinned, one_time, auto_upgrade, unspecified (removes the override)
  std::string deployment_name;  // pinned and one_time
  std::string build_id;
};

// UpdateWorkflowExecutionOptions with the mask "versioning_override"; prints the options the workflow has now
// (text: a card; json: the WorkflowExecutionOptions).
int update_options(const UpdateOptionsOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
