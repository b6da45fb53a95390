#pragma once
// `twctl task-queue describe | list-partition`: the pollers, backlog and partitions of a task queue.

#include "app/context.hpp"
#include "ops/enum_flag.hpp"

#include <string>
#include <vector>

namespace twctl::ops::taskqueue {

inline constexpr EnumFlag kTaskQueueType{"--task-queue-type", "temporal.api.enums.v1.TaskQueueType"};
inline constexpr EnumFlag kTaskQueueTypeLegacy{"--task-queue-type-legacy", "temporal.api.enums.v1.TaskQueueType"};

struct DescribeOptions {
  std::string task_queue;
  std::vector<std::string> types;  // none: every type
  std::vector<std::string> select_build_ids;
  bool select_unversioned = false;
  bool select_all_active = false;
  bool report_reachability = false;
  bool disable_stats = false;
  bool report_config = false;
  bool legacy_mode = false;
  std::string type_legacy;      // empty: workflow
  int partitions_legacy = -1;   // -1: not given (1)
  bool require_pollers = false;
  std::string wait;             // a duration, with --require-pollers
};

struct ListPartitionOptions {
  std::string task_queue;
};

inline constexpr EnumFlag kConfigTaskQueueType{"--task-queue-type", "temporal.api.enums.v1.TaskQueueType"};

struct ConfigGetOptions {
  std::string task_queue;
  std::string type;
};
struct ConfigSetOptions {
  std::string task_queue;
  std::string type;
  std::string queue_rps_limit;  // a number of requests per second, or "default" (unset); empty: unchanged
  std::string queue_rps_limit_reason;
  std::string fairness_key_rps_limit_default;
  std::string fairness_key_rps_limit_reason;
  std::vector<std::string> fairness_key_weights;  // KEY=WEIGHT or KEY=default
  bool fairness_key_weight_clear_all = false;
};

// DescribeTaskQueue in ENHANCED mode (the official CLI's default): pollers and stats per build ID and task
// queue type, optionally reachability; with --report-config one more DEFAULT-mode call per type for its
// config. --legacy-mode: one DEFAULT-mode call per partition. --require-pollers: exit 0 only when a poller was
// seen (not_found, exit 4, otherwise); with --wait it asks again until one is, or deadline_exceeded (exit 7).
int describe(const DescribeOptions& opts, Context& ctx);

// ListTaskQueuePartitions: the workflow and activity partitions and the matching host that owns each.
int list_partition(const ListPartitionOptions& opts, Context& ctx);

// DescribeTaskQueue with report_config for one type: a table of the rate limits (and fairness weight
// overrides); JSON: the TaskQueueConfig.
int config_get(const ConfigGetOptions& opts, Context& ctx);
// UpdateTaskQueueConfig with only what is given; --fairness-key-weight-clear-all reads the overrides first.
// Prints the config the server answered with.
int config_set(const ConfigSetOptions& opts, Context& ctx);

}  // namespace twctl::ops::taskqueue
