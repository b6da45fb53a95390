#pragma once
// The two shapes of WorkflowActivities: one workflow's activities (-w), or a batch job over the workflows a
// query matches (-q). Their checks, made before anything is sent.

#include "ops/activity/activity.hpp"
#include "ops/workflow/target_options.hpp"

namespace twctl::ops::activity {

inline bool is_batch(const WorkflowActivities& t) { return !t.query.empty(); }
// -a without -w and -q: a standalone activity (-r its run), on the *ActivityExecution RPCs.
inline bool is_standalone(const WorkflowActivities& t) {
  return t.query.empty() && t.workflow_id.empty() && !t.activity_id.empty();
}
// A standalone activity: --activity-type and --match-all (workflow activities only) and the batch flags are usage
// errors.
void check_standalone(const WorkflowActivities& t);

// One workflow: -w given, exactly one of -a, --activity-type and (`match_all_allowed`) --match-all; the batch
// flags (--reason aside, which pause records) absent.
void check_single(const WorkflowActivities& t, bool match_all_allowed);

// A batch: -q without -w, -r or -a (a batch picks activities by --activity-type, or takes all of them); as the
// workflow::Target run_batch takes.
workflow::Target batch_target(const WorkflowActivities& t);

}  // namespace twctl::ops::activity
