#include "ops/workflow/result.hpp"

#include "ops/workflow/common.hpp"

#include "ops/workflow/history.hpp"
#include "output/proto_json.hpp"
#include "payload/payload.hpp"

#include <fmt/format.h>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;

int result(const ResultOptions& opts, Context& ctx) {
  auto ex = to_proto(opts.ref);
  if (ex.run_id().empty()) {
    // Pin the latest run now, so the output can say which run closed (close events do not carry it).
    wsv::DescribeWorkflowExecutionRequest req;
    req.set_namespace_(ctx.namespace_());
    *req.mutable_execution() = ex;
    ex.set_run_id(client::call<wsv::DescribeWorkflowExecutionResponse>(ctx.gateway(), req).workflow_execution_info().execution().run_id());
  }
  auto close = wait_for_close(ctx, ex, true);
  return print_result(ctx, ex, close);
}

int print_result(Context& ctx, const WorkflowExecution& ex, const HistoryEvent& close, const ResultExtras& extras) {
  auto o = outcome_of(close);
  bool shorthand = ctx.globals.shorthand_payloads;
  auto& out = ctx.printer();
  if (out.text()) {
    output::Card card;
    if (extras.run_time) card.emplace_back("RunTime", fmt::format("{:.2f}s", extras.run_time->count() / 1000.0));
    for (auto& row : outcome_card(o, shorthand, out.style())) card.push_back(std::move(row));
    out.write(out.style().magenta("Results:") + "\n" + output::render_card(card, out.style()));
  } else {
    nlohmann::ordered_json j{{"workflowId", ex.workflow_id()}, {"runId", ex.run_id()}};
    if (!extras.type.empty()) j["type"] = extras.type;
    j["namespace"] = ctx.namespace_();
    if (!extras.task_queue.empty()) j["taskQueue"] = extras.task_queue;
    if (extras.run_time) j["durationMillis"] = extras.run_time->count();
    j["status"] = o.status;
    j["closeEvent"] = output::proto_to_json(close, shorthand);
    if (o.status == "COMPLETED") j["result"] = payload::result_to_json(o.result, shorthand);
    if (extras.history) j["history"] = *extras.history;
    out.document(j);
  }
  if (o.status != "COMPLETED") throw outcome_error(o, shorthand);
  return 0;
}

}  // namespace twctl::ops::workflow
