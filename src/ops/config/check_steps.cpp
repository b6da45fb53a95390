// The steps of `settings --check`, in the order they run.
#include "ops/config/check_steps.hpp"

#include "client/status.hpp"
#include "config/connection.hpp"
#include "config/mask.hpp"
#include "core/duration.hpp"
#include "ops/config/settings.hpp"
#include "output/proto_fields.hpp"
#include "output/proto_json.hpp"

#include <fmt/format.h>
#include <google/protobuf/descriptor.h>

#include "grpc/health/v1/health.pb.h"
#include "temporal/api/enums/v1/namespace.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::config {

namespace cfg = twctl::config;
namespace health = grpc::health::v1;
namespace wsv = temporal::api::workflowservice::v1;
namespace gp = google::protobuf;

namespace {

// "localhost:7233 (default)", from a setting's value and where it came from.
std::string with_source(const Context& ctx, const std::string& key, const std::string& fallback = "") {
  const auto& values = ctx.globals.settings.values;
  auto it = values.find(key);
  if (it == values.end()) return fallback.empty() ? "" : fallback + " (default)";
  return fmt::format("{} ({})", shown(key, it->second), where(it->second));
}

std::string origin_of(const Context& ctx, const std::string& key) {
  auto it = ctx.globals.settings.values.find(key);
  return it == ctx.globals.settings.values.end() ? "default" : where(it->second);
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string address_of(const Context& ctx) { return ctx.globals.connection.address; }

}  // namespace

void step_settings(Context& ctx, CheckState&, Step& step) {
  const auto& s = ctx.globals.settings;
  const auto& c = ctx.globals.connection;
  step.data = settings_json(s);
  if (!c.problem.empty()) {
    Error e = usage_error(c.problem);
    e.cause = cfg::problem_cause(s);
    throw e;
  }
  client::check_tls_material(c.tls);
  std::vector<std::string> parts;
  std::string profile = s.profile.value;
  if (!s.config_file_found) {
    profile += s.config_file.value.empty() ? " (no config file)" : " (" + s.config_file.value + " not found)";
  } else {
    profile += s.profile_found ? " (" + s.config_file.value + ")" : " (not in " + s.config_file.value + ")";
  }
  parts.push_back("profile " + profile);
  parts.push_back("address " + with_source(ctx, "address", c.address));
  parts.push_back("namespace " + with_source(ctx, "namespace", c.namespace_));
  auto tls = s.values.find("tls");
  parts.push_back(tls == s.values.end() ? "TLS off (default)"
                                        : fmt::format("TLS {} ({})", c.tls.enabled ? "on" : "off", where(tls->second)));
  if (s.values.count("api_key")) parts.push_back("API key " + with_source(ctx, "api_key"));
  if (c.tls.enabled && !(c.tls.cert_path.empty() && c.tls.cert_data.empty())) {
    parts.push_back("client certificate " +
                    with_source(ctx, c.tls.cert_path.empty() ? "tls.client_cert_data" : "tls.client_cert_path"));
  }
  step.detail = join(parts, ", ");
  step.state = StepState::Ok;
}

void step_dns(Context& ctx, CheckState& state, Step& step) {
  const auto address = address_of(ctx);
  state.target = client::split_address(address);
  auto& t = state.target;
  if (t.port.empty()) t.port = "443";  // gRPC's default for a dns: target without one
  if (t.unix_socket) {
    step.state = StepState::NotApplicable;
    step.detail = "a unix socket: no DNS";
    return;
  }
  if (t.ip_literal) {
    state.addresses = {t.host};
    step.detail = t.host + " is an IP address: no lookup";
  } else {
    auto r = state.prober->resolve(t);
    if (!r.error.empty() || r.addresses.empty()) {
      Error e(ErrorKind::Unavailable,
              fmt::format("cannot reach the cluster at {}: the host \"{}\" cannot be resolved (DNS lookup failed: {}): "
                          "check --address or TEMPORAL_ADDRESS",
                          address, t.host, r.error.empty() ? "no addresses" : r.error));
      e.cause = "dns";
      throw e;
    }
    state.addresses = r.addresses;
    step.detail = fmt::format("{} → {}", t.host, join(r.addresses, ", "));
  }
  step.data = {{"host", t.host}, {"addresses", state.addresses}};
  step.state = StepState::Ok;
}

void step_tcp(Context& ctx, CheckState& state, Step& step) {
  const auto& c = ctx.globals.connection;
  if (state.target.unix_socket) {
    step.state = StepState::NotApplicable;
    step.detail = "a unix socket: the server step connects";
    return;
  }
  std::vector<std::string> parts;
  std::string cause;
  const client::TcpResult* failure = nullptr;
  std::vector<client::TcpResult> results;
  step.data = nlohmann::ordered_json::array();
  for (const auto& ip : state.addresses) results.push_back(state.prober->connect(ip, state.target.port, c.connect_timeout));
  bool any = false;
  for (const auto& r : results) {
    auto ms = static_cast<double>(r.took.count()) / 1000.0;
    if (r.connected) {
      any = true;
      parts.push_back(fmt::format("{} connected ({:.1f} ms)", r.address, ms));
    } else {
      parts.push_back(fmt::format("{} {}", r.address, r.cause == "refused" ? "refused" : r.error));
      if (!failure || (r.cause == "refused" && failure->cause != "refused")) failure = &r;
    }
    nlohmann::ordered_json j{{"address", r.address}, {"connected", r.connected}, {"ms", ms}};
    if (!r.connected) {
      j["cause"] = r.cause;
      j["error"] = r.error;
    }
    step.data.push_back(std::move(j));
  }
  step.detail = join(parts, "; ");
  if (any) {
    step.state = StepState::Ok;
    return;
  }
  if (!failure) throw Error(ErrorKind::Unavailable, "no address to connect to");
  std::string message;
  if (failure->cause == "refused") {
    message = client::connection_message(c.address, "Connection refused");
  } else if (failure->cause == "connect_timeout") {
    message = fmt::format("cannot reach the cluster at {}: no connection within {} ms (connect deadline; "
                          "--client-connect-timeout)",
                          c.address, c.connect_timeout.count());
  } else {
    message = fmt::format("cannot reach the cluster at {}: {} ({})", c.address, failure->error, step.detail);
  }
  Error e(ErrorKind::Unavailable, message);
  e.cause = failure->cause;
  throw e;
}

void step_tls(Context& ctx, CheckState& state, Step& step) {
  const auto& c = ctx.globals.connection;
  const auto where_tls = origin_of(ctx, "tls");
  if (!c.tls.enabled) {
    if (state.target.unix_socket) {
      step.state = StepState::NotApplicable;
      step.detail = fmt::format("off ({})", where_tls);
      return;
    }
    // One handshake, nothing verified: a server that speaks TLS would refuse the plaintext connection.
    if (state.prober->speaks_tls(c.address, c.connect_timeout)) {
      throw client::tls_required(c.address, cfg::tls_origin(ctx.globals.settings));
    }
    step.state = StepState::Ok;
    step.detail = fmt::format("off ({}), and the server does not ask for it", where_tls);
    return;
  }
  auto r = state.prober->handshake(c.address, c.tls, c.connect_timeout);
  step.data = {{"protocol", r.protocol},
               {"alpn", r.alpn},
               {"subject", r.subject},
               {"issuer", r.issuer},
               {"notBefore", r.not_before},
               {"notAfter", r.not_after},
               {"names", r.names},
               {"verified", r.verified},
               {"verifyResult", r.verify_result},
               {"clientCertificate", {{"requested", r.client_cert_requested}, {"sent", r.client_cert_sent}}}};
  if (!r.cause.empty()) throw client::tls_failure(c.address, cfg::tls_origin(ctx.globals.settings), r);
  if (!r.handshake) {
    Error e(ErrorKind::Unavailable, fmt::format("cannot reach the cluster at {}: the TLS handshake did not complete{}",
                                                c.address, r.message.empty() ? "" : ": " + r.message));
    e.cause = "tls_handshake";
    throw e;
  }
  std::string client_cert = "client certificate not requested";
  if (r.client_cert_requested) {
    client_cert = r.client_cert_sent ? "client certificate requested, sent and not refused"
                                     : "client certificate requested, none configured (--tls-cert-path, --tls-key-path)";
  }
  step.detail = fmt::format("{}{}, certificate {} issued by {}, valid until {}, {}; {}", r.protocol,
                            r.alpn.empty() ? "" : " (" + r.alpn + ")", r.subject, r.issuer, r.not_after,
                            r.verify_result == "ok" ? "verified" : r.verify_result, client_cert);
  step.state = StepState::Ok;
}

void step_server(Context& ctx, CheckState&, Step& step) {
  health::HealthCheckRequest req;
  req.set_service("temporal.api.workflowservice.v1.WorkflowService");
  auto h = client::call<health::HealthCheckResponse>(ctx.gateway(), req);
  auto serving = health::HealthCheckResponse::ServingStatus_Name(h.status());
  if (h.status() != health::HealthCheckResponse::SERVING) {
    Error e(ErrorKind::Unavailable, fmt::format("the cluster at {} is not serving: {}", address_of(ctx), serving));
    e.cause = "not_serving";
    throw e;
  }
  auto info = client::call<wsv::GetSystemInfoResponse>(ctx.gateway(), wsv::GetSystemInfoRequest());
  // Every bool the capabilities message has, so capabilities the API adds count without a code change.
  const auto& caps = info.capabilities();
  int on = 0;
  int all = 0;
  for (int i = 0; i < caps.GetDescriptor()->field_count(); ++i) {
    const auto* f = caps.GetDescriptor()->field(i);
    if (f->cpp_type() != gp::FieldDescriptor::CPPTYPE_BOOL || f->is_repeated()) continue;
    ++all;
    if (caps.GetReflection()->GetBool(caps, f)) ++on;
  }
  step.data = {{"health", serving},
               {"serverVersion", info.server_version()},
               {"capabilities", output::proto_to_json(caps, true)}};
  step.detail = fmt::format("{}, Temporal server {}, {} of {} capabilities", serving,
                            info.server_version().empty() ? "(version not given)" : info.server_version(), on, all);
  step.state = StepState::Ok;
}

void step_namespace(Context& ctx, CheckState&, Step& step) {
  wsv::DescribeNamespaceRequest req;
  req.set_namespace_(ctx.namespace_());
  wsv::DescribeNamespaceResponse resp;
  try {
    resp = client::call<wsv::DescribeNamespaceResponse>(ctx.gateway(), req);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::NotFound) throw;
    throw rephrased(e, e.kind(),
                    fmt::format("namespace \"{}\" does not exist at {}: check --namespace (the name is from {})",
                                ctx.namespace_(), address_of(ctx), origin_of(ctx, "namespace")));
  }
  auto state = output::enum_short_name(*temporal::api::enums::v1::NamespaceState_descriptor(),
                                       resp.namespace_info().state());
  std::string retention = resp.config().has_workflow_execution_retention_ttl()
                              ? format_duration(resp.config().workflow_execution_retention_ttl())
                              : "";
  step.data = {{"name", resp.namespace_info().name()}, {"state", state}, {"retention", retention}};
  step.detail = fmt::format("{}: {}{}, the caller may read it", ctx.namespace_(), state,
                            retention.empty() ? "" : ", retention " + retention);
  step.state = StepState::Ok;
}

}  // namespace twctl::ops::config
