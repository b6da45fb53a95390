// `task-queue list-partition`: a task queue's partitions and the matching host that owns each.
#include "ops/taskqueue/taskqueue.hpp"

#include "core/error.hpp"
#include "output/proto_json.hpp"

#include "client/gateway.hpp"
#include "temporal/api/enums/v1/task_queue.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::taskqueue {

namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

template <typename Partitions>
std::string partitions_table(std::string_view title, const Partitions& parts, const output::Style& style) {
  output::Table t{{{"Key"}, {"OwnerHostName"}}, {}};
  for (const auto& p : parts) t.rows.push_back({p.key(), p.owner_host_name()});
  return style.magenta(std::string(title)) + "\n" + output::render_table(t, true, style);
}

}  // namespace

int list_partition(const ListPartitionOptions& opts, Context& ctx) {
  if (opts.task_queue.empty()) throw usage_error("--task-queue must not be empty");
  wsv::ListTaskQueuePartitionsRequest req;
  req.set_namespace_(ctx.namespace_());
  req.mutable_task_queue()->set_name(opts.task_queue);
  req.mutable_task_queue()->set_kind(enums::TASK_QUEUE_KIND_NORMAL);
  auto resp = client::call<wsv::ListTaskQueuePartitionsResponse>(ctx.gateway(), req);
  auto& out = ctx.printer();
  if (out.json()) {
    out.document(output::proto_to_json(resp, ctx.globals.shorthand_payloads));
  } else if (out.text()) {
    out.write(partitions_table("Workflow Task Queue Partitions:", resp.workflow_task_queue_partitions(), out.style()) +
              "\n" +
              partitions_table("Activity Task Queue Partitions:", resp.activity_task_queue_partitions(), out.style()));
  }
  return 0;
}

}  // namespace twctl::ops::taskqueue
