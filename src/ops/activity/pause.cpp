// `activity pause | unpause | reset`: the activities of one workflow run.
#include "core/duration.hpp"
#include "core/error.hpp"
#include "ops/outcome.hpp"
#include "core/ids.hpp"
#include "ops/activity/activity.hpp"
#include "ops/activity/batch.hpp"
#include "ops/activity/standalone_ops.hpp"
#include "ops/workflow/target.hpp"

#include <fmt/format.h>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::activity {

namespace wsv = temporal::api::workflowservice::v1;

namespace {

// The target fields every one of these requests has; which activities: returned as (json key, value, words).
struct Picked {
  std::string key;
  nlohmann::ordered_json value;
  std::string words;
};

Picked check(const WorkflowActivities& t, bool match_all_allowed) {
  check_single(t, match_all_allowed);
  if (!t.activity_id.empty()) return {"activityId", t.activity_id, "activity " + t.activity_id};
  if (!t.activity_type.empty()) return {"activityType", t.activity_type, "activities of type " + t.activity_type};
  return {"matchAll", true, "all activities"};
}

template <typename Req>
void fill(const WorkflowActivities& t, Req& req, Context& ctx) {
  req.set_namespace_(ctx.namespace_());
  req.mutable_execution()->set_workflow_id(t.workflow_id);
  req.mutable_execution()->set_run_id(t.run_id);
  req.set_identity(ctx.identity());
  if (!t.activity_id.empty()) req.set_id(t.activity_id);
  if (!t.activity_type.empty()) req.set_type(t.activity_type);
}

void set_jitter(const std::string& text, google::protobuf::Duration* out) {
  if (!text.empty()) to_proto(parse_duration("--jitter", text), out);
}

void done(const WorkflowActivities& t, const Picked& p, std::string_view verb, std::string_view past, Context& ctx) {
  auto& out = ctx.printer();
  if (out.json()) {
    out.document({{"workflowId", t.workflow_id}, {"runId", t.run_id}, {p.key, p.value}, {std::string(verb), true}});
  } else if (out.text()) {
    ctx.err << past << " " << p.words << " of workflow " << t.workflow_id << "\n";
  }
}

}  // namespace

int pause(const PauseOptions& opts, Context& ctx) {
  if (is_standalone(opts.target)) return pause_standalone(opts, ctx);
  auto picked = check(opts.target, false);
  wsv::PauseActivityRequest req;
  fill(opts.target, req, ctx);
  req.set_reason(opts.reason);
  req.set_request_id(new_uuid());
  call_change<wsv::PauseActivityResponse>(ctx, req, check_with(ctx, "workflow describe -w " + opts.target.workflow_id));
  done(opts.target, picked, "paused", "Paused", ctx);
  return 0;
}

int unpause(const UnpauseOptions& opts, Context& ctx) {
  if (is_batch(opts.target)) {
    auto batch = batch_target(opts.target);
    return workflow::run_batch(batch, ctx, "Unpause activities of", [&](wsv::StartBatchOperationRequest& req) {
      auto* op = req.mutable_unpause_activities_operation();
      op->set_identity(ctx.identity());
      if (opts.target.activity_type.empty()) op->set_match_all(true);
      else op->set_type(opts.target.activity_type);
      op->set_reset_attempts(opts.reset_attempts);
      op->set_reset_heartbeat(opts.reset_heartbeats);
      set_jitter(opts.jitter, op->mutable_jitter());
    });
  }
  if (is_standalone(opts.target)) return unpause_standalone(opts, ctx);
  auto picked = check(opts.target, true);
  wsv::UnpauseActivityRequest req;
  fill(opts.target, req, ctx);
  if (opts.target.match_all) req.set_unpause_all(true);
  req.set_reset_attempts(opts.reset_attempts);
  req.set_reset_heartbeat(opts.reset_heartbeats);
  set_jitter(opts.jitter, req.mutable_jitter());
  call_change<wsv::UnpauseActivityResponse>(ctx, req, check_with(ctx, "workflow describe -w " + opts.target.workflow_id));
  done(opts.target, picked, "unpaused", "Unpaused", ctx);
  return 0;
}

int reset(const ResetOptions& opts, Context& ctx) {
  if (is_batch(opts.target)) {
    auto batch = batch_target(opts.target);
    return workflow::run_batch(batch, ctx, "Reset activities of", [&](wsv::StartBatchOperationRequest& req) {
      auto* op = req.mutable_reset_activities_operation();
      op->set_identity(ctx.identity());
      if (opts.target.activity_type.empty()) op->set_match_all(true);
      else op->set_type(opts.target.activity_type);
      op->set_reset_attempts(true);
      op->set_reset_heartbeat(opts.reset_heartbeats);
      op->set_keep_paused(opts.keep_paused);
      op->set_restore_original_options(opts.restore_original_options);
      set_jitter(opts.jitter, op->mutable_jitter());
    });
  }
  if (is_standalone(opts.target)) return reset_standalone(opts, ctx);
  auto picked = check(opts.target, true);
  wsv::ResetActivityRequest req;
  fill(opts.target, req, ctx);
  if (opts.target.match_all) req.set_match_all(true);
  req.set_reset_heartbeat(opts.reset_heartbeats);
  req.set_keep_paused(opts.keep_paused);
  req.set_restore_original_options(opts.restore_original_options);
  set_jitter(opts.jitter, req.mutable_jitter());
  call_change<wsv::ResetActivityResponse>(ctx, req, check_with(ctx, "workflow describe -w " + opts.target.workflow_id));
  done(opts.target, picked, "reset", "Reset", ctx);
  return 0;
}

}  // namespace twctl::ops::activity
