#pragma once
// `twctl activity complete | fail`: finish an activity from outside its worker, by workflow ID and activity ID
// (an activity that completes asynchronously, or one stuck on a worker that is gone).

#include "app/context.hpp"

#include <string>

namespace twctl::ops::activity {

// -a/--activity-id with -w/--workflow-id (and -r/--run-id) for an activity of a workflow; without -w the
// activity ID names a standalone activity (-r: its run).
struct ActivityRef {
  std::string activity_id;
  std::string workflow_id;
  std::string run_id;
};

struct CompleteOptions {
  ActivityRef ref;
  std::string result;  // one JSON document
};

struct FailOptions {
  ActivityRef ref;
  std::string reason;  // the failure's message
  std::string detail;  // JSON: the failure's details ("" when none)
};

// RespondActivityTaskCompletedById with the result as a json/plain payload. Says so on stderr (text), or
// {"workflowId", "runId", "activityId", "completed": true} (json).
int complete(const CompleteOptions& opts, Context& ctx);
// RespondActivityTaskFailedById with a non-retryable application failure (type "CLIFailure", source "CLI"), so
// that the workflow sees the activity fail now instead of its retry policy running it again.
int fail(const FailOptions& opts, Context& ctx);

}  // namespace twctl::ops::activity
