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

// pause | unpause | reset | update-options: activities of one workflow run (-w, -r), picked by ID (-a), by type
// (--activity-type) or all of them (--match-all: unpause, reset, update-options). Or, except for pause (the API
// has no such batch), activities of every workflow a visibility query matches (-q: a batch job; by type, or all).
struct WorkflowActivities {
  std::string workflow_id;
  std::string run_id;
  std::string activity_id;
  std::string activity_type;
  bool match_all = false;
  std::string query;  // the batch's visibility query over workflows
  std::string reason;
  bool yes = false;
  double rps = 0;
  bool wait = false;
};

struct PauseOptions {
  WorkflowActivities target;
  std::string reason;
};

struct UnpauseOptions {
  WorkflowActivities target;
  bool reset_attempts = false;
  bool reset_heartbeats = false;
  std::string jitter;  // a duration: start within this long, at random
};

struct ResetOptions {
  WorkflowActivities target;
  bool reset_heartbeats = false;  // --reset-heartbeats / --clear-heartbeat-details
  bool keep_paused = false;
  bool restore_original_options = false;
  std::string jitter;
};

struct UpdateOptionsOptions {
  WorkflowActivities target;
  std::string task_queue;
  std::string schedule_to_close_timeout;  // durations; "" when not given
  std::string schedule_to_start_timeout;
  std::string start_to_close_timeout;
  std::string heartbeat_timeout;
  std::string retry_initial_interval;
  std::string retry_maximum_interval;
  std::string retry_backoff_coefficient;  // a number ≥ 1
  std::string retry_maximum_attempts;     // a whole number ≥ 0 (0: no limit)
  bool restore_original_options = false;
};

// PauseActivity / UnpauseActivity / ResetActivity (the workflow-activity RPCs every server since 1.27 answers).
// A paused activity is not scheduled again until unpaused; reset starts it over from attempt 1 (a running
// attempt's result is dropped). Each says what it did on stderr (text) or prints
// {"workflowId", "runId", "activityId"|"activityType"|"matchAll", "<verb>": true} (json).
int pause(const PauseOptions& opts, Context& ctx);
int unpause(const UnpauseOptions& opts, Context& ctx);
int reset(const ResetOptions& opts, Context& ctx);
// UpdateActivityOptions with only the options given (in the field mask); prints the options the activity has
// now (text: a card; json: the ActivityOptions).
int update_options(const UpdateOptionsOptions& opts, Context& ctx);

// RespondActivityTaskCompletedById with the result as a json/plain payload. Says so on stderr (text), or
// {"workflowId", "runId", "activityId", "completed": true} (json).
int complete(const CompleteOptions& opts, Context& ctx);
// RespondActivityTaskFailedById with a non-retryable application failure (type "CLIFailure", source "CLI"), so
// that the workflow sees the activity fail now instead of its retry policy running it again.
int fail(const FailOptions& opts, Context& ctx);

}  // namespace twctl::ops::activity
