// The three ways to stop workflows that take only a target: cancel (ask), terminate (force), delete (remove).
#include "ops/outcome.hpp"
#include "ops/workflow/stop.hpp"

#include "ops/workflow/common.hpp"
#include "ops/workflow/target.hpp"

#include "core/error.hpp"
#include "core/ids.hpp"

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;

int cancel(const CancelOptions& opts, Context& ctx) {
  const auto& t = opts.target;
  validate_target(t, true);
  const auto& identity = ctx.identity();
  if (t.batch()) {
    return run_batch(t, ctx, "Cancel", [&](wsv::StartBatchOperationRequest& req) {
      req.mutable_cancellation_operation()->set_identity(identity);
    });
  }
  wsv::RequestCancelWorkflowExecutionRequest req;
  req.set_namespace_(ctx.namespace_());
  *req.mutable_workflow_execution() = to_proto(t.ref);
  req.set_identity(identity);
  req.set_request_id(new_uuid());
  req.set_reason(t.reason);
  call_change<wsv::RequestCancelWorkflowExecutionResponse>(
      ctx, req, check_with(ctx, "workflow show -w " + t.ref.workflow_id, " (a WorkflowExecutionCancelRequested event?)"));
  confirm_done(ctx, t.ref, "cancelRequested", "Cancellation requested for workflow");
  return 0;
}

int terminate(const TerminateOptions& opts, Context& ctx) {
  const auto& t = opts.target;
  validate_target(t, true);
  const auto& identity = ctx.identity();
  if (t.batch()) {
    return run_batch(t, ctx, "Terminate", [&](wsv::StartBatchOperationRequest& req) {
      req.mutable_termination_operation()->set_identity(identity);
    });
  }
  wsv::TerminateWorkflowExecutionRequest req;
  req.set_namespace_(ctx.namespace_());
  *req.mutable_workflow_execution() = to_proto(t.ref);
  req.set_reason(t.reason.empty() ? default_reason(ctx) : t.reason);
  req.set_identity(identity);
  call_change<wsv::TerminateWorkflowExecutionResponse>(
      ctx, req, check_with(ctx, "workflow describe -w " + t.ref.workflow_id, " (status Terminated?)"));
  confirm_done(ctx, t.ref, "terminated", "Terminated workflow");
  return 0;
}

int delete_workflow(const DeleteOptions& opts, Context& ctx) {
  const auto& t = opts.target;
  validate_target(t, false);
  if (t.batch()) {
    return run_batch(t, ctx, "Delete", [&](wsv::StartBatchOperationRequest& req) {
      req.mutable_deletion_operation()->set_identity(ctx.identity());
    });
  }
  wsv::DeleteWorkflowExecutionRequest req;
  req.set_namespace_(ctx.namespace_());
  *req.mutable_workflow_execution() = to_proto(t.ref);
  call_change<wsv::DeleteWorkflowExecutionResponse>(
      ctx, req, check_with(ctx, "workflow describe -w " + t.ref.workflow_id, " (not found once deleted)"));
  confirm_done(ctx, t.ref, "deleted", "Deleted workflow");
  return 0;
}

}  // namespace twctl::ops::workflow
