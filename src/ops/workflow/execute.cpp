#include "ops/workflow/execute.hpp"

#include "ops/outcome.hpp"

#include "ops/workflow/common.hpp"
#include "ops/workflow/start.hpp"

#include "ops/workflow/history.hpp"
#include "ops/workflow/result.hpp"
#include "output/proto_json.hpp"

#include <chrono>
#include <functional>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;

namespace {

// One event as a section: a title line, then its fields with the attributes lifted to the top.
std::string event_section(const HistoryEvent& e, bool shorthand) {
  auto j = output::proto_to_json(e, shorthand);
  nlohmann::ordered_json flat = nlohmann::ordered_json::object();
  for (const auto& [k, v] : j.items()) {
    if (k == "eventId" || k == "eventType") continue;
    if (k.size() > 15 && k.ends_with("EventAttributes") && v.is_object()) {
      for (const auto& [ak, av] : v.items()) flat[ak] = av;
    } else {
      flat[k] = v;
    }
  }
  return "--------------- [" + std::to_string(e.event_id()) + "] " + event_type_name(e) + " ---------------\n" +
         output::render_flat(flat);
}

// Writes the progress to stderr as the events arrive: a streamed table, or sections with --detailed.
class Progress {
 public:
  Progress(Context& ctx, bool detailed)
      : ctx_(ctx), detailed_(detailed), style_(ctx.globals.color && ctx.stderr_tty) {}

  void operator()(const HistoryEvent& e) {
    if (header_) ctx_.err << style_.magenta("Progress:") << "\n";
    if (detailed_) {
      ctx_.err << event_section(e, ctx_.globals.shorthand_payloads);
    } else {
      table_.rows = {{std::to_string(e.event_id()), format_time(e.event_time(), TimeFormat::Iso, ctx_.now()),
                      event_type_name(e)}};
      ctx_.err << output::render_table(table_, header_, style_);
    }
    ctx_.err.flush();
    header_ = false;
  }

 private:
  Context& ctx_;
  bool detailed_;
  output::Style style_;
  // Widths fixed up front, since rows come one at a time.
  output::Table table_{{{"ID", true, false, 3}, {"Time", false, false, 20}, {"Type", false, true, 26}}, {}};
  bool header_ = true;
};

}  // namespace

int execute(const ExecuteOptions& opts, Context& ctx) {
  auto req = build_start_request(opts.start, ctx);
  auto& out = ctx.printer();
  auto began = ctx.now();
  auto resp = call_change<wsv::StartWorkflowExecutionResponse>(
      ctx, req, check_with(ctx, "workflow describe -w " + req.workflow_id()));
  if (out.text()) {
    print_started(ctx, req, resp.run_id(), resp.started(), "following it");
  } else if (!resp.started()) {
    ctx.warn("a run with this workflow ID was already running; following it");
  }
  WorkflowExecution ex;
  ex.set_workflow_id(req.workflow_id());
  ex.set_run_id(resp.run_id());
  HistoryEvent close;
  if (out.text()) {
    Progress progress(ctx, opts.detailed);
    close = follow_history(ctx, ex, std::ref(progress));
    out.write("\n");
  } else {
    close = wait_for_close(ctx, ex, true);
  }
  ResultExtras extras;
  extras.type = req.workflow_type().name();
  extras.task_queue = req.task_queue().name();
  extras.run_time = std::chrono::duration_cast<std::chrono::milliseconds>(ctx.now() - began);
  if (opts.detailed && out.json()) {
    // Protobuf form, no shorthand, as `workflow show -o json`: it replays in the SDKs.
    nlohmann::ordered_json events = nlohmann::ordered_json::array();
    for_each_event(ctx, ex, [&](const HistoryEvent& e) {
      events.push_back(output::proto_to_json(e, false));
      return true;
    }, [](int) { return true; });
    extras.history = nlohmann::ordered_json{{"events", std::move(events)}};
  }
  return print_result(ctx, ex, close, extras);
}

}  // namespace twctl::ops::workflow
