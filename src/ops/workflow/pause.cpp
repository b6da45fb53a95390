// pause and unpause: the server stops (or resumes) dispatching the workflow's tasks; its status reads Paused.
#include "ops/outcome.hpp"
#include "ops/workflow/pause.hpp"

#include "core/error.hpp"
#include "core/ids.hpp"
#include "ops/workflow/common.hpp"

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;

namespace {

template <typename Resp, typename Req>
void send(const PauseOptions& opts, Context& ctx, Req req) {
  if (opts.ref.workflow_id.empty()) throw usage_error("-w/--workflow-id must not be empty");
  req.set_namespace_(ctx.namespace_());
  req.set_workflow_id(opts.ref.workflow_id);
  req.set_run_id(opts.ref.run_id);
  req.set_identity(ctx.identity());
  req.set_reason(opts.reason);
  req.set_request_id(new_uuid());  // the server de-duplicates a retried request
  call_change<Resp>(ctx, req, check_with(ctx, "workflow describe -w " + opts.ref.workflow_id, " (its status)"));
}

}  // namespace

int pause(const PauseOptions& opts, Context& ctx) {
  send<wsv::PauseWorkflowExecutionResponse>(opts, ctx, wsv::PauseWorkflowExecutionRequest());
  confirm_done(ctx, opts.ref, "paused", "Paused workflow");
  return 0;
}

int unpause(const PauseOptions& opts, Context& ctx) {
  send<wsv::UnpauseWorkflowExecutionResponse>(opts, ctx, wsv::UnpauseWorkflowExecutionRequest());
  confirm_done(ctx, opts.ref, "unpaused", "Unpaused workflow");
  return 0;
}

}  // namespace twctl::ops::workflow
