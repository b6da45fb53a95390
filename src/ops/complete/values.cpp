#include "ops/complete/values.hpp"

#include "config/profile_file.hpp"
#include "ops/workflow/common.hpp"
#include "ops/workflow/query.hpp"
#include "output/proto_fields.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "temporal/api/enums/v1/batch_operation.pb.h"
#include "temporal/api/enums/v1/common.pb.h"
#include "temporal/api/operatorservice/v1/request_response.pb.h"
#include "temporal/api/sdk/v1/workflow_metadata.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::complete {

namespace wsv = temporal::api::workflowservice::v1;
namespace osv = temporal::api::operatorservice::v1;

namespace {

constexpr int kRecent = 200;  // executions looked at: one page

wsv::ListWorkflowExecutionsResponse recent(const std::string& query, Context& ctx) {
  wsv::ListWorkflowExecutionsRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_page_size(kRecent);
  req.set_query(query);
  return client::call<wsv::ListWorkflowExecutionsResponse>(ctx.gateway(), req);
}

// A visibility query string literal.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::vector<Candidate> workflow_ids(const std::string& prefix, Context& ctx) {
  auto resp = recent(prefix.empty() ? "" : "WorkflowId STARTS_WITH " + quoted(prefix), ctx);
  std::vector<Candidate> out;
  std::set<std::string> seen;
  for (const auto& e : resp.executions()) {
    const auto& id = e.execution().workflow_id();
    if (id.rfind(prefix, 0) != 0 || !seen.insert(id).second) continue;
    out.push_back({id, fmt::format("{}, {}", e.type().name(), workflow::status_text(e.status()))});
  }
  return out;
}

std::vector<Candidate> run_ids(const std::string& workflow_id, Context& ctx) {
  auto resp = recent("WorkflowId = " + quoted(workflow_id), ctx);
  std::vector<Candidate> out;
  for (const auto& e : resp.executions()) {
    out.push_back({e.execution().run_id(), workflow::status_text(e.status())});
  }
  return out;
}

std::vector<Candidate> workflow_types(const std::string& prefix, Context& ctx) {
  // With a prefix the server filters, so a type not among the most recent executions is still found.
  auto resp = recent(prefix.empty() ? "" : "WorkflowType STARTS_WITH " + quoted(prefix), ctx);
  std::vector<Candidate> out;
  std::set<std::string> seen;
  for (const auto& e : resp.executions()) {
    if (!e.type().name().empty() && seen.insert(e.type().name()).second) out.push_back({e.type().name(), ""});
  }
  return out;
}

std::vector<Candidate> batch_jobs(Context& ctx) {
  wsv::ListBatchOperationsRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_page_size(100);
  auto resp = client::call<wsv::ListBatchOperationsResponse>(ctx.gateway(), req);
  std::vector<Candidate> out;
  for (const auto& info : resp.operation_info()) {
    out.push_back({info.job_id(), workflow::pascal_name(temporal::api::enums::v1::BatchOperationState_Name(info.state()),
                                                        "BATCH_OPERATION_STATE_")});
  }
  return out;
}

std::vector<Candidate> namespaces(Context& ctx) {
  wsv::ListNamespacesRequest req;
  req.set_page_size(100);
  auto resp = client::call<wsv::ListNamespacesResponse>(ctx.gateway(), req);
  std::vector<Candidate> out;
  for (const auto& ns : resp.namespaces()) out.push_back({ns.namespace_info().name(), ns.namespace_info().description()});
  return out;
}

std::vector<Candidate> task_queues(Context& ctx) {
  auto resp = recent("", ctx);
  std::vector<Candidate> out;
  std::set<std::string> seen;
  for (const auto& e : resp.executions()) {
    if (!e.task_queue().empty() && seen.insert(e.task_queue()).second) out.push_back({e.task_queue(), ""});
  }
  return out;
}

