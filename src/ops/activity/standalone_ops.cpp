// `activity pause | unpause | reset | update-options -a ID` without -w: one standalone activity, on the
// *ActivityExecution RPCs (the older workflow-activity RPCs cannot name one).
#include "core/duration.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "ops/activity/batch.hpp"
#include "ops/activity/standalone_ops.hpp"
#include "ops/outcome.hpp"

#include <fmt/format.h>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::activity {

namespace wsv = temporal::api::workflowservice::v1;

namespace {

template <typename Req>
void fill(const WorkflowActivities& t, Req& req, Context& ctx) {
  check_standalone(t);
  req.set_namespace_(ctx.namespace_());
  req.set_activity_id(t.activity_id);
  req.set_run_id(t.run_id);
  req.set_identity(ctx.identity());
  req.set_resource_id("activity:" + t.activity_id);
  req.set_request_id(new_uuid());
}

void jitter(const std::string& text, google::protobuf::Duration* out) {
  if (!text.empty()) to_proto(parse_duration("--jitter", text), out);
}

void done(const WorkflowActivities& t, std::string_view field, std::string_view past, Context& ctx) {
  auto& out = ctx.printer();
  if (out.json()) {
    out.document({{"activityId", t.activity_id}, {"runId", t.run_id}, {std::string(field), true}});
  } else if (out.text()) {
    ctx.err << past << " standalone activity " << t.activity_id << "\n";
  }
}

std::string check(const Context& ctx, const WorkflowActivities& t) {
  return check_with(ctx, "activity describe -a " + t.activity_id);
}

}  // namespace

int pause_standalone(const PauseOptions& opts, Context& ctx) {
  wsv::PauseActivityExecutionRequest req;
  fill(opts.target, req, ctx);
  req.set_reason(opts.reason);
  call_change<wsv::PauseActivityExecutionResponse>(ctx, req, check(ctx, opts.target));
  done(opts.target, "paused", "Paused", ctx);
  return 0;
}

int unpause_standalone(const UnpauseOptions& opts, Context& ctx) {
  if (opts.reset_attempts || opts.reset_heartbeats) {
    throw usage_error("--reset-attempts and --reset-heartbeats are for activities of a workflow; for a standalone "
                      "activity use `activity reset`");
  }
  wsv::UnpauseActivityExecutionRequest req;
  fill(opts.target, req, ctx);
  req.set_reason(opts.target.reason);
  jitter(opts.jitter, req.mutable_jitter());
  call_change<wsv::UnpauseActivityExecutionResponse>(ctx, req, check(ctx, opts.target));
  done(opts.target, "unpaused", "Unpaused", ctx);
  return 0;
}

int reset_standalone(const ResetOptions& opts, Context& ctx) {
  wsv::ResetActivityExecutionRequest req;
  fill(opts.target, req, ctx);
  req.set_reset_heartbeat(opts.reset_heartbeats);
  req.set_keep_paused(opts.keep_paused);
  req.set_restore_original_options(opts.restore_original_options);
  jitter(opts.jitter, req.mutable_jitter());
  call_change<wsv::ResetActivityExecutionResponse>(ctx, req, check(ctx, opts.target));
  done(opts.target, "reset", "Reset", ctx);
  return 0;
}

temporal::api::activity::v1::ActivityOptions update_standalone(const WorkflowActivities& t,
                                                               const temporal::api::activity::v1::ActivityOptions& o,
                                                               const google::protobuf::FieldMask& mask,
                                                               bool restore_original, Context& ctx) {
  wsv::UpdateActivityExecutionOptionsRequest req;
  fill(t, req, ctx);
  if (mask.paths_size() > 0) {
    *req.mutable_activity_options() = o;
    *req.mutable_update_mask() = mask;
  }
  req.set_restore_original(restore_original);
  return call_change<wsv::UpdateActivityExecutionOptionsResponse>(ctx, req, check(ctx, t)).activity_options();
}

}  // namespace twctl::ops::activity
