// The cluster as a whole: is it serving, what server it runs, its name and stores, and its remote clusters.
#include "ops/operator/cluster.hpp"

#include "core/duration.hpp"
#include "core/error.hpp"
#include "ops/confirm.hpp"
#include "ops/paging.hpp"
#include "ops/wait.hpp"
#include "output/proto_fields.hpp"
#include "output/proto_json.hpp"

#include <fmt/format.h>
#include <google/protobuf/descriptor.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "grpc/health/v1/health.pb.h"
#include "temporal/api/operatorservice/v1/request_response.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::operator_ {

namespace health = grpc::health::v1;
namespace osv = temporal::api::operatorservice::v1;
namespace wsv = temporal::api::workflowservice::v1;
namespace gp = google::protobuf;

namespace {

constexpr std::string_view kHealthService = "temporal.api.workflowservice.v1.WorkflowService";

std::string serving_name(health::HealthCheckResponse::ServingStatus s) {
  return health::HealthCheckResponse::ServingStatus_Name(s);
}

void print_serving(Context& ctx) {
  auto& out = ctx.printer();
  if (out.json()) out.document({{"status", "SERVING"}});
  else if (out.text()) out.write(out.style().status("SERVING") + "\n");
}

std::string yes_no(bool b) { return b ? "true" : "false"; }

// Every bool field of a capabilities message as a card row, in PascalCase ("supports_schedules" →
// "SupportsSchedules"), so capabilities the API adds show without a code change.
void add_bools(output::Card& card, const gp::Message& m) {
  const auto* d = m.GetDescriptor();
  const auto* r = m.GetReflection();
  for (int i = 0; i < d->field_count(); ++i) {
    const auto* f = d->field(i);
    if (f->cpp_type() != gp::FieldDescriptor::CPPTYPE_BOOL || f->is_repeated()) continue;
    std::string upper = f->name();
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    card.emplace_back(output::pascal_case(upper, ""), yes_no(r->GetBool(m, f)));
  }
}

}  // namespace

int cluster_health(const ClusterHealthOptions& opts, Context& ctx) {
  std::optional<std::chrono::nanoseconds> wait;
  if (!opts.wait.empty()) wait = parse_duration("--wait", opts.wait);
  health::HealthCheckRequest req;
  req.set_service(std::string(kHealthService));
  const auto& address = ctx.globals.connection.address;
  if (!wait) {
    auto resp = client::call<health::HealthCheckResponse>(ctx.gateway(), req);
    if (resp.status() != health::HealthCheckResponse::SERVING) {
      Error e(ErrorKind::Unavailable, fmt::format("the cluster at {} is not serving: {}", address,
                                                  serving_name(resp.status())));
      e.cause = "not_serving";
      throw e;
    }
    print_serving(ctx);
    return 0;
  }
  auto result = wait_with_backoff(ctx, *wait, "not serving yet", [&](std::string& last) {
    auto resp = client::call<health::HealthCheckResponse>(ctx.gateway(), req);
    if (resp.status() == health::HealthCheckResponse::SERVING) return true;
    last = serving_name(resp.status());
    return false;
  });
  if (!result.done) {
    Error e(ErrorKind::DeadlineExceeded, fmt::format("the cluster at {} was not serving within {} ({} checks; "
                                                     "the last: {})",
                                                     address, format_duration(*wait), result.attempts, result.last));
    e.cause = "not_serving";
    throw e;
  }
  print_serving(ctx);
  return 0;
}

int cluster_system(const ClusterSystemOptions&, Context& ctx) {
  auto resp = client::call<wsv::GetSystemInfoResponse>(ctx.gateway(), wsv::GetSystemInfoRequest());
  auto& out = ctx.printer();
  if (out.record(resp, ctx.globals.shorthand_payloads)) return 0;
  if (out.json()) {
    out.document(output::proto_to_json(resp, ctx.globals.shorthand_payloads));
  } else if (out.text()) {
    output::Card card{{"ServerVersion", resp.server_version()}};
    add_bools(card, resp.capabilities());
    out.write(output::render_card(card, out.style()));
  }
  return 0;
}

