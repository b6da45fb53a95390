// `twctl task-queue describe | list-partition`.
#include "cli/taskqueue/taskqueue.hpp"

#include "cli/flags.hpp"
#include "cli/meta.hpp"
#include "cli/select.hpp"
#include "ops/taskqueue/taskqueue.hpp"

namespace twctl::cli::taskqueue {

namespace ops_tq = ops::taskqueue;

namespace {

void add_task_queue(CLI::App& cmd, std::string& into) {
  values_from(cmd, cmd.add_option("-t,--task-queue", into, "The task queue")->required(), Values::TaskQueue);
}

void add_describe(CLI::App& group, Selection& sel) {
  auto o = std::make_shared<ops_tq::DescribeOptions>();
  auto* cmd = group.add_subcommand("describe", "Show a task queue's pollers, backlog and rates");
  add_task_queue(*cmd, o->task_queue);
  one_of_enum(*cmd,
              add_repeatable(*cmd, "--task-queue-type", o->types,
                             "Task queue type to report: Workflow, Activity or Nexus; repeatable (default: all)"),
              ops_tq::kTaskQueueType);
  add_repeatable(*cmd, "--select-build-id", o->select_build_ids, "Report this build ID; repeatable");
  cmd->add_flag("--select-unversioned", o->select_unversioned, "Report the unversioned queue");
  cmd->add_flag("--select-all-active", o->select_all_active, "Report every active build ID");
  cmd->add_flag("--report-reachability", o->report_reachability,
                "Report task reachability per build ID (deprecated by the server; costly)");
  cmd->add_flag("--disable-stats", o->disable_stats, "Leave out backlog counts, ages and rates");
  cmd->add_flag("--report-config", o->report_config, "Report the queue's rate limits and fairness weights");
  cmd->add_flag("--legacy-mode", o->legacy_mode, "Describe partition by partition (the older form of the call)");
  one_of_enum(*cmd,
              cmd->add_option("--task-queue-type-legacy", o->type_legacy,
                              "With --legacy-mode: the task queue type (default: Workflow)"),
              ops_tq::kTaskQueueTypeLegacy);
  cmd->add_option("--partitions-legacy", o->partitions_legacy,
                  "With --legacy-mode: how many partitions to describe (default: 1)");
  cmd->add_flag("--require-pollers", o->require_pollers,
                "Exit 0 only when a poller was seen (exit 4 otherwise): a readiness check for scripts");
  cmd->add_option("--wait", o->wait,
                  "With --require-pollers: wait up to this long for a poller, e.g. 30s (exit 7 when none came)");
  set_help(*cmd,
           "Prints the pollers of each task queue type (identity, last access time, rate), the backlog (count and "
           "age) and the add and dispatch rates, per build ID, from one DescribeTaskQueue call. --report-config "
           "adds the rate limits and fairness weights (one more call per type). --legacy-mode asks partition by "
           "partition instead. --require-pollers makes it a readiness check: it prints what it saw and exits 0 "
           "when a worker polls the queue, 4 (not_found) when none does; with --wait it asks again, pausing a "
           "little longer each time, and exits 7 (deadline_exceeded) when the wait runs out.",
           {"twctl task-queue describe \\\n    --task-queue hello-tasks",
            "twctl task-queue describe \\\n    --task-queue hello-tasks \\\n    --task-queue-type Activity \\\n"
            "    --output json",
            "twctl task-queue describe \\\n    --task-queue hello-tasks \\\n    --require-pollers \\\n"
            "    --wait 30s \\\n    --output none"});
  bind(*cmd, sel, o, ops_tq::describe);
}

void add_list_partition(CLI::App& group, Selection& sel) {
  auto o = std::make_shared<ops_tq::ListPartitionOptions>();
  auto* cmd = group.add_subcommand("list-partition", "List a task queue's partitions and their matching hosts");
  add_task_queue(*cmd, o->task_queue);
  set_help(*cmd,
           "Prints ListTaskQueuePartitions: a table of the workflow partitions and one of the activity partitions, "
           "each with the matching host that owns it; -o json prints the server's answer.",
           {"twctl task-queue list-partition \\\n    --task-queue hello-tasks"});
  bind(*cmd, sel, o, ops_tq::list_partition);
}

}  // namespace

void add_group(CLI::App& root, Selection& sel) {
  auto* group = root.add_subcommand("task-queue", "Inspect task queues: pollers, backlog and partitions");
  group->require_subcommand(1);
  add_describe(*group, sel);
  add_list_partition(*group, sel);
}

}  // namespace twctl::cli::taskqueue
