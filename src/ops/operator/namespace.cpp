// Namespaces: register, describe, list, update and delete them.
#include "ops/operator/namespace.hpp"

#include "core/duration.hpp"
#include "core/error.hpp"
#include "ops/confirm.hpp"
#include "ops/paging.hpp"
#include "output/proto_fields.hpp"
#include "output/proto_json.hpp"

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <optional>

#include "temporal/api/enums/v1/namespace.pb.h"
#include "temporal/api/operatorservice/v1/request_response.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::operator_ {

namespace enums = temporal::api::enums::v1;
namespace osv = temporal::api::operatorservice::v1;
namespace wsv = temporal::api::workflowservice::v1;
namespace gp = google::protobuf;

namespace {

bool namespace_given(const Context& ctx) {
  auto it = ctx.globals.settings.values.find("namespace");
  return it != ctx.globals.settings.values.end() && it->second.source != config::Source::Default;
}

bool namespace_flag_given(const Context& ctx) {
  auto it = ctx.globals.settings.values.find("namespace");
  return it != ctx.globals.settings.values.end() && it->second.source == config::Source::Flag;
}

// The namespace the command acts on: NAME, else -n (flag, environment or profile). `must_be_named`: the
// default namespace is not assumed (create, delete). Requests then name it in their metadata too.
std::string target(Context& ctx, const std::string& positional, bool must_be_named, std::string_view verb) {
  std::string name = positional;
  if (!positional.empty() && namespace_flag_given(ctx) && ctx.namespace_() != positional) {
    throw usage_error(fmt::format("the namespace is given twice, as NAME ({}) and as -n/--namespace ({}): give one",
                                  positional, ctx.namespace_()));
  }
  if (name.empty()) {
    if (must_be_named && !namespace_given(ctx)) {
      throw usage_error(fmt::format("name the namespace to {}: twctl operator namespace {} NAME (or -n NAME)", verb,
                                    verb));
    }
    name = ctx.namespace_();
  }
  if (name.empty()) throw usage_error("the namespace name must not be empty");
  ctx.globals.connection.namespace_ = name;
  return name;
}

std::map<std::string, std::string> parse_data(const std::vector<std::string>& data) {
  std::map<std::string, std::string> out;
  for (const auto& kv : data) {
    auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw usage_error(fmt::format("--data wants KEY=VALUE, got \"{}\"", kv));
    }
    out[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return out;
}

enums::ArchivalState archival(const EnumFlag& flag, const std::string& value) {
  return value.empty() ? enums::ARCHIVAL_STATE_UNSPECIFIED
                       : static_cast<enums::ArchivalState>(enum_number(flag, value));
}

// Validated settings, ready to put into either request.
struct Parsed {
  std::optional<std::chrono::nanoseconds> retention;
  std::map<std::string, std::string> data;
  enums::ArchivalState history = enums::ARCHIVAL_STATE_UNSPECIFIED;
  enums::ArchivalState visibility = enums::ARCHIVAL_STATE_UNSPECIFIED;
};

Parsed parse(const NamespaceSettings& s) {
  Parsed p;
  if (!s.retention.empty()) {
    p.retention = parse_duration("--retention", s.retention);
    if (p.retention->count() == 0) throw usage_error("--retention must be longer than 0s");
  }
  p.data = parse_data(s.data);
  p.history = archival(kHistoryArchivalState, s.history_archival_state);
  p.visibility = archival(kVisibilityArchivalState, s.visibility_archival_state);
  for (const auto& c : s.clusters) {
    if (c.empty()) throw usage_error("--cluster must not be empty");
  }
  return p;
}

std::string json_line(const nlohmann::ordered_json& j) { return j.dump(); }

output::Card namespace_card(const Context& ctx, const wsv::DescribeNamespaceResponse& ns) {
  const auto& info = ns.namespace_info();
  const auto& config = ns.config();
  const auto& repl = ns.replication_config();
  nlohmann::ordered_json data = nlohmann::ordered_json::object();
  for (const auto& [k, v] : std::map<std::string, std::string>(info.data().begin(), info.data().end())) data[k] = v;
  std::string clusters;
  for (const auto& c : repl.clusters()) clusters += (clusters.empty() ? "" : ", ") + c.cluster_name();
  std::string history;
  for (const auto& f : ns.failover_history()) {
    history += (history.empty() ? "" : ", ") +
               fmt::format("version {} at {}", f.failover_version(),
                           f.has_failover_time() ? format_time(f.failover_time(), ctx.globals.time_format, ctx.now())
                                                 : std::string("?"));
  }
  output::Card card{
      {"NamespaceInfo.Name", info.name()},
      {"NamespaceInfo.Id", info.id()},
      {"NamespaceInfo.Description", info.description()},
      {"NamespaceInfo.OwnerEmail", info.owner_email()},
      {"NamespaceInfo.State", output::enum_short_name(*enums::NamespaceState_descriptor(), info.state())},
      {"NamespaceInfo.Data", json_line(data)},
      {"Config.WorkflowExecutionRetentionTtl",
       config.has_workflow_execution_retention_ttl() ? format_duration(config.workflow_execution_retention_ttl())
                                                     : std::string()},
      {"ReplicationConfig.ActiveClusterName", repl.active_cluster_name()},
      {"ReplicationConfig.Clusters", "[" + clusters + "]"},
      {"ReplicationConfig.State", output::enum_short_name(*enums::ReplicationState_descriptor(), repl.state())},
      {"Config.HistoryArchivalState",
       output::enum_short_name(*enums::ArchivalState_descriptor(), config.history_archival_state())},
      {"Config.VisibilityArchivalState",
       output::enum_short_name(*enums::ArchivalState_descriptor(), config.visibility_archival_state())},
      {"IsGlobalNamespace", ns.is_global_namespace() ? "true" : "false"},
      {"FailoverVersion", std::to_string(ns.failover_version())},
      {"FailoverHistory", "[" + history + "]"},
      {"Config.HistoryArchivalUri", config.history_archival_uri()},
      {"Config.VisibilityArchivalUri", config.visibility_archival_uri()},
  };
  if (!config.custom_search_attribute_aliases().empty()) {
    nlohmann::ordered_json aliases = nlohmann::ordered_json::object();
    for (const auto& [k, v] : std::map<std::string, std::string>(config.custom_search_attribute_aliases().begin(),
                                                                  config.custom_search_attribute_aliases().end())) {
      aliases[k] = v;
    }
    card.emplace_back("Config.CustomSearchAttributeAliases", json_line(aliases));
  }
  return card;
}

// The same error with a message that names the namespace.
[[noreturn]] void rethrow_naming(const Error& e, std::string message) {
  Error out(e.kind(), std::move(message));
  out.grpc_code = e.grpc_code;
  out.grpc_code_name = e.grpc_code_name;
  out.cause = e.cause;
  out.details = e.details;
  throw out;
}

}  // namespace

int namespace_create(const NamespaceCreateOptions& opts, Context& ctx) {
  const auto& s = opts.settings;
  auto p = parse(s);
  if (!p.retention) throw usage_error("--retention must not be empty");
  auto name = target(ctx, opts.name, true, "create");
  wsv::RegisterNamespaceRequest req;
  req.set_namespace_(name);
  req.set_description(s.description);
  req.set_owner_email(s.email);
  to_proto(*p.retention, req.mutable_workflow_execution_retention_period());
  for (const auto& c : s.clusters) req.add_clusters()->set_cluster_name(c);
  req.set_active_cluster_name(s.active_cluster);
  for (const auto& [k, v] : p.data) (*req.mutable_data())[k] = v;
  req.set_is_global_namespace(opts.global);
  req.set_history_archival_state(p.history);
  req.set_history_archival_uri(s.history_uri);
  req.set_visibility_archival_state(p.visibility);
  req.set_visibility_archival_uri(s.visibility_uri);
  bool created = true;
  try {
    client::call<wsv::RegisterNamespaceResponse>(ctx.gateway(), req);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::AlreadyExists) throw;
    if (!opts.if_not_exists) {
      rethrow_naming(e, fmt::format("namespace {} already exists (--if-not-exists makes this a success)", name));
    }
    created = false;
  }
  auto& out = ctx.printer();
  if (out.json()) {
    out.document({{"namespace", name}, {"created", created}});
  } else if (out.text()) {
    if (created) ctx.err << "Namespace " << name << " successfully registered.\n";
    else ctx.err << "Namespace " << name << " already exists.\n";
  }
  return 0;
}

