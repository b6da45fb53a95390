#include "ops/workflow/update_options.hpp"

#include "core/error.hpp"
#include "ops/workflow/common.hpp"
#include "output/proto_json.hpp"
#include "output/render.hpp"

#include <fmt/format.h>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;
namespace wf = temporal::api::workflow::v1;

int update_options(const UpdateOptionsOptions& opts, Context& ctx) {
  if (opts.ref.workflow_id.empty()) throw usage_error("--workflow-id must not be empty");
  const auto& b = opts.behavior;
  bool needs_version = b == "pinned" || b == "one_time";
  if (needs_version && (opts.deployment_name.empty() || opts.build_id.empty())) {
    throw usage_error(fmt::format("--versioning-override-behavior {} needs --versioning-override-deployment-name and "
                                  "--versioning-override-build-id",
                                  b));
  }
  if (!needs_version && (!opts.deployment_name.empty() || !opts.build_id.empty())) {
    throw usage_error(fmt::format("--versioning-override-deployment-name and --versioning-override-build-id go with "
                                  "the pinned and one_time behaviors, not {}",
                                  b));
  }
  wsv::UpdateWorkflowExecutionOptionsRequest req;
  req.set_namespace_(ctx.namespace_());
  *req.mutable_workflow_execution() = to_proto(opts.ref);
  req.set_identity(ctx.identity());
  req.mutable_update_mask()->add_paths("versioning_override");
  auto* options = req.mutable_workflow_execution_options();
  if (b == "pinned") {
    auto* p = options->mutable_versioning_override()->mutable_pinned();
    p->set_behavior(wf::VersioningOverride::PINNED_OVERRIDE_BEHAVIOR_PINNED);
    p->mutable_version()->set_deployment_name(opts.deployment_name);
    p->mutable_version()->set_build_id(opts.build_id);
  } else if (b == "one_time") {
    auto* v = options->mutable_versioning_override()->mutable_one_time()->mutable_target_deployment_version();
    v->set_deployment_name(opts.deployment_name);
    v->set_build_id(opts.build_id);
  } else if (b == "auto_upgrade") {
    options->mutable_versioning_override()->set_auto_upgrade(true);
  }  // unspecified: the mask with no override removes it
  auto resp = client::call<wsv::UpdateWorkflowExecutionOptionsResponse>(ctx.gateway(), req);
  auto& out = ctx.printer();
  const auto& now = resp.workflow_execution_options();
  if (out.json()) {
    out.document(output::proto_to_json(now, ctx.globals.shorthand_payloads));
  } else if (out.text()) {
    std::string override_text = "none";
    const auto& o = now.versioning_override();
    if (o.has_pinned()) {
      override_text = "pinned to " + o.pinned().version().deployment_name() + "/" + o.pinned().version().build_id();
    } else if (o.has_one_time()) {
      override_text = "once to " + o.one_time().target_deployment_version().deployment_name() + "/" +
                      o.one_time().target_deployment_version().build_id();
    } else if (o.auto_upgrade()) {
      override_text = "auto-upgrade";
    }
    out.write(out.style().magenta("Workflow Execution Options:") + "\n" +
              output::render_card({{"WorkflowId", opts.ref.workflow_id}, {"VersioningOverride", override_text}},
                                  out.style()));
  }
  return 0;
}

}  // namespace twctl::ops::workflow
