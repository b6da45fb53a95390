#include "ops/activity/batch.hpp"

#include "core/error.hpp"

namespace twctl::ops::activity {

void check_single(const WorkflowActivities& t, bool match_all_allowed) {
  if (t.workflow_id.empty()) {
    throw usage_error(match_all_allowed
                          ? "give -w/--workflow-id (one workflow's activities), -a alone (a standalone activity) or "
                            "-q/--query (a batch over workflows)"
                          : "give -w/--workflow-id (one workflow's activities) or -a alone (a standalone activity)");
  }
  int given = (t.activity_id.empty() ? 0 : 1) + (t.activity_type.empty() ? 0 : 1) + (t.match_all ? 1 : 0);
  if (given != 1) {
    throw usage_error(match_all_allowed ? "give exactly one of --activity-id, --activity-type and --match-all"
                                        : "give exactly one of --activity-id and --activity-type");
  }
  if (t.rps != 0) throw usage_error("--rps is for batches: use it with -q/--query");
  if (t.wait) throw usage_error("--wait is for batches: use it with -q/--query");
  if (t.yes) throw usage_error("--yes is for batches: use it with -q/--query");
}

void check_standalone(const WorkflowActivities& t) {
  if (!t.activity_type.empty() || t.match_all) {
    throw usage_error("--activity-type and --match-all pick activities of a workflow: give -w/--workflow-id, or "
                      "-a alone for one standalone activity");
  }
  if (t.rps != 0 || t.wait || t.yes) throw usage_error("--yes, --rps and --wait are for batches: use them with -q/--query");
}

workflow::Target batch_target(const WorkflowActivities& t) {
  if (!t.workflow_id.empty()) throw usage_error("give one of -w/--workflow-id and -q/--query, not both");
  if (!t.run_id.empty()) throw usage_error("-r/--run-id cannot be used with -q/--query");
  if (!t.activity_id.empty()) {
    throw usage_error("-a/--activity-id cannot be used with -q/--query: a batch picks activities by "
                      "--activity-type, or takes all of them");
  }
  if (t.rps < 0) throw usage_error("--rps must not be negative");
  return {.ref = {}, .query = t.query, .reason = t.reason, .yes = t.yes, .rps = t.rps, .wait = t.wait};
}

}  // namespace twctl::ops::activity