int cluster_describe(const ClusterDescribeOptions& opts, Context& ctx) {
  auto resp = client::call<wsv::GetClusterInfoResponse>(ctx.gateway(), wsv::GetClusterInfoRequest());
  auto& out = ctx.printer();
  if (out.record(resp, ctx.globals.shorthand_payloads)) return 0;
  if (out.json()) {
    out.document(output::proto_to_json(resp, ctx.globals.shorthand_payloads));
    return 0;
  }
  if (!out.text()) return 0;
  output::Card card{{"ClusterName", resp.cluster_name()},
                    {"ClusterId", resp.cluster_id()},
                    {"ServerVersion", resp.server_version()},
                    {"PersistenceStore", resp.persistence_store()},
                    {"VisibilityStore", resp.visibility_store()}};
  if (opts.detail) {
    card.emplace_back("HistoryShardCount", std::to_string(resp.history_shard_count()));
    card.emplace_back("InitialFailoverVersion", std::to_string(resp.initial_failover_version()));
    card.emplace_back("FailoverVersionIncrement", std::to_string(resp.failover_version_increment()));
    std::map<std::string, std::string> clients(resp.supported_clients().begin(), resp.supported_clients().end());
    for (const auto& [name, range] : clients) card.emplace_back("SupportedClients." + name, range);
    if (resp.has_version_info()) {
      card.emplace_back("VersionInfo", output::proto_to_json(resp.version_info(), true).dump());
    }
  }
  out.write(output::render_card(card, out.style()));
  return 0;
}

int cluster_list(const ClusterListOptions& opts, Context& ctx) {
  if (opts.limit < 0) throw usage_error("--limit must not be negative");
  osv::ListClustersRequest req;
  if (opts.limit > 0) req.set_page_size(opts.limit);
  output::PagedList list(ctx.printer(),
                         {{"Name"},
                          {"ClusterId"},
                          {"Address"},
                          {"HistoryShardCount", true},
                          {"InitialFailoverVersion", true},
                          {"IsConnectionEnabled"},
                          {"IsReplicationEnabled"}},
                         opts.limit);
  stream_list<osv::ListClustersResponse>(
      ctx, req, list, [](const auto& resp) -> const auto& { return resp.clusters(); },
      [](const osv::ClusterMetadata& c) -> std::vector<std::string> {
        return {c.cluster_name(),
                c.cluster_id(),
                c.address(),
                std::to_string(c.history_shard_count()),
                std::to_string(c.initial_failover_version()),
                yes_no(c.is_connection_enabled()),
                yes_no(c.is_replication_enabled())};
      },
      ctx.globals.shorthand_payloads);
  return 0;
}

int cluster_upsert(const ClusterUpsertOptions& opts, Context& ctx) {
  if (opts.frontend_address.empty()) throw usage_error("--frontend-address must not be empty");
  osv::AddOrUpdateRemoteClusterRequest req;
  req.set_frontend_address(opts.frontend_address);
  req.set_enable_remote_cluster_connection(opts.enable_connection);
  req.set_enable_replication(opts.enable_replication);
  client::call<osv::AddOrUpdateRemoteClusterResponse>(ctx.gateway(), req);
  auto& out = ctx.printer();
  if (out.json()) out.document({{"frontendAddress", opts.frontend_address}});
  else if (out.text()) ctx.err << "Upserted cluster " << opts.frontend_address << "\n";
  return 0;
}

int cluster_remove(const ClusterRemoveOptions& opts, Context& ctx) {
  if (opts.name.empty()) throw usage_error("--name must not be empty");
  confirm(ctx, opts.yes, fmt::format("Remove remote cluster {}? y/N", opts.name),
          fmt::format("add --yes to remove remote cluster {}", opts.name));
  osv::RemoveRemoteClusterRequest req;
  req.set_cluster_name(opts.name);
  client::call<osv::RemoveRemoteClusterResponse>(ctx.gateway(), req);
  auto& out = ctx.printer();
  if (out.json()) out.document({{"clusterName", opts.name}});
  else if (out.text()) ctx.err << "Removed cluster " << opts.name << "\n";
  return 0;
}

}  // namespace twctl::ops::operator_
