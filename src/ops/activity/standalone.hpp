#pragma once
// Standalone activities: an activity started by a client, not by a workflow (`activity start | execute |
// result | describe | list | count | cancel | terminate | delete`), on the *ActivityExecution RPCs of
// WorkflowService. The server must have them switched on (dynamic config activity.enableStandalone); one without
// them answers UNIMPLEMENTED, which is exit 13.

#include "app/context.hpp"
#include "ops/enum_flag.hpp"
#include "payload/input.hpp"

#include <string>
#include <vector>

namespace twctl::ops::activity {

inline constexpr EnumFlag kIdReusePolicy{"--id-reuse-policy", "temporal.api.enums.v1.ActivityIdReusePolicy"};
inline constexpr EnumFlag kIdConflictPolicy{"--id-conflict-policy", "temporal.api.enums.v1.ActivityIdConflictPolicy"};

// The flags of a start (the official CLI's activity-start option set).
struct StartOptions {
  std::string activity_id;
  std::string type;
  std::string task_queue;
  std::string schedule_to_close_timeout;  // durations; "" when not given
  std::string schedule_to_start_timeout;
  std::string start_to_close_timeout;
  std::string heartbeat_timeout;
  std::string start_delay;
  std::string retry_initial_interval;
  std::string retry_maximum_interval;
  std::string retry_backoff_coefficient;
  std::string retry_maximum_attempts;
  std::string id_reuse_policy;
  std::string id_conflict_policy;
  std::vector<std::string> search_attributes;  // KEY=JSON
  std::vector<std::string> headers;            // KEY=JSON
  std::string static_summary;
  std::string static_details;
  std::string priority_key;
  std::string fairness_key;
  std::string fairness_weight;
  payload::Input input;
};

// One standalone activity: its ID and, optionally, the run.
struct StandaloneRef {
  std::string activity_id;
  std::string run_id;
};

struct DescribeOptions {
  StandaloneRef ref;
  bool raw = false;  // text: the response as protobuf JSON instead of the card
};

struct ResultOptions {
  StandaloneRef ref;
};

struct ListOptions {
  std::string query;
  int limit = 0;
  int page_size = 0;
};

struct CountOptions {
  std::string query;
};

// One activity (-a, -r) or a batch (-q) of them.
struct StopTarget {
  StandaloneRef ref;
  std::string query;
  std::string reason;
  bool yes = false;
  double rps = 0;
  bool wait = false;
};

// StartActivityExecution; prints the "Running execution:" card (ActivityId, RunId, Namespace) or
// {"activityId", "runId", "namespace", "started"}.
int start(const StartOptions& opts, Context& ctx);
// start, then result: the outcome's exit code (an activity that did not complete exits as a failed workflow
// does, 3).
int execute(const StartOptions& opts, Context& ctx);
// PollActivityExecution until the activity closes: the "Results:" card, or {"activityId", "runId",
// "status", "result"|"failure"}; exit 3 unless it completed.
int result(const ResultOptions& opts, Context& ctx);
int describe(const DescribeOptions& opts, Context& ctx);
int list(const ListOptions& opts, Context& ctx);
int count(const CountOptions& opts, Context& ctx);
int cancel(const StopTarget& t, Context& ctx);
int terminate(const StopTarget& t, Context& ctx);
int delete_activity(const StopTarget& t, Context& ctx);

}  // namespace twctl::ops::activity
