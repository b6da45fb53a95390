#include "ops/workflow/result.hpp"

#include "ops/workflow/history.hpp"
#include "output/proto_json.hpp"
#include "payload/payload.hpp"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;

int result(const ResultOptions& opts, Context& ctx) {
  auto ex = to_proto(opts.ref);
  if (ex.run_id().empty()) {
    // Pin the latest run now, so the output can say which run closed (close events do not carry it).
    wsv::DescribeWorkflowExecutionRequest req;
    req.set_namespace_(ctx.globals.connection.namespace_);
    *req.mutable_execution() = ex;
    ex.set_run_id(ctx.gateway().describe_workflow(req).workflow_execution_info().execution().run_id());
  }
  auto close = wait_for_close(ctx, ex, true);
  auto o = outcome_of(close);
  bool shorthand = ctx.globals.shorthand_payloads;
  auto& out = ctx.printer();
  if (out.text()) {
    out.write(out.style().magenta("Results:") + "\n" + output::render_card(outcome_card(o, shorthand, out.style()), out.style()));
  } else {
    nlohmann::ordered_json j{{"workflowId", ex.workflow_id()},
                             {"runId", ex.run_id()},
                             {"namespace", ctx.globals.connection.namespace_},
                             {"status", o.status},
                             {"closeEvent", output::proto_to_json(close, shorthand)}};
    if (o.status == "COMPLETED") j["result"] = payload::result_to_json(o.result, shorthand);
    out.document(j);
  }
  if (o.status != "COMPLETED") throw outcome_error(o, shorthand);
  return 0;
}

}  // namespace twctl::ops::workflow
