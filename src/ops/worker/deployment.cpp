#include "ops/worker/deployment.hpp"
#include "ops/worker/deployment_common.hpp"

#include "core/duration.hpp"
#include "core/error.hpp"
#include "core/number.hpp"
#include "ops/outcome.hpp"
#include "core/time_format.hpp"
#include "ops/confirm.hpp"
#include "ops/paging.hpp"
#include "output/proto_fields.hpp"
#include "output/proto_json.hpp"

#include <fmt/format.h>


#include "temporal/api/enums/v1/deployment.pb.h"
#include "temporal/api/enums/v1/task_queue.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::worker {

namespace enums = temporal::api::enums::v1;
namespace dep = temporal::api::deployment::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

std::string when(const Context& ctx, const google::protobuf::Timestamp& ts) {
  return format_time(ts, ctx.globals.time_format, ctx.now());
}

std::string version_text(const dep::WorkerDeploymentVersion& v) {
  return v.build_id().empty() ? "" : v.deployment_name() + "/" + v.build_id();
}

}  // namespace

void need(const std::string& value, std::string_view flag) {
  if (value.empty()) throw usage_error(fmt::format("{} is required", flag));
}

static void print_routing(output::Card& card, const dep::RoutingConfig& r, const Context& ctx) {
  card.emplace_back("CurrentVersion", r.current_deployment_version().build_id().empty()
                                          ? "unversioned workers"
                                          : version_text(r.current_deployment_version()));
  if (!r.ramping_deployment_version().build_id().empty() || r.ramping_version_percentage() != 0) {
    card.emplace_back("RampingVersion", r.ramping_deployment_version().build_id().empty()
                                            ? "unversioned workers"
                                            : version_text(r.ramping_deployment_version()));
    card.emplace_back("RampingPercentage", fmt::format("{}%", r.ramping_version_percentage()));
  }
  if (r.has_current_version_changed_time()) {
    card.emplace_back("CurrentVersionChangedTime", when(ctx, r.current_version_changed_time()));
  }
  if (r.has_ramping_version_changed_time()) {
    card.emplace_back("RampingVersionChangedTime", when(ctx, r.ramping_version_changed_time()));
  }
}

wsv::DescribeWorkerDeploymentResponse describe_raw(const std::string& name, Context& ctx) {
  wsv::DescribeWorkerDeploymentRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_deployment_name(name);
  return client::call<wsv::DescribeWorkerDeploymentResponse>(ctx.gateway(), req);
}

std::string deployment_card(const dep::WorkerDeploymentInfo& info, const Context& ctx, const output::Style& style) {
  output::Card card{{"Name", info.name()}};
  if (info.has_create_time()) card.emplace_back("CreateTime", when(ctx, info.create_time()));
  print_routing(card, info.routing_config(), ctx);
  if (!info.last_modifier_identity().empty()) card.emplace_back("LastModifierIdentity", info.last_modifier_identity());
  if (!info.manager_identity().empty()) card.emplace_back("ManagerIdentity", info.manager_identity());
  std::string text = style.magenta("Worker Deployment:") + "\n" + output::render_card(card, style);
  output::Table t{{{"BuildID"}, {"Status"}, {"DrainageStatus"}, {"CreateTime"}}, {}};
  for (const auto& v : info.version_summaries()) {
    t.rows.push_back({v.deployment_version().build_id(),
                      output::enum_short_name(*enums::WorkerDeploymentVersionStatus_descriptor(), v.status()),
                      output::enum_short_name(*enums::VersionDrainageStatus_descriptor(), v.drainage_status()),
                      v.has_create_time() ? when(ctx, v.create_time()) : ""});
  }
  text += '\n';
  text += style.magenta("Version Summaries:");
  text += '\n';
  text += output::render_table(t, true, style);
  return text;
}

void done(Context& ctx, std::string_view line, nlohmann::ordered_json doc) {
  auto& out = ctx.printer();
  if (out.json()) out.document(std::move(doc));
  else if (out.text()) ctx.err << line << "\n";
}

