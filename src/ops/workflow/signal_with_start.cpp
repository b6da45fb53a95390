#include "ops/workflow/signal_with_start.hpp"

#include "ops/outcome.hpp"

#include "payload/payload.hpp"

#include "core/error.hpp"
#include "message/same_fields.hpp"
#include "ops/workflow/start.hpp"

#include <fmt/format.h>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;

int signal_with_start(const SignalWithStartOptions& opts, Context& ctx) {
  if (opts.start.workflow_id.empty()) throw usage_error("--workflow-id is required for signal-with-start");
  if (opts.signal_name.empty()) throw usage_error("--signal-name must not be empty");
  auto start = build_start_request(opts.start, ctx);
  auto signal_input = payload::build(opts.signal_input, "signal-input", &ctx.in);
  // The start request's fields, which SignalWithStart repeats under the same names.
  wsv::SignalWithStartWorkflowExecutionRequest req;
  if (auto dropped = message::copy_same_fields(start, req); !dropped.empty()) {
    throw Error(ErrorKind::General, fmt::format("signal-with-start cannot send the start's {}", fmt::join(dropped, ", ")));
  }
  req.set_signal_name(opts.signal_name);
  if (signal_input.payloads_size() > 0) *req.mutable_signal_input() = std::move(signal_input);

  auto resp = call_change<wsv::SignalWithStartWorkflowExecutionResponse>(
      ctx, req, check_with(ctx, "workflow show -w " + req.workflow_id(), " (started, and signaled?)"));
  auto& out = ctx.printer();
  if (out.text()) {
    auto card = started_card(start, resp.run_id());
    card.emplace_back("Started", resp.started() ? "true" : "false (already running)");
    card.emplace_back("Signal", opts.signal_name);
    out.write(out.style().magenta("Running execution:") + "\n" + output::render_card(card, out.style()));
  } else {
    auto j = started_json(start, resp.run_id(), resp.started());
    j["signalName"] = opts.signal_name;
    out.document(j);
  }
  return 0;
}

}  // namespace twctl::ops::workflow
