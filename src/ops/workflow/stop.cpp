// The three ways to stop workflows that take only a target: cancel (ask), terminate (force), delete (remove).
#include "ops/workflow/stop.hpp"

#include "core/error.hpp"
#include "core/ids.hpp"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;

namespace {

// The confirmation of a single-workflow action: JSON on stdout in JSON modes, a line on stderr in text.
void confirm_done(Context& ctx, const Target& t, std::string_view field, std::string_view line) {
  auto& out = ctx.printer();
  if (out.json()) {
    out.document({{"workflowId", t.ref.workflow_id}, {"runId", t.ref.run_id}, {std::string(field), true}});
  } else if (out.text()) {
    ctx.err << line << " " << t.ref.workflow_id << "\n";
  }
}

}  // namespace

int cancel(const CancelOptions& opts, Context& ctx) {
  const auto& t = opts.target;
  validate_target(t, true);
  const auto& identity = ctx.globals.connection.identity;
  if (t.batch()) {
    return run_batch(t, ctx, "Cancel", [&](wsv::StartBatchOperationRequest& req) {
      req.mutable_cancellation_operation()->set_identity(identity);
    });
  }
  wsv::RequestCancelWorkflowExecutionRequest req;
  req.set_namespace_(ctx.globals.connection.namespace_);
  *req.mutable_workflow_execution() = to_proto(t.ref);
  req.set_identity(identity);
  req.set_request_id(new_uuid());
  req.set_reason(t.reason);
  ctx.gateway().cancel_workflow(req);
  confirm_done(ctx, t, "cancelRequested", "Cancellation requested for workflow");
  return 0;
}

int terminate(const TerminateOptions& opts, Context& ctx) {
  const auto& t = opts.target;
  validate_target(t, true);
  const auto& identity = ctx.globals.connection.identity;
  if (t.batch()) {
    return run_batch(t, ctx, "Terminate", [&](wsv::StartBatchOperationRequest& req) {
      req.mutable_termination_operation()->set_identity(identity);
    });
  }
  wsv::TerminateWorkflowExecutionRequest req;
  req.set_namespace_(ctx.globals.connection.namespace_);
  *req.mutable_workflow_execution() = to_proto(t.ref);
  req.set_reason(t.reason.empty() ? default_reason(ctx) : t.reason);
  req.set_identity(identity);
  ctx.gateway().terminate_workflow(req);
  confirm_done(ctx, t, "terminated", "Terminated workflow");
  return 0;
}

int delete_workflow(const DeleteOptions& opts, Context& ctx) {
  const auto& t = opts.target;
  validate_target(t, false);
  if (t.batch()) {
    return run_batch(t, ctx, "Delete", [&](wsv::StartBatchOperationRequest& req) {
      req.mutable_deletion_operation()->set_identity(ctx.globals.connection.identity);
    });
  }
  wsv::DeleteWorkflowExecutionRequest req;
  req.set_namespace_(ctx.globals.connection.namespace_);
  *req.mutable_workflow_execution() = to_proto(t.ref);
  ctx.gateway().delete_workflow(req);
  confirm_done(ctx, t, "deleted", "Deleted workflow");
  return 0;
}

}  // namespace twctl::ops::workflow
