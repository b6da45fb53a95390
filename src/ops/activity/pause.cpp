// `activity pause | unpause | reset`: the activities of one workflow run.
#include "core/duration.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "ops/activity/activity.hpp"

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
  if (t.workflow_id.empty()) throw usage_error("--workflow-id is required: the workflow whose activities to act on");
  int given = (t.activity_id.empty() ? 0 : 1) + (t.activity_type.empty() ? 0 : 1) + (t.match_all ? 1 : 0);
  if (given != 1) {
    throw usage_error(match_all_allowed ? "give exactly one of --activity-id, --activity-type and --match-all"
                                        : "give exactly one of --activity-id and --activity-type");
  }
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
  auto picked = check(opts.target, false);
  wsv::PauseActivityRequest req;
  fill(opts.target, req, ctx);
  req.set_reason(opts.reason);
  req.set_request_id(new_uuid());
  client::call<wsv::PauseActivityResponse>(ctx.gateway(), req);
  done(opts.target, picked, "paused", "Paused", ctx);
  return 0;
}

int unpause(const UnpauseOptions& opts, Context& ctx) {
  auto picked = check(opts.target, true);
  wsv::UnpauseActivityRequest req;
  fill(opts.target, req, ctx);
  if (opts.target.match_all) req.set_unpause_all(true);
  req.set_reset_attempts(opts.reset_attempts);
  req.set_reset_heartbeat(opts.reset_heartbeats);
  set_jitter(opts.jitter, req.mutable_jitter());
  client::call<wsv::UnpauseActivityResponse>(ctx.gateway(), req);
  done(opts.target, picked, "unpaused", "Unpaused", ctx);
  return 0;
}

int reset(const ResetOptions& opts, Context& ctx) {
  auto picked = check(opts.target, true);
  wsv::ResetActivityRequest req;
  fill(opts.target, req, ctx);
  if (opts.target.match_all) req.set_match_all(true);
  req.set_reset_heartbeat(opts.reset_heartbeats);
  req.set_keep_paused(opts.keep_paused);
  req.set_restore_original_options(opts.restore_original_options);
  set_jitter(opts.jitter, req.mutable_jitter());
  client::call<wsv::ResetActivityResponse>(ctx.gateway(), req);
  done(opts.target, picked, "reset", "Reset", ctx);
  return 0;
}

}  // namespace twctl::ops::activity