int namespace_describe(const NamespaceDescribeOptions& opts, Context& ctx) {
  wsv::DescribeNamespaceRequest req;
  if (!opts.namespace_id.empty()) {
    if (!opts.name.empty() || namespace_flag_given(ctx)) {
      throw usage_error("give one of --namespace-id and the namespace's name (NAME or -n), not both");
    }
    req.set_id(opts.namespace_id);
  } else {
    req.set_namespace_(target(ctx, opts.name, false, "describe"));
  }
  wsv::DescribeNamespaceResponse resp;
  try {
    resp = client::call<wsv::DescribeNamespaceResponse>(ctx.gateway(), req);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::NotFound) throw;
    rethrow_naming(e, req.id().empty() ? fmt::format("namespace {} not found", req.namespace_())
                                       : fmt::format("no namespace has ID {}", req.id()));
  }
  auto& out = ctx.printer();
  if (out.record(resp, ctx.globals.shorthand_payloads)) return 0;
  if (out.json()) out.document(output::proto_to_json(resp, ctx.globals.shorthand_payloads));
  else if (out.text()) out.write(output::render_card(namespace_card(ctx, resp), out.style()));
  return 0;
}

int namespace_list(const NamespaceListOptions&, Context& ctx) {
  wsv::ListNamespacesRequest req;
  req.set_page_size(100);
  auto& out = ctx.printer();
  if (out.by_fields()) {
    stream_records<wsv::ListNamespacesResponse>(
        ctx, req, [](const wsv::ListNamespacesResponse& r) -> const auto& { return r.namespaces(); },
        ctx.globals.shorthand_payloads);
    return 0;
  }
  output::ListWriter items(out);
  bool first = true;
  for_each_page<wsv::ListNamespacesResponse>(ctx, req, [&](const wsv::ListNamespacesResponse& resp) {
    for (const auto& ns : resp.namespaces()) {
      if (out.json()) {
        items.add(output::proto_to_json(ns, ctx.globals.shorthand_payloads));
      } else if (out.text()) {
        if (!first) out.write("\n");  // cards apart by a blank line
        out.write(output::render_card(namespace_card(ctx, ns), out.style()));
        first = false;
      }
    }
    items.flush();
    return out.ok();
  });
  items.finish();
  return 0;
}

