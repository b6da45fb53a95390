#pragma once
// `workflow update-options`: a workflow's versioning override (pinned to a build, auto-upgrade, one time to a
// build, or none), for one workflow or a batch; and the same override after a reset
// (`workflow reset with-workflow-update-options`).

#include "app/context.hpp"
#include "ops/workflow/target_options.hpp"

#include <string>

namespace temporal::api::workflow::v1 {
class VersioningOverride;
}

namespace twctl::ops::workflow {

// --versioning-override-behavior and the version it names.
struct VersioningOverrideFlags {
  std::string behavior;         // pinned, one_time, auto_upgrade, unspecified (removes the override)
  std::string deployment_name;  // pinned and one_time
  std::string build_id;
};

// Checks the flags (pinned and one_time need both names, the others neither: a usage error naming them) and
// fills `out`; false for "unspecified" (no override: `out` untouched).
bool build_override(const VersioningOverrideFlags& f, temporal::api::workflow::v1::VersioningOverride* out);

struct UpdateOptionsOptions {
  Target target;  // -w (one workflow) or -q (a batch job)
  VersioningOverrideFlags override_flags;
};

// UpdateWorkflowExecutionOptions with the mask "versioning_override"; prints the options the workflow has now
// (text: a card; json: the WorkflowExecutionOptions). With -q, a batch job (update_workflow_options_operation).
int update_options(const UpdateOptionsOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
