#include "core/error.hpp"
#include "ops/activity/activity.hpp"
#include "payload/payload.hpp"

#include <fmt/format.h>

#include "temporal/api/failure/v1/message.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::activity {

namespace wsv = temporal::api::workflowservice::v1;

namespace {

// The request's target fields, and the resource ID the server routes by (as the official CLI sets it).
template <typename Req>
void target(const ActivityRef& ref, Req& req, Context& ctx) {
  if (ref.activity_id.empty()) throw usage_error("--activity-id is required");
  req.set_namespace_(ctx.namespace_());
  req.set_workflow_id(ref.workflow_id);
  req.set_run_id(ref.run_id);
  req.set_activity_id(ref.activity_id);
  req.set_identity(ctx.identity());
  req.set_resource_id(ref.workflow_id.empty() ? "activity:" + ref.activity_id : "workflow:" + ref.workflow_id);
}

void confirm(const ActivityRef& ref, std::string_view field, std::string_view line, Context& ctx) {
  auto& out = ctx.printer();
  if (out.json()) {
    out.document({{"workflowId", ref.workflow_id},
                  {"runId", ref.run_id},
                  {"activityId", ref.activity_id},
                  {std::string(field), true}});
  } else if (out.text()) {
    ctx.err << line << " activity " << ref.activity_id
            << (ref.workflow_id.empty() ? std::string() : " of workflow " + ref.workflow_id) << "\n";
  }
}

}  // namespace

int complete(const CompleteOptions& opts, Context& ctx) {
  wsv::RespondActivityTaskCompletedByIdRequest req;
  target(opts.ref, req, ctx);
  if (opts.result.empty()) throw usage_error("--result is required: the activity's result as JSON");
  *req.mutable_result()->add_payloads() = payload::from_json_text("--result", opts.result);
  client::call<wsv::RespondActivityTaskCompletedByIdResponse>(ctx.gateway(), req);
  confirm(opts.ref, "completed", "Completed", ctx);
  return 0;
}

int fail(const FailOptions& opts, Context& ctx) {
  wsv::RespondActivityTaskFailedByIdRequest req;
  target(opts.ref, req, ctx);
  auto* f = req.mutable_failure();
  f->set_message(opts.reason.empty() ? "failed by an operator" : opts.reason);
  f->set_source("CLI");
  auto* info = f->mutable_application_failure_info();
  info->set_type("CLIFailure");
  info->set_non_retryable(true);
  if (!opts.detail.empty()) *info->mutable_details()->add_payloads() = payload::from_json_text("--detail", opts.detail);
  client::call<wsv::RespondActivityTaskFailedByIdResponse>(ctx.gateway(), req);
  confirm(opts.ref, "failed", "Failed", ctx);
  return 0;
}

}  // namespace twctl::ops::activity