namespace {

// The build ID a set-current / set-ramping names: --build-id, or --unversioned for the unversioned workers.
std::string target_build(const RoutingOptions& o) {
  need(o.deployment_name, "--deployment-name");
  if (!o.build_id.empty() && o.unversioned) throw usage_error("give --build-id or --unversioned, not both");
  if (o.build_id.empty() && !o.unversioned) {
    throw usage_error("--build-id is required (or --unversioned for the workers without a version)");
  }
  return o.build_id;
}

// The conflict token, after showing the deployment as it is and asking (or --yes).
// `previous_current`, when given, gets the build that is current before the change ("" for unversioned workers).
std::string confirm_change(const RoutingOptions& o, std::string_view what, Context& ctx,
                           std::string* previous_current = nullptr) {
  auto question = fmt::format("Set the {} version of {}?", what, o.deployment_name);
  auto without_yes = fmt::format("add --yes to set the {} version of {}", what, o.deployment_name);
  if (!o.yes && !can_ask(ctx)) confirm(ctx, false, question, without_yes);  // refuses before anything is sent
  std::string token;
  try {
    auto before = describe_raw(o.deployment_name, ctx);
    token = before.conflict_token();
    if (previous_current) {
      *previous_current = before.worker_deployment_info().routing_config().current_deployment_version().build_id();
    }
    if (!o.yes && can_ask(ctx)) {
      ctx.err << deployment_card(before.worker_deployment_info(), ctx, ctx.printer().style());
    }
  } catch (const Error& e) {
    // A deployment no worker has polled yet: only --allow-no-pollers proceeds, without a token.
    if (e.kind() != ErrorKind::NotFound || !o.allow_no_pollers) throw;
  }
  confirm(ctx, o.yes, question, without_yes);
  return token;
}

}  // namespace

int deployment_list(const DeploymentOptions&, Context& ctx) {
  wsv::ListWorkerDeploymentsRequest req;
  req.set_namespace_(ctx.namespace_());
  output::PagedList list(ctx.printer(),
                         {{"Name"}, {"CreateTime"}, {"CurrentVersion"}, {"RampingVersion"}, {"RampingPercentage", true}},
                         0);
  stream_list<wsv::ListWorkerDeploymentsResponse>(
      ctx, req, list, [](const wsv::ListWorkerDeploymentsResponse& r) -> const auto& { return r.worker_deployments(); },
      [&](const wsv::ListWorkerDeploymentsResponse::WorkerDeploymentSummary& d) {
        const auto& r = d.routing_config();
        bool ramping = r.ramping_version_percentage() != 0 || !r.ramping_deployment_version().build_id().empty();
        return std::vector<std::string>{
            d.name(), d.has_create_time() ? when(ctx, d.create_time()) : "",
            r.current_deployment_version().build_id().empty() ? "(unversioned)"
                                                               : r.current_deployment_version().build_id(),
            ramping ? (r.ramping_deployment_version().build_id().empty() ? "(unversioned)"
                                                                          : r.ramping_deployment_version().build_id())
                    : "",
            ramping ? fmt::format("{}", r.ramping_version_percentage()) : ""};
      },
      ctx.globals.shorthand_payloads);
  return 0;
}

int deployment_describe(const DeploymentOptions& opts, Context& ctx) {
  need(opts.name, "--name");
  auto resp = describe_raw(opts.name, ctx);
  auto& out = ctx.printer();
  if (out.record(resp.worker_deployment_info(), ctx.globals.shorthand_payloads)) return 0;
  if (out.json()) out.document(output::proto_to_json(resp.worker_deployment_info(), ctx.globals.shorthand_payloads));
  else if (out.text()) out.write(deployment_card(resp.worker_deployment_info(), ctx, out.style()));
  return 0;
}

