// `twctl task-queue describe | list-partition | config get | config set`.
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

void add_config(CLI::App& group, Selection& sel) {
  auto* config = group.add_subcommand("config", "Show or set a task queue's rate limits and fairness weights");
  config->require_subcommand(1);
  auto add_type = [](CLI::App& cmd, std::string& into) {
    one_of_enum(cmd,
                cmd.add_option("--task-queue-type", into, "Task queue type: Workflow, Activity or Nexus")->required(),
                ops_tq::kConfigTaskQueueType);
  };

  auto get = std::make_shared<ops_tq::ConfigGetOptions>();
  auto* get_cmd = config->add_subcommand("get", "Show a task queue's rate limits and fairness weights");
  add_task_queue(*get_cmd, get->task_queue);
  add_type(*get_cmd, get->type);
  set_help(*get_cmd,
           "Prints the queue rate limit and the default fairness-key rate limit (value, reason, who set it and when) "
           "and any fairness weight overrides; -o json prints the TaskQueueConfig.",
           {"twctl task-queue config get \\\n    --task-queue hello-tasks \\\n    --task-queue-type Activity"});
  bind(*get_cmd, sel, get, ops_tq::config_get);

  auto set = std::make_shared<ops_tq::ConfigSetOptions>();
  auto* set_cmd = config->add_subcommand("set", "Set a task queue's rate limits and fairness weights");
  add_task_queue(*set_cmd, set->task_queue);
  add_type(*set_cmd, set->type);
  set_cmd->add_option("--queue-rps-limit", set->queue_rps_limit,
                      "Queue-wide limit in requests per second, or \"default\" to remove it (not for Workflow)");
  set_cmd->add_option("--queue-rps-limit-reason", set->queue_rps_limit_reason, "Why the queue limit is set");
  set_cmd->add_option("--fairness-key-rps-limit-default", set->fairness_key_rps_limit_default,
                      "Limit per fairness key in requests per second, or \"default\" to remove it");
  set_cmd->add_option("--fairness-key-rps-limit-reason", set->fairness_key_rps_limit_reason,
                      "Why the fairness-key limit is set");
  add_repeatable(*set_cmd, "--fairness-key-weight", set->fairness_key_weights,
                 "KEY=WEIGHT (above 0) or KEY=default to remove the override; repeatable");
  set_cmd->add_flag("--fairness-key-weight-clear-all", set->fairness_key_weight_clear_all,
                    "Remove every fairness weight override");
  set_help(*set_cmd,
           "Sends UpdateTaskQueueConfig with only what is given; the server keeps the rest. A limit of 0 stops all "
           "dispatch (a warning says so). --fairness-key-weight-clear-all reads the overrides first and removes "
           "each. Prints the configuration the server answered with.",
           {"twctl task-queue config set \\\n    --task-queue hello-tasks \\\n    --task-queue-type Activity \\\n"
            "    --queue-rps-limit 50 \\\n    --queue-rps-limit-reason \"protect the billing API\"",
            "twctl task-queue config set \\\n    --task-queue hello-tasks \\\n    --task-queue-type Activity \\\n"
            "    --fairness-key-weight gold=2 \\\n    --fairness-key-weight bronze=default"});
  bind(*set_cmd, sel, set, ops_tq::config_set);
}

}  // namespace

void add_group(CLI::App& root, Selection& sel) {
  auto* group = root.add_subcommand("task-queue", "Inspect task queues and set their rate limits");
  group->require_subcommand(1);
  add_describe(*group, sel);
  add_list_partition(*group, sel);
  add_config(*group, sel);
}

}  // namespace twctl::cli::taskqueue
