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

// DescribeTaskQueue in ENHANCED mode (the official CLI's default): pollers and stats per build ID and task
// queue type, optionally reachability; with --report-config one more DEFAULT-mode call per type for its
// config. --legacy-mode: one DEFAULT-mode call per partition. --require-pollers: exit 0 only when a poller was
// seen (not_found, exit 4, otherwise); with --wait it asks again until one is, or deadline_exceeded (exit 7).
int describe(const DescribeOptions& opts, Context& ctx);

// ListTaskQueuePartitions: the workflow and activity partitions and the matching host that owns each.
int list_partition(const ListPartitionOptions& opts, Context& ctx);

}  // namespace twctl::ops::taskqueue