int deployment_delete(const DeploymentOptions& opts, Context& ctx) {
  need(opts.name, "--name");
  wsv::DeleteWorkerDeploymentRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_deployment_name(opts.name);
  req.set_identity(ctx.identity());
  call_change<wsv::DeleteWorkerDeploymentResponse>(ctx, req, check_with(ctx, "worker deployment list"));
  done(ctx, "Deleted worker deployment " + opts.name, {{"name", opts.name}, {"deleted", true}});
  return 0;
}

int version_describe(const VersionOptions& opts, Context& ctx) {
  need(opts.deployment_name, "--deployment-name");
  need(opts.build_id, "--build-id");
  wsv::DescribeWorkerDeploymentVersionRequest req;
  req.set_namespace_(ctx.namespace_());
  req.mutable_deployment_version()->set_deployment_name(opts.deployment_name);
  req.mutable_deployment_version()->set_build_id(opts.build_id);
  req.set_report_task_queue_stats(opts.report_task_queue_stats);
  auto resp = client::call<wsv::DescribeWorkerDeploymentVersionResponse>(ctx.gateway(), req);
  auto& out = ctx.printer();
  if (out.record(resp, ctx.globals.shorthand_payloads)) return 0;
  if (out.json()) {
    out.document(output::proto_to_json(resp, ctx.globals.shorthand_payloads));
    return 0;
  }
  if (!out.text()) return 0;
  const auto& v = resp.worker_deployment_version_info();
  output::Card card{{"DeploymentName", v.deployment_version().deployment_name()},
                    {"BuildID", v.deployment_version().build_id()},
                    {"Status", output::enum_short_name(*enums::WorkerDeploymentVersionStatus_descriptor(), v.status())}};
  if (v.has_create_time()) card.emplace_back("CreateTime", when(ctx, v.create_time()));
  if (v.has_current_since_time()) card.emplace_back("CurrentSinceTime", when(ctx, v.current_since_time()));
  if (v.has_ramping_since_time()) card.emplace_back("RampingSinceTime", when(ctx, v.ramping_since_time()));
  card.emplace_back("RampPercentage", fmt::format("{}%", v.ramp_percentage()));
  if (v.has_drainage_info()) {
    card.emplace_back("DrainageStatus",
                      output::enum_short_name(*enums::VersionDrainageStatus_descriptor(), v.drainage_info().status()));
  }
  std::string text = out.style().magenta("Worker Deployment Version:") + "\n" + output::render_card(card, out.style());
  std::vector<output::Column> cols{{"Name"}, {"Type"}};
  if (opts.report_task_queue_stats) {
    cols.push_back({"ApproximateBacklogCount", true});
    cols.push_back({"ApproximateBacklogAge", true});
    cols.push_back({"TasksAddRate", true});
    cols.push_back({"TasksDispatchRate", true});
  }
  output::Table t{cols, {}};
  for (const auto& q : resp.version_task_queues()) {
    std::vector<std::string> row{q.name(), output::enum_short_name(*enums::TaskQueueType_descriptor(), q.type())};
    if (opts.report_task_queue_stats) {
      row.push_back(std::to_string(q.stats().approximate_backlog_count()));
      row.push_back(format_duration(q.stats().approximate_backlog_age()));
      row.push_back(fmt::format("{:.2f}", q.stats().tasks_add_rate()));
      row.push_back(fmt::format("{:.2f}", q.stats().tasks_dispatch_rate()));
    }
    t.rows.push_back(std::move(row));
  }
  text += '\n';
  text += out.style().magenta("Task Queues:");
  text += '\n';
  text += output::render_table(t, true, out.style());
  out.write(text);
  return 0;
}

