#include "ops/workflow/cancel.hpp"

#include "core/ids.hpp"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;

int cancel(const CancelOptions& opts, Context& ctx) {
  wsv::RequestCancelWorkflowExecutionRequest req;
  req.set_namespace_(ctx.globals.connection.namespace_);
  *req.mutable_workflow_execution() = to_proto(opts.ref);
  req.set_identity(ctx.globals.connection.identity);
  req.set_request_id(new_uuid());
  req.set_reason(opts.reason);
  ctx.gateway().cancel_workflow(req);
  auto& out = ctx.printer();
  if (out.json()) {
    out.document({{"workflowId", opts.ref.workflow_id}, {"runId", opts.ref.run_id}, {"cancelRequested", true}});
  } else if (out.text()) {
    // A confirmation, not data: stderr, so stdout stays empty in text mode.
    ctx.err << "Cancellation requested for workflow " << opts.ref.workflow_id << "\n";
  }
  return 0;
}

}  // namespace twctl::ops::workflow
