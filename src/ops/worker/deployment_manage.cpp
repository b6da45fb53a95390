// `worker deployment create | update-version-metadata | manager-identity set | unset`, and the wait for a
// version to drain (set-current-version --wait-for-drain).
#include "core/duration.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "ops/confirm.hpp"
#include "ops/outcome.hpp"
#include "ops/wait.hpp"
#include "ops/worker/deployment.hpp"
#include "ops/worker/deployment_common.hpp"
#include "output/proto_fields.hpp"
#include "output/proto_json.hpp"
#include "payload/payload.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "temporal/api/enums/v1/deployment.pb.h"

namespace twctl::ops::worker {

namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;

int deployment_create(const DeploymentOptions& opts, Context& ctx) {
  need(opts.name, "--name");
  wsv::CreateWorkerDeploymentRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_deployment_name(opts.name);
  req.set_identity(ctx.identity());
  req.set_request_id(new_uuid());
  call_change<wsv::CreateWorkerDeploymentResponse>(ctx, req,
                                                   check_with(ctx, "worker deployment describe --name " + opts.name));
  done(ctx, "Created worker deployment " + opts.name, {{"name", opts.name}, {"created", true}});
  return 0;
}

int version_update_metadata(const MetadataOptions& opts, Context& ctx) {
  need(opts.deployment_name, "--deployment-name");
  need(opts.build_id, "--build-id");
  if (opts.metadata.empty() && opts.remove_entries.empty()) {
    throw usage_error("nothing to update: give --metadata KEY=JSON or --remove-entries KEY");
  }
  wsv::UpdateWorkerDeploymentVersionMetadataRequest req;
  req.set_namespace_(ctx.namespace_());
  req.mutable_deployment_version()->set_deployment_name(opts.deployment_name);
  req.mutable_deployment_version()->set_build_id(opts.build_id);
  if (!opts.metadata.empty()) *req.mutable_upsert_entries() = payload::key_json_map("--metadata", opts.metadata);
  for (const auto& key : opts.remove_entries) {
    if (req.upsert_entries().count(key) > 0) {
      throw usage_error(fmt::format("--remove-entries {} and --metadata {}=… name the same entry", key, key));
    }
    req.add_remove_entries(key);
  }
  req.set_identity(ctx.identity());
  auto resp = call_change<wsv::UpdateWorkerDeploymentVersionMetadataResponse>(
      ctx, req,
      check_with(ctx, fmt::format("worker deployment describe-version --deployment-name {} --build-id {}",
                                  opts.deployment_name, opts.build_id)));
  auto& out = ctx.printer();
  bool shorthand = ctx.globals.shorthand_payloads;
  if (out.json()) {
    out.document(output::proto_to_json(resp.metadata(), shorthand));
  } else if (out.text()) {
    output::Card card;
    for (const auto& [key, value] : resp.metadata().entries()) card.emplace_back(key, payload::to_json(value, shorthand).dump());
    std::sort(card.begin(), card.end());
    out.write(out.style().magenta("Metadata:") + "\n" + output::render_card(card, out.style()));
  }
  return 0;
}

int manager_identity(const ManagerOptions& opts, Context& ctx) {
  need(opts.deployment_name, "--deployment-name");
  if (!opts.unset) {
    if (opts.self == !opts.manager_identity.empty()) throw usage_error("give exactly one of --manager-identity and --self");
  }
  std::string who = opts.unset ? std::string() : opts.self ? ctx.identity() : opts.manager_identity;
  auto question = opts.unset ? fmt::format("Unset the manager identity of {}? y/N", opts.deployment_name)
                             : fmt::format("Set the manager identity of {} to {}? y/N", opts.deployment_name, who);
  auto without_yes = fmt::format("add --yes to change the manager identity of {}", opts.deployment_name);
  if (!opts.yes && !can_ask(ctx)) confirm(ctx, false, question, without_yes);  // refuses before anything is sent
  auto before = describe_raw(opts.deployment_name, ctx);
  auto previous = before.worker_deployment_info().manager_identity();
  if (!opts.yes) ctx.err << deployment_card(before.worker_deployment_info(), ctx, ctx.printer().style());
  confirm(ctx, opts.yes, question, without_yes);

  wsv::SetWorkerDeploymentManagerRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_deployment_name(opts.deployment_name);
  if (opts.self && !opts.unset) req.set_self(true);
  else req.set_manager_identity(who);
  req.set_conflict_token(before.conflict_token());
  req.set_identity(ctx.identity());
  call_change<wsv::SetWorkerDeploymentManagerResponse>(
      ctx, req, check_with(ctx, "worker deployment describe --name " + opts.deployment_name));
  done(ctx,
       opts.unset ? fmt::format("Unset the manager identity of {} (was '{}')", opts.deployment_name, previous)
                  : fmt::format("Manager identity of {} set to '{}' (was '{}')", opts.deployment_name, who, previous),
       {{"deploymentName", opts.deployment_name}, {"managerIdentity", who}, {"previousManagerIdentity", previous}});
  return 0;
}

// Until the version reports drained, or `wait` passes (exit 7).
void wait_for_drain(Context& ctx, const std::string& deployment_name, const std::string& build_id,
                    std::chrono::nanoseconds wait) {
  wsv::DescribeWorkerDeploymentVersionRequest req;
  req.set_namespace_(ctx.namespace_());
  req.mutable_deployment_version()->set_deployment_name(deployment_name);
  req.mutable_deployment_version()->set_build_id(build_id);
  bool tty = ctx.stderr_tty;
  auto what = fmt::format("version {} of {} to drain", build_id, deployment_name);
  std::string shown;
  auto result = wait_with_backoff(ctx, wait, "waiting for " + what, [&](std::string& last) {
    auto resp = client::call<wsv::DescribeWorkerDeploymentVersionResponse>(ctx.gateway(), req);
    const auto& info = resp.worker_deployment_version_info();
    auto status = info.has_drainage_info()
                      ? output::enum_short_name(*enums::VersionDrainageStatus_descriptor(), info.drainage_info().status())
                      : std::string("Unspecified");
    last = "drainage status " + status;
    if (tty && last != shown) {
      ctx.err << "Version " << build_id << ": " << last << "\n";
      shown = last;
    }
    return info.drainage_info().status() == enums::VERSION_DRAINAGE_STATUS_DRAINED;
  });
  if (!result.done) {
    Error e(ErrorKind::DeadlineExceeded,
            fmt::format("{} did not drain within {} ({}); the current version is set", build_id,
                        format_duration(wait), result.last));
    e.cause = "drain_timeout";
    throw e;
  }
  if (ctx.printer().text()) ctx.err << "Version " << build_id << " of " << deployment_name << " is drained\n";
}

}  // namespace twctl::ops::worker
