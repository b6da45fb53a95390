// Workers as their heartbeats describe them: identity, host, task queue, slots and pollers.
#include "ops/worker/worker.hpp"

#include "core/duration.hpp"
#include "core/error.hpp"
#include "core/time_format.hpp"
#include "ops/paging.hpp"
#include "output/proto_fields.hpp"
#include "output/proto_json.hpp"

#include <fmt/format.h>

#include "temporal/api/enums/v1/common.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

// ListWorkersResponse's `workers_info` (the heartbeats, what the official CLI lists) is deprecated in favour of
// `workers`; server 1.32 fills the former. Both are read.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace twctl::ops::worker {

namespace enums = temporal::api::enums::v1;
namespace wk = temporal::api::worker::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

std::string status_text(int s) { return output::enum_short_name(*enums::WorkerStatus_descriptor(), s); }

// "name@build", or whichever half is set.
std::string deployment_text(const temporal::api::deployment::v1::WorkerDeploymentVersion& v) {
  if (!v.deployment_name().empty() && !v.build_id().empty()) return v.deployment_name() + "@" + v.build_id();
  return v.deployment_name().empty() ? v.build_id() : v.deployment_name();
}

std::string time_text(const Context& ctx, const google::protobuf::Timestamp& ts) {
  return format_time(ts, ctx.globals.time_format, ctx.now());
}

std::string one_line(const google::protobuf::Message& m, bool shorthand) {
  return output::proto_to_json(m, shorthand).dump();
}

std::string key_text(const std::string& key) {
  if (key.empty()) throw usage_error("--worker-instance-key must not be empty");
  return key;
}

}  // namespace

int list(const ListOptions& opts, Context& ctx) {
  if (opts.limit < 0) throw usage_error("--limit must not be negative");
  wsv::ListWorkersRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_query(opts.query);
  req.set_include_system_workers(opts.include_system_workers);
  output::PagedList list(ctx.printer(),
                         {{"WorkerInstanceKey"},
                          {"Status", false, true},
                          {"TaskQueue"},
                          {"WorkerIdentity"},
                          {"HostName"},
                          {"Deployment"},
                          {"HeartbeatTime"},
                          {"Elapsed", true}},
                         opts.limit);
  auto& out = ctx.printer();
  bool shorthand = ctx.globals.shorthand_payloads;
  for_each_page<wsv::ListWorkersResponse>(ctx, req, [&](const wsv::ListWorkersResponse& resp) {
    for (const auto& info : resp.workers_info()) {
      if (!list.room()) break;
      const auto& h = info.worker_heartbeat();
      if (out.by_fields()) {
        list.add_record(info, shorthand);
      } else if (out.text()) {
        list.add_row({h.worker_instance_key(), status_text(h.status()), h.task_queue(), h.worker_identity(),
                      h.host_info().host_name(), deployment_text(h.deployment_version()),
                      h.has_heartbeat_time() ? time_text(ctx, h.heartbeat_time()) : "",
                      h.has_elapsed_since_last_heartbeat() ? format_duration(h.elapsed_since_last_heartbeat()) : ""});
      } else {
        list.add_json(output::proto_to_json(info, shorthand));
      }
    }
    // A server that fills only the newer list (no heartbeat times in it).
    if (resp.workers_info_size() == 0) {
      if (out.by_fields() && resp.workers_size() > 0) {
        throw Error(ErrorKind::Unsupported,
                    "--fields and -o tsv pick fields of WorkerInfo, and this server lists workers without it "
                    "(ListWorkers' newer `workers` only): use -o json");
      }
      for (const auto& w : resp.workers()) {
        if (!list.room()) break;
        if (out.text()) {
          list.add_row({w.worker_instance_key(), status_text(w.status()), w.task_queue(), w.worker_identity(),
                        w.host_name(), deployment_text(w.deployment_version()), "", ""});
        } else {
          list.add_json(output::proto_to_json(w, shorthand));
        }
      }
    }
    return list.end_page(!resp.next_page_token().empty());
  });
  list.finish();
  return 0;
}

