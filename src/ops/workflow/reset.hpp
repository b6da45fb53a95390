#pragma once

#include "app/context.hpp"
#include "ops/workflow/target.hpp"
#include "ops/workflow/update_options.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace twctl::ops::workflow {

struct ResetOptions {
  Target target;
  int64_t event_id = 0;                     // -e/--event-id: a workflow task event of the run
  std::string type;                         // -t/--type: FirstWorkflowTask, LastWorkflowTask, LastContinuedAsNew, BuildId
  std::string build_id;                     // --build-id, with --type BuildId
  std::vector<std::string> reapply_exclude;  // --reapply-exclude All|Signal|Update (repeatable)
  std::string reapply_type;                 // --reapply-type All|Signal|None (deprecated)
  // `reset with-workflow-update-options`: the new run gets this versioning override, in the same request.
  bool with_update_options = false;
  VersioningOverrideFlags override_flags;
};

// The values -t/--type and the reapply flags accept.
const std::vector<std::string>& reset_types();
const std::vector<std::string>& reapply_exclude_values();
const std::vector<std::string>& reapply_type_values();

// One workflow: resolves --type from the history (or the reset points, for BuildId), then one
// ResetWorkflowExecution; prints the new run. With -q: a batch job with the reset options.
int reset(const ResetOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