int namespace_update(const NamespaceUpdateOptions& opts, Context& ctx) {
  const auto& s = opts.settings;
  auto p = parse(s);
  bool other = p.retention || !s.description.empty() || !s.email.empty() || !p.data.empty() ||
               p.history != enums::ARCHIVAL_STATE_UNSPECIFIED || !s.history_uri.empty() ||
               p.visibility != enums::ARCHIVAL_STATE_UNSPECIFIED || !s.visibility_uri.empty() ||
               !s.clusters.empty() || !opts.replication_state.empty();
  if (opts.promote_global && !s.active_cluster.empty()) {
    throw usage_error("--promote-global and --active-cluster cannot be set together");
  }
  if (!s.active_cluster.empty() && other) {
    throw usage_error("--active-cluster (a failover) cannot be combined with other changes: update them apart");
  }
  if (!other && !opts.promote_global && s.active_cluster.empty()) {
    throw usage_error("nothing to update: give at least one of --retention, --description, --email, --data, "
                      "--history-archival-state, --history-uri, --visibility-archival-state, --visibility-uri, "
                      "--active-cluster, --cluster, --promote-global, --replication-state");
  }
  auto name = target(ctx, opts.name, false, "update");
  wsv::UpdateNamespaceRequest req;
  req.set_namespace_(name);
  if (!s.description.empty() || !s.email.empty() || !p.data.empty()) {
    auto* info = req.mutable_update_info();
    info->set_description(s.description);
    info->set_owner_email(s.email);
    for (const auto& [k, v] : p.data) (*info->mutable_data())[k] = v;
  }
  if (p.retention || p.history != enums::ARCHIVAL_STATE_UNSPECIFIED || !s.history_uri.empty() ||
      p.visibility != enums::ARCHIVAL_STATE_UNSPECIFIED || !s.visibility_uri.empty()) {
    auto* config = req.mutable_config();
    if (p.retention) to_proto(*p.retention, config->mutable_workflow_execution_retention_ttl());
    config->set_history_archival_state(p.history);
    config->set_history_archival_uri(s.history_uri);
    config->set_visibility_archival_state(p.visibility);
    config->set_visibility_archival_uri(s.visibility_uri);
  }
  if (!s.active_cluster.empty() || !s.clusters.empty() || !opts.replication_state.empty()) {
    auto* repl = req.mutable_replication_config();
    repl->set_active_cluster_name(s.active_cluster);
    for (const auto& c : s.clusters) repl->add_clusters()->set_cluster_name(c);
    if (!opts.replication_state.empty()) {
      repl->set_state(static_cast<enums::ReplicationState>(enum_number(kReplicationState, opts.replication_state)));
    }
  }
  req.set_promote_namespace(opts.promote_global);
  wsv::UpdateNamespaceResponse resp;
  try {
    resp = client::call<wsv::UpdateNamespaceResponse>(ctx.gateway(), req);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::NotFound) throw;
    rethrow_naming(e, fmt::format("namespace {} not found", name));
  }
  auto& out = ctx.printer();
  if (out.json()) out.document(output::proto_to_json(resp, ctx.globals.shorthand_payloads));
  else if (out.text()) ctx.err << "Namespace " << name << " updated.\n";
  return 0;
}

int namespace_delete(const NamespaceDeleteOptions& opts, Context& ctx) {
  auto name = target(ctx, opts.name, true, "delete");
  confirm(ctx, opts.yes,
          fmt::format("Delete namespace {} and every workflow in it? Type the namespace's name to confirm:", name),
          fmt::format("add --yes to delete namespace {}", name), name);
  osv::DeleteNamespaceRequest req;
  req.set_namespace_(name);
  osv::DeleteNamespaceResponse resp;
  try {
    resp = client::call<osv::DeleteNamespaceResponse>(ctx.gateway(), req);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::NotFound) throw;
    rethrow_naming(e, fmt::format("namespace {} not found", name));
  }
  auto& out = ctx.printer();
  if (out.json()) {
    out.document(output::proto_to_json(resp, ctx.globals.shorthand_payloads));
  } else if (out.text()) {
    ctx.err << "Namespace " << name << " has been deleted";
    if (!resp.deleted_namespace().empty() && resp.deleted_namespace() != name) {
      ctx.err << " (renamed " << resp.deleted_namespace() << " while the server removes its data)";
    }
    ctx.err << ".\n";
  }
  return 0;
}

}  // namespace twctl::ops::operator_
