#include "ops/workflow/show.hpp"

#include "ops/workflow/history.hpp"
#include "output/proto_json.hpp"

namespace twctl::ops::workflow {

int show(const ShowOptions& opts, Context& ctx) {
  auto& out = ctx.printer();
  auto ex = to_proto(opts.ref);
  output::ListWriter items(out, out.mode() == output::OutputMode::Json ? "events" : "");
  output::Table table{{{"ID", true}, {"Time"}, {"Type", false, true}}, {}};
  bool header = true;
  std::optional<HistoryEvent> last_close;
  auto flush_rows = [&] {
    if (!out.text() || (table.rows.empty() && !header)) return;
    out.write((header ? out.style().magenta("Progress:") + "\n" : std::string()) +
              output::render_table(table, header, out.style()));
    header = false;
    table.rows.clear();
  };
  for_each_event(ctx, ex, [&](const HistoryEvent& e) {
    if (out.text()) {
      table.rows.push_back({std::to_string(e.event_id()),
                            format_time(e.event_time(), TimeFormat::Iso, ctx.now()), event_type_name(e)});
      if (table.rows.size() >= 256) flush_rows();
    } else {
      items.add(e);
    }
    if (is_close_event(e)) last_close = e;
    return out.ok();
  });
  flush_rows();
  items.finish();
  if (out.text() && last_close) {
    out.write("\n" + out.style().magenta("Results:") + "\n" +
              output::render_card(outcome_card(outcome_of(*last_close), ctx.globals.shorthand_payloads, out.style()),
                                  out.style()));
  }
  return 0;
}

}  // namespace twctl::ops::workflow
