// `twctl worker list | describe | count`.
#include "cli/worker/worker.hpp"

#include "cli/flags.hpp"
#include "cli/meta.hpp"
#include "cli/select.hpp"
#include "ops/worker/worker.hpp"
#include "temporal/api/worker/v1/message.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::cli::worker {

namespace ops_wk = ops::worker;

void add_group(CLI::App& root, Selection& sel) {
  auto* group = root.add_subcommand("worker", "Workers from their heartbeats, and worker deployments");
  group->require_subcommand(1);

  auto list = std::make_shared<ops_wk::ListOptions>();
  auto* list_cmd = group->add_subcommand("list", "List the namespace's workers");
  list_cmd->add_option("-q,--query", list->query, "Filter, e.g. \"TaskQueue='hello-tasks'\"");
  list_cmd->add_option("--limit", list->limit, "Stop after this many workers (0: all)");
  list_cmd->add_flag("--include-system-workers", list->include_system_workers, "Include the server's own workers");
  set_help(*list_cmd,
           "Lists the workers that send worker heartbeats (SDKs send one a minute per worker), page by page: a table "
           "of instance key, status, task queue, identity, host, deployment, last heartbeat and time since; a JSON "
           "array of WorkerInfo (-o json) or one per line (-o jsonl).",
           {"twctl worker list",
            "twctl worker list \\\n    --query \"TaskQueue='hello-tasks'\" \\\n    --output jsonl"});
  add_record_output(*list_cmd, &temporal::api::worker::v1::WorkerInfo::descriptor,
                    {"workerHeartbeat.workerInstanceKey", "workerHeartbeat.status", "workerHeartbeat.taskQueue",
                     "workerHeartbeat.workerIdentity", "workerHeartbeat.hostInfo.hostName",
                     "workerHeartbeat.deploymentVersion", "workerHeartbeat.heartbeatTime",
                     "workerHeartbeat.elapsedSinceLastHeartbeat"});
  bind(*list_cmd, sel, list, ops_wk::list);

  auto describe = std::make_shared<ops_wk::DescribeOptions>();
  auto* describe_cmd = group->add_subcommand("describe", "Show a worker's last heartbeat");
  values_from(*describe_cmd,
              describe_cmd->add_option("--worker-instance-key", describe->worker_instance_key,
                                       "The worker's instance key (worker list shows them)")
                  ->required(),
              Values::WorkerInstanceKey);
  set_help(*describe_cmd,
           "Prints the worker's last heartbeat: identity, status, task queue, SDK, host, slots and pollers per task "
           "type, sticky cache; -o json prints the WorkerInfo.",
           {"twctl worker describe \\\n    --worker-instance-key 4969e0f8-0767-4082-931f-1770a12b646c"});
  add_record_output(*describe_cmd, &temporal::api::worker::v1::WorkerInfo::descriptor,
                    {"workerHeartbeat.workerInstanceKey", "workerHeartbeat.workerIdentity", "workerHeartbeat.status",
                     "workerHeartbeat.taskQueue"});
  bind(*describe_cmd, sel, describe, ops_wk::describe);

  auto count = std::make_shared<ops_wk::CountOptions>();
  auto* count_cmd = group->add_subcommand("count", "Count the namespace's workers");
  count_cmd->add_option("-q,--query", count->query, "Filter, e.g. \"TaskQueue='hello-tasks'\"");
  count_cmd->add_flag("--include-system-workers", count->include_system_workers, "Include the server's own workers");
  set_help(*count_cmd, "Prints the number of workers (that send heartbeats) alone; -o json prints {\"count\": \"N\"}.",
           {"twctl worker count", "twctl worker count \\\n    --query \"TaskQueue='hello-tasks'\""});
  add_record_output(*count_cmd, &temporal::api::workflowservice::v1::CountWorkersResponse::descriptor, {"count"});
  bind(*count_cmd, sel, count, ops_wk::count);

  add_deployment(*group, sel);
}

}  // namespace twctl::cli::worker
