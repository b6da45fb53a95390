// `activity cancel | terminate | delete`: one standalone activity (-a, -r) or a batch of them (-q).
#include "core/error.hpp"
#include "core/ids.hpp"
#include "ops/activity/standalone.hpp"
#include "ops/activity/standalone_common.hpp"
#include "ops/confirm.hpp"
#include "ops/outcome.hpp"
#include "ops/workflow/target.hpp"

#include <fmt/format.h>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::activity {

namespace wsv = temporal::api::workflowservice::v1;

namespace {

// Exactly one of -a and -q; -r only with -a; --rps and --wait only with -q. The batch as a workflow::Target,
// which run_batch takes.
workflow::Target checked(const StopTarget& t) {
  if (t.ref.activity_id.empty() == t.query.empty()) {
    throw usage_error("give exactly one of -a/--activity-id (one activity) and -q/--query (a batch)");
  }
  if (!t.query.empty() && !t.ref.run_id.empty()) throw usage_error("-r/--run-id cannot be used with -q/--query");
  if (t.query.empty() && t.rps != 0) throw usage_error("--rps is for batches: use it with -q/--query");
  if (t.query.empty() && t.wait) throw usage_error("--wait is for batches: use it with -q/--query");
  if (t.rps < 0) throw usage_error("--rps must not be negative");
  return {.ref = {}, .query = t.query, .reason = t.reason, .yes = t.yes, .rps = t.rps, .wait = t.wait};
}

// {"activityId", "runId", <field>: true} (json) or "<line> activity <ID>" on stderr (text).
void done(Context& ctx, const StandaloneRef& ref, std::string_view field, std::string_view line) {
  auto& out = ctx.printer();
  if (out.json()) {
    out.document({{"activityId", ref.activity_id}, {"runId", ref.run_id}, {std::string(field), true}});
  } else if (out.text()) {
    ctx.err << line << " activity " << ref.activity_id << "\n";
  }
}

std::string check(const Context& ctx, const StandaloneRef& ref) {
  return check_with(ctx, "activity describe -a " + ref.activity_id);
}

}  // namespace

int cancel(const StopTarget& t, Context& ctx) {
  auto batch = checked(t);
  const auto& identity = ctx.identity();
  if (!t.query.empty()) {
    return workflow::run_batch(
        batch, ctx, "Cancel",
        [&](wsv::StartBatchOperationRequest& req) {
          auto* op = req.mutable_cancel_activities_operation();
          op->set_identity(identity);
          op->set_reason(t.reason);
        },
        workflow::BatchOf::Activities);
  }
  wsv::RequestCancelActivityExecutionRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_activity_id(t.ref.activity_id);
  req.set_run_id(t.ref.run_id);
  req.set_identity(identity);
  req.set_request_id(new_uuid());
  req.set_reason(t.reason);
  call_change<wsv::RequestCancelActivityExecutionResponse>(ctx, req, check(ctx, t.ref));
  done(ctx, t.ref, "cancelRequested", "Cancellation requested for");
  return 0;
}

int terminate(const StopTarget& t, Context& ctx) {
  auto batch = checked(t);
  const auto& identity = ctx.identity();
  auto reason = t.reason.empty() ? workflow::default_reason(ctx) : t.reason;
  if (!t.query.empty()) {
    return workflow::run_batch(
        batch, ctx, "Terminate",
        [&](wsv::StartBatchOperationRequest& req) {
          auto* op = req.mutable_terminate_activities_operation();
          op->set_identity(identity);
          op->set_reason(reason);
        },
        workflow::BatchOf::Activities);
  }
  wsv::TerminateActivityExecutionRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_activity_id(t.ref.activity_id);
  req.set_run_id(t.ref.run_id);
  req.set_identity(identity);
  req.set_request_id(new_uuid());
  req.set_reason(reason);
  call_change<wsv::TerminateActivityExecutionResponse>(ctx, req, check(ctx, t.ref));
  done(ctx, t.ref, "terminated", "Terminated");
  return 0;
}

int delete_activity(const StopTarget& t, Context& ctx) {
  auto batch = checked(t);
  if (!t.query.empty()) {
    return workflow::run_batch(
        batch, ctx, "Delete", [&](wsv::StartBatchOperationRequest& req) { req.mutable_delete_activities_operation(); },
        workflow::BatchOf::Activities);
  }
  std::string what = "standalone activity " + t.ref.activity_id +
                     (t.ref.run_id.empty() ? std::string() : " (run " + t.ref.run_id + ")");
  confirm(ctx, t.yes, fmt::format("Delete {}? y/N", what), fmt::format("add --yes to delete {}", what));
  wsv::DeleteActivityExecutionRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_activity_id(t.ref.activity_id);
  req.set_run_id(t.ref.run_id);
  call_change<wsv::DeleteActivityExecutionResponse>(ctx, req,
                                                    check_with(ctx, "activity describe -a " + t.ref.activity_id,
                                                               " (not found once deleted)"));
  done(ctx, t.ref, "deleted", "Deleted");
  return 0;
}

}  // namespace twctl::ops::activity