int version_delete(const VersionOptions& opts, Context& ctx) {
  need(opts.deployment_name, "--deployment-name");
  need(opts.build_id, "--build-id");
  wsv::DeleteWorkerDeploymentVersionRequest req;
  req.set_namespace_(ctx.namespace_());
  req.mutable_deployment_version()->set_deployment_name(opts.deployment_name);
  req.mutable_deployment_version()->set_build_id(opts.build_id);
  req.set_skip_drainage(opts.skip_drainage);
  req.set_identity(ctx.identity());
  call_change<wsv::DeleteWorkerDeploymentVersionResponse>(ctx, req, check_with(ctx, "worker deployment describe --name " + opts.deployment_name));
  done(ctx, fmt::format("Deleted version {} of worker deployment {}", opts.build_id, opts.deployment_name),
       {{"deploymentName", opts.deployment_name}, {"buildId", opts.build_id}, {"deleted", true}});
  return 0;
}

int set_current(const RoutingOptions& opts, Context& ctx) {
  auto build = target_build(opts);
  if (!opts.percentage.empty() || opts.delete_ramp) throw usage_error("--percentage goes with set-ramping-version");
  std::chrono::nanoseconds drain_wait{0};
  if (!opts.wait_for_drain.empty()) drain_wait = parse_duration("--wait-for-drain", opts.wait_for_drain);
  wsv::SetWorkerDeploymentCurrentVersionRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_deployment_name(opts.deployment_name);
  req.set_build_id(build);
  req.set_identity(ctx.identity());
  req.set_ignore_missing_task_queues(opts.ignore_missing_task_queues);
  req.set_allow_no_pollers(opts.allow_no_pollers);
  std::string previous;
  req.set_conflict_token(confirm_change(opts, "current", ctx, &previous));
  call_change<wsv::SetWorkerDeploymentCurrentVersionResponse>(ctx, req, check_with(ctx, "worker deployment describe --name " + opts.deployment_name));
  done(ctx,
       fmt::format("Current version of {} set to {}", opts.deployment_name,
                   build.empty() ? "the unversioned workers" : build),
       {{"deploymentName", opts.deployment_name}, {"buildId", build}, {"current", true}});
  if (!opts.wait_for_drain.empty()) {
    if (previous.empty() || previous == build) {
      ctx.warn("--wait-for-drain: no other version was current before, so none drains");
    } else {
      wait_for_drain(ctx, opts.deployment_name, previous, drain_wait);
    }
  }
  return 0;
}

int set_ramping(const RoutingOptions& opts, Context& ctx) {
  need(opts.deployment_name, "--deployment-name");
  float percentage = 0;
  std::string build;
  if (opts.delete_ramp) {
    if (!opts.percentage.empty() || !opts.build_id.empty() || opts.unversioned) {
      throw usage_error("--delete stops the ramp: give it without --percentage, --build-id or --unversioned");
    }
  } else {
    build = target_build(opts);
    need(opts.percentage, "--percentage");
    const auto& s = opts.percentage;
    auto p = parse_real(s);
    if (!p || !(*p >= 0 && *p <= 100)) {
      throw usage_error(fmt::format("invalid value \"{}\" for --percentage: a number from 0 to 100", s));
    }
    percentage = static_cast<float>(*p);
  }
  wsv::SetWorkerDeploymentRampingVersionRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_deployment_name(opts.deployment_name);
  req.set_build_id(build);
  req.set_percentage(percentage);
  req.set_identity(ctx.identity());
  req.set_ignore_missing_task_queues(opts.ignore_missing_task_queues);
  req.set_allow_no_pollers(opts.allow_no_pollers);
  req.set_conflict_token(confirm_change(opts, "ramping", ctx));
  call_change<wsv::SetWorkerDeploymentRampingVersionResponse>(ctx, req, check_with(ctx, "worker deployment describe --name " + opts.deployment_name));
  done(ctx,
       opts.delete_ramp ? fmt::format("Ramp of {} stopped", opts.deployment_name)
                        : fmt::format("Ramping version of {} set to {} at {}%", opts.deployment_name,
                                      build.empty() ? "the unversioned workers" : build, percentage),
       {{"deploymentName", opts.deployment_name}, {"buildId", build}, {"percentage", percentage}, {"ramping", true}});
  return 0;
}

}  // namespace twctl::ops::worker