int describe(const DescribeOptions& opts, Context& ctx) {
  wsv::DescribeWorkerRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_worker_instance_key(key_text(opts.worker_instance_key));
  auto resp = client::call<wsv::DescribeWorkerResponse>(ctx.gateway(), req);
  auto& out = ctx.printer();
  bool shorthand = ctx.globals.shorthand_payloads;
  if (out.record(resp.worker_info(), shorthand)) return 0;
  if (out.json()) {
    out.document(output::proto_to_json(resp.worker_info(), shorthand));
    return 0;
  }
  if (!out.text()) return 0;
  if (!resp.worker_info().has_worker_heartbeat()) {
    throw Error(ErrorKind::NotFound, fmt::format("worker {} has no heartbeat in the answer", opts.worker_instance_key));
  }
  const auto& h = resp.worker_info().worker_heartbeat();
  output::Card card{{"WorkerInstanceKey", h.worker_instance_key()},
                    {"WorkerIdentity", h.worker_identity()},
                    {"Status", out.style().status(status_text(h.status()))},
                    {"TaskQueue", h.task_queue()}};
  if (h.has_deployment_version()) card.emplace_back("DeploymentVersion", one_line(h.deployment_version(), shorthand));
  card.emplace_back("SdkName", h.sdk_name());
  card.emplace_back("SdkVersion", h.sdk_version());
  card.emplace_back("StartTime", h.has_start_time() ? time_text(ctx, h.start_time()) : "");
  card.emplace_back("HeartbeatTime", h.has_heartbeat_time() ? time_text(ctx, h.heartbeat_time()) : "");
  card.emplace_back("ElapsedSinceLastHeartbeat",
                    h.has_elapsed_since_last_heartbeat() ? format_duration(h.elapsed_since_last_heartbeat()) : "");
  card.emplace_back("HostInfo", one_line(h.host_info(), shorthand));
  auto slots = [&](const char* name, bool has, const google::protobuf::Message& m) {
    if (has) card.emplace_back(name, one_line(m, shorthand));
  };
  slots("WorkflowTaskSlotsInfo", h.has_workflow_task_slots_info(), h.workflow_task_slots_info());
  slots("ActivityTaskSlotsInfo", h.has_activity_task_slots_info(), h.activity_task_slots_info());
  slots("NexusTaskSlotsInfo", h.has_nexus_task_slots_info(), h.nexus_task_slots_info());
  slots("LocalActivitySlotsInfo", h.has_local_activity_slots_info(), h.local_activity_slots_info());
  slots("WorkflowPollerInfo", h.has_workflow_poller_info(), h.workflow_poller_info());
  slots("WorkflowStickyPollerInfo", h.has_workflow_sticky_poller_info(), h.workflow_sticky_poller_info());
  slots("ActivityPollerInfo", h.has_activity_poller_info(), h.activity_poller_info());
  slots("NexusPollerInfo", h.has_nexus_poller_info(), h.nexus_poller_info());
  card.emplace_back("TotalStickyCacheHit", std::to_string(h.total_sticky_cache_hit()));
  card.emplace_back("TotalStickyCacheMiss", std::to_string(h.total_sticky_cache_miss()));
  card.emplace_back("CurrentStickyCacheSize", std::to_string(h.current_sticky_cache_size()));
  if (h.plugins_size() > 0) {
    nlohmann::ordered_json plugins = nlohmann::ordered_json::array();
    for (const auto& p : h.plugins()) plugins.push_back(output::proto_to_json(p, shorthand));
    card.emplace_back("Plugins", plugins.dump());
  }
  out.write(output::render_card(card, out.style()));
  return 0;
}

int count(const CountOptions& opts, Context& ctx) {
  wsv::CountWorkersRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_query(opts.query);
  req.set_include_system_workers(opts.include_system_workers);
  auto resp = client::call<wsv::CountWorkersResponse>(ctx.gateway(), req);
  auto& out = ctx.printer();
  if (out.record(resp, true)) return 0;
  if (out.json()) out.document({{"count", std::to_string(resp.count())}});
  else if (out.text()) out.write(std::to_string(resp.count()) + "\n");
  return 0;
}

}  // namespace twctl::ops::worker
