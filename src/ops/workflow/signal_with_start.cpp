#include "ops/workflow/signal_with_start.hpp"

#include "core/error.hpp"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;

namespace {

// The start request's fields, which SignalWithStart repeats under the same names.
wsv::SignalWithStartWorkflowExecutionRequest from_start(const wsv::StartWorkflowExecutionRequest& s) {
  wsv::SignalWithStartWorkflowExecutionRequest r;
  r.set_namespace_(s.namespace_());
  r.set_workflow_id(s.workflow_id());
  *r.mutable_workflow_type() = s.workflow_type();
  *r.mutable_task_queue() = s.task_queue();
  if (s.has_input()) *r.mutable_input() = s.input();
  if (s.has_workflow_execution_timeout()) *r.mutable_workflow_execution_timeout() = s.workflow_execution_timeout();
  if (s.has_workflow_run_timeout()) *r.mutable_workflow_run_timeout() = s.workflow_run_timeout();
  if (s.has_workflow_task_timeout()) *r.mutable_workflow_task_timeout() = s.workflow_task_timeout();
  r.set_identity(s.identity());
  r.set_request_id(s.request_id());
  r.set_workflow_id_reuse_policy(s.workflow_id_reuse_policy());
  r.set_workflow_id_conflict_policy(s.workflow_id_conflict_policy());
  r.set_cron_schedule(s.cron_schedule());
  if (s.has_memo()) *r.mutable_memo() = s.memo();
  if (s.has_search_attributes()) *r.mutable_search_attributes() = s.search_attributes();
  if (s.has_header()) *r.mutable_header() = s.header();
  if (s.has_workflow_start_delay()) *r.mutable_workflow_start_delay() = s.workflow_start_delay();
  if (s.has_user_metadata()) *r.mutable_user_metadata() = s.user_metadata();
  return r;
}

}  // namespace

int signal_with_start(const SignalWithStartOptions& opts, Context& ctx) {
  if (opts.start.workflow_id.empty()) throw usage_error("--workflow-id is required for signal-with-start");
  if (opts.signal_name.empty()) throw usage_error("--signal-name must not be empty");
  auto start = build_start_request(opts.start, ctx);
  auto signal_input = payload::build(opts.signal_input, "signal-input", &ctx.in);
  auto req = from_start(start);
  req.set_signal_name(opts.signal_name);
  if (signal_input.payloads_size() > 0) *req.mutable_signal_input() = std::move(signal_input);

  auto resp = ctx.gateway().signal_with_start(req);
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
