#pragma once
// The option sets of a workflow start, split as the official CLI splits them: shared-workflow-start is what
// any started workflow needs (workflow start, execute, the with-start commands, a schedule's action);
// workflow-start is what only a direct start has (a schedule has its own --cron, and no ID policies).

#include "ops/enum_flag.hpp"
#include "payload/input.hpp"

#include <string>
#include <vector>

namespace twctl::ops::workflow {

struct SharedWorkflowStartOptions {
  std::string workflow_id;  // a UUID when empty
  std::string type;
  std::string task_queue;
  std::string execution_timeout;
  std::string run_timeout;
  std::string task_timeout = "10s";
  std::vector<std::string> memo;
  std::vector<std::string> search_attributes;
  std::vector<std::string> headers;
  std::string static_summary;
  std::string static_details;
  // Priority and fairness (Priority in the API): "" when not given.
  std::string priority_key;     // a whole number from 1 (first); the server's default is 3 of 5
  std::string fairness_key;     // at most 64 bytes
  std::string fairness_weight;  // 0.001 to 1000
};

inline constexpr EnumFlag kIdReusePolicy{"--id-reuse-policy", "temporal.api.enums.v1.WorkflowIdReusePolicy"};
inline constexpr EnumFlag kIdConflictPolicy{"--id-conflict-policy", "temporal.api.enums.v1.WorkflowIdConflictPolicy"};

struct WorkflowStartOptions {
  std::string id_reuse_policy;
  std::string id_conflict_policy;
  std::string start_delay;
  std::string cron;
  bool fail_existing = false;
};

// `workflow start` and the commands that start like it: both sets and the payload input.
struct StartOptions : SharedWorkflowStartOptions, WorkflowStartOptions {
  payload::Input input;
};

}  // namespace twctl::ops::workflow
