#include "ops/workflow/signal.hpp"

#include "ops/outcome.hpp"

#include "ops/workflow/common.hpp"
#include "ops/workflow/from_file.hpp"
#include "payload/payload.hpp"
#include "ops/workflow/target.hpp"

#include "core/error.hpp"
#include "core/ids.hpp"

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;

wsv::SignalWorkflowExecutionRequest build_signal_request(const SignalOptions& opts, Context& ctx) {
  if (opts.name.empty()) throw usage_error("--name must not be empty");
  wsv::SignalWorkflowExecutionRequest req;
  req.set_namespace_(ctx.namespace_());
  *req.mutable_workflow_execution() = to_proto(opts.target.ref);
  req.set_signal_name(opts.name);
  auto input = payload::build(opts.input, "input", &ctx.in);
  if (input.payloads_size() > 0) *req.mutable_input() = std::move(input);
  auto headers = payload::key_json_map("--headers", opts.headers);
  if (!headers.empty()) *req.mutable_header()->mutable_fields() = std::move(headers);
  req.set_identity(ctx.identity());
  req.set_request_id(new_uuid());
  return req;
}

int signal(const SignalOptions& opts, Context& ctx) {
  if (opts.bulk.given()) return signal_from_file(opts, ctx);
  check_not_bulk(opts.bulk, false);
  validate_target(opts.target, false);
  if (opts.name.empty()) throw usage_error("--name is required (or --from-file, with \"name\" on each line)");
  if (opts.target.batch()) {
    auto input = payload::build(opts.input, "input", &ctx.in);
    auto headers = payload::key_json_map("--headers", opts.headers);
    const auto& identity = ctx.identity();
    return run_batch(opts.target, ctx, "Signal", [&](wsv::StartBatchOperationRequest& req) {
      auto* op = req.mutable_signal_operation();
      op->set_signal(opts.name);
      if (input.payloads_size() > 0) *op->mutable_input() = input;
      if (!headers.empty()) *op->mutable_header()->mutable_fields() = headers;
      op->set_identity(identity);
    });
  }
  auto req = build_signal_request(opts, ctx);
  call_change<wsv::SignalWorkflowExecutionResponse>(
      ctx, req, check_with(ctx, "workflow show -w " + opts.target.ref.workflow_id,
                           " (a WorkflowExecutionSignaled event " + opts.name + " near the end?)"));
  auto& out = ctx.printer();
  if (out.json()) {
    out.document({{"workflowId", opts.target.ref.workflow_id}, {"runId", opts.target.ref.run_id}, {"signal", opts.name}});
  } else if (out.text()) {
    ctx.err << "Signal " << opts.name << " sent to workflow " << opts.target.ref.workflow_id << "\n";
  }
  return 0;
}

}  // namespace twctl::ops::workflow