// Heartbeats are read from the deprecated `workers_info`, as `worker list` reads them.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
std::vector<Candidate> worker_instance_keys(Context& ctx) {
  wsv::ListWorkersRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_page_size(100);
  auto resp = client::call<wsv::ListWorkersResponse>(ctx.gateway(), req);
  std::vector<Candidate> out;
  for (const auto& w : resp.workers_info()) {
    const auto& h = w.worker_heartbeat();
    out.push_back({h.worker_instance_key(), h.worker_identity() + " on " + h.task_queue()});
  }
  return out;
}
#pragma GCC diagnostic pop

std::vector<Candidate> nexus_endpoints(Context& ctx) {
  osv::ListNexusEndpointsRequest req;
  req.set_page_size(100);
  auto resp = client::call<osv::ListNexusEndpointsResponse>(ctx.gateway(), req);
  std::vector<Candidate> out;
  for (const auto& e : resp.endpoints()) {
    const auto& t = e.spec().target();
    out.push_back({e.spec().name(), t.has_external() ? t.external().url()
                                                     : t.worker().namespace_() + "/" + t.worker().task_queue()});
  }
  return out;
}

std::vector<Candidate> schedule_ids(Context& ctx) {
  wsv::ListSchedulesRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_maximum_page_size(100);
  auto resp = client::call<wsv::ListSchedulesResponse>(ctx.gateway(), req);
  std::vector<Candidate> out;
  for (const auto& s : resp.schedules()) {
    out.push_back({s.schedule_id(), s.info().workflow_type().name() + (s.info().paused() ? ", paused" : "")});
  }
  return out;
}

std::vector<Candidate> custom_search_attributes(Context& ctx) {
  osv::ListSearchAttributesRequest req;
  req.set_namespace_(ctx.namespace_());
  auto resp = client::call<osv::ListSearchAttributesResponse>(ctx.gateway(), req);
  std::map<std::string, int> sorted(resp.custom_attributes().begin(), resp.custom_attributes().end());
  std::vector<Candidate> out;
  for (const auto& [name, type] : sorted) {
    out.push_back({name, output::enum_short_name(*temporal::api::enums::v1::IndexedValueType_descriptor(), type)});
  }
  return out;
}

std::vector<Candidate> remote_clusters(Context& ctx) {
  wsv::GetClusterInfoRequest info_req;
  auto self = client::call<wsv::GetClusterInfoResponse>(ctx.gateway(), info_req).cluster_name();
  osv::ListClustersRequest req;
  req.set_page_size(100);
  auto resp = client::call<osv::ListClustersResponse>(ctx.gateway(), req);
  std::vector<Candidate> out;
  for (const auto& c : resp.clusters()) {
    if (c.cluster_name() != self) out.push_back({c.cluster_name(), c.address()});
  }
  return out;
}

std::vector<Candidate> handler_names(const workflow::WorkflowRef& ref, Handler kind, Context& ctx) {
  auto md = workflow::fetch_metadata({ref, ""}, ctx);
  std::vector<Candidate> out;
  auto add = [&](const auto& defs) {
    for (const auto& d : defs) {
      if (!d.name().empty() && d.name().rfind("__", 0) != 0) out.push_back({d.name(), d.description()});
    }
  };
  const auto& def = md.definition();
  if (kind == Handler::Query) add(def.query_definitions());
  if (kind == Handler::Signal) add(def.signal_definitions());
  if (kind == Handler::Update) add(def.update_definitions());
  return out;
}

std::vector<Candidate> profiles(const Context& ctx) {
  const auto& path = ctx.globals.settings.config_file.value;
  if (path.empty()) return {};
  std::vector<Candidate> out;
  for (auto& name : config::ProfileFile::load(path).profile_names()) out.push_back({name, ""});
  return out;
}

std::vector<Candidate> config_props() {
  std::vector<Candidate> out;
  for (auto p : config::known_props()) out.push_back({std::string(p), ""});
  return out;
}

}  // namespace twctl::ops::complete
