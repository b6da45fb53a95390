#include "ops/workflow/update_options.hpp"

#include "core/error.hpp"
#include "ops/outcome.hpp"
#include "ops/workflow/common.hpp"
#include "ops/workflow/target.hpp"
#include "output/proto_json.hpp"
#include "output/render.hpp"

#include <fmt/format.h>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;
namespace wf = temporal::api::workflow::v1;

bool build_override(const VersioningOverrideFlags& f, wf::VersioningOverride* out) {
  const auto& b = f.behavior;
  if (b.empty()) throw usage_error("--versioning-override-behavior is required");
  bool needs_version = b == "pinned" || b == "one_time";
  if (needs_version && (f.deployment_name.empty() || f.build_id.empty())) {
    throw usage_error(fmt::format("--versioning-override-behavior {} needs --versioning-override-deployment-name and "
                                  "--versioning-override-build-id",
                                  b));
  }
  if (!needs_version && (!f.deployment_name.empty() || !f.build_id.empty())) {
    throw usage_error(fmt::format("--versioning-override-deployment-name and --versioning-override-build-id go with "
                                  "the pinned and one_time behaviors, not {}",
                                  b));
  }
  if (b == "pinned") {
    auto* p = out->mutable_pinned();
    p->set_behavior(wf::VersioningOverride::PINNED_OVERRIDE_BEHAVIOR_PINNED);
    p->mutable_version()->set_deployment_name(f.deployment_name);
    p->mutable_version()->set_build_id(f.build_id);
  } else if (b == "one_time") {
    auto* v = out->mutable_one_time()->mutable_target_deployment_version();
    v->set_deployment_name(f.deployment_name);
    v->set_build_id(f.build_id);
  } else if (b == "auto_upgrade") {
    out->set_auto_upgrade(true);
  } else {
    return false;  // unspecified: the mask with no override removes it
  }
  return true;
}

int update_options(const UpdateOptionsOptions& opts, Context& ctx) {
  const auto& t = opts.target;
  validate_target(t, false);
  wf::WorkflowExecutionOptions options;
  if (!build_override(opts.override_flags, options.mutable_versioning_override())) options.clear_versioning_override();
  if (t.batch()) {
    return run_batch(t, ctx, "Update options of", [&](wsv::StartBatchOperationRequest& req) {
      auto* op = req.mutable_update_workflow_options_operation();
      op->set_identity(ctx.identity());
      *op->mutable_workflow_execution_options() = options;
      op->mutable_update_mask()->add_paths("versioning_override");
    });
  }
  wsv::UpdateWorkflowExecutionOptionsRequest req;
  req.set_namespace_(ctx.namespace_());
  *req.mutable_workflow_execution() = to_proto(t.ref);
  req.set_identity(ctx.identity());
  req.mutable_update_mask()->add_paths("versioning_override");
  *req.mutable_workflow_execution_options() = options;
  auto resp = call_change<wsv::UpdateWorkflowExecutionOptionsResponse>(
      ctx, req, check_with(ctx, "workflow describe -w " + t.ref.workflow_id));
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
              output::render_card({{"WorkflowId", t.ref.workflow_id}, {"VersioningOverride", override_text}},
                                  out.style()));
  }
  return 0;
}

}  // namespace twctl::ops::workflow
