#include "ops/workflow/show.hpp"

#include "ops/workflow/common.hpp"
#include "core/error.hpp"

#include "ops/workflow/history.hpp"
#include "ops/workflow/history_text.hpp"
#include "output/paged_list.hpp"

#include <ostream>
#include <set>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;

int show(const ShowOptions& opts, Context& ctx) {
  if (opts.follow && opts.reverse) throw usage_error("--reverse cannot be used with --follow");
  if (opts.limit < 0) throw usage_error("--limit must not be negative");
  std::set<int> types;
  for (const auto& t : opts.event_types) types.insert(enum_number(kEventType, t));
  auto& out = ctx.printer();
  auto ex = to_proto(opts.ref);
  std::string wrap = out.mode() == output::OutputMode::Json ? "events" : "";
  // By field (--fields, -o tsv): the chosen paths of each event. JSON keeps payloads in protobuf form.
  std::optional<output::PagedList> records;
  std::optional<output::ListWriter> items;
  if (out.by_fields()) records.emplace(out, std::vector<output::Column>{}, 0, wrap);
  else items.emplace(out, wrap);
  bool shorthand = !out.json() && ctx.globals.shorthand_payloads;
  HistoryText text(ctx, opts.detailed);
  std::optional<HistoryEvent> close;
  int printed = 0;
  int pending = 0;
  auto print = [&](const HistoryEvent& e) {
    if (!types.empty() && types.count(e.event_type()) == 0) return true;
    if (records) {
      records->add_record(e, shorthand);
      if (++pending % 256 == 0) records->end_page(true);
    } else if (out.text()) {
      text.add(e);
    } else {
      items->add(e);
    }
    // Newest first, the close event comes first; oldest first (and following), the last one counts.
    if (is_close_event(e) && (!opts.reverse || !close)) close = e;
    return out.ok() && (opts.limit == 0 || ++printed < opts.limit);
  };

  // The next page is fetched while this one prints, unless --limit will be reached within this one.
  auto ahead = [&](int n) { return opts.limit == 0 || !types.empty() || printed + n < opts.limit; };
  if (opts.reverse) {
    for_each_event_reverse(ctx, ex, print, ahead);
  } else if (opts.follow) {
    if (ex.run_id().empty()) {
      // Pin the latest run: page tokens are bound to a run, and the new run of a continue-as-new is found by ID.
      wsv::DescribeWorkflowExecutionRequest req;
      req.set_namespace_(ctx.namespace_());
      *req.mutable_execution() = ex;
      ex.set_run_id(client::call<wsv::DescribeWorkflowExecutionResponse>(ctx.gateway(), req).workflow_execution_info().execution().run_id());
    }
    FollowHooks hooks;
    hooks.page_done = [&] {
      text.flush();
      if (items) items->flush();
      if (records) records->end_page(true);
    };
    hooks.moved = [&](const WorkflowExecution& next) {
      if (out.text()) {
        text.flush();
        ctx.err << "Continued as new: following run " << next.run_id() << "\n" << std::flush;
      }
    };
    follow_events(ctx, ex, print, hooks);
  } else {
    for_each_event(ctx, ex, print, ahead);
  }
  text.flush();
  if (items) items->finish();
  if (records) {
    records->end_page(false);
    records->finish();
  }
  if (out.text() && close && !records) {
    // Appended one by one: GCC 12 warns wrongly on "\n" + temporary.
    std::string results = "\n";
    results += out.style().magenta("Results:");
    results += "\n";
    results += output::render_card(outcome_card(outcome_of(*close), ctx.globals.shorthand_payloads, out.style()),
                                   out.style());
    out.write(results);
  }
  return 0;
}

}  // namespace twctl::ops::workflow
