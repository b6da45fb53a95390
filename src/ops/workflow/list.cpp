#include "ops/workflow/list.hpp"

#include "core/error.hpp"
#include "ops/workflow/common.hpp"
#include "output/proto_json.hpp"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;

int list(const ListOptions& opts, Context& ctx) {
  if (opts.limit < 0) throw usage_error("--limit must not be negative");
  if (opts.page_size < 0) throw usage_error("--page-size must not be negative");
  wsv::ListWorkflowExecutionsRequest req;
  req.set_namespace_(ctx.globals.connection.namespace_);
  req.set_query(opts.query);
  int page_size = opts.page_size;
  if (opts.limit > 0 && (page_size == 0 || opts.limit < page_size)) page_size = opts.limit;
  req.set_page_size(page_size);

  auto& out = ctx.printer();
  bool shorthand = ctx.globals.shorthand_payloads;
  output::ListWriter items(out);
  output::Table table{{{"Status", false, true}, {"WorkflowId"}, {"Type"}, {"StartTime"}}, {}};
  bool header = true;
  int printed = 0;
  for (;;) {
    auto resp = ctx.gateway().list_workflows(req);
    table.rows.clear();
    for (const auto& info : resp.executions()) {
      if (opts.limit > 0 && printed >= opts.limit) break;
      ++printed;
      if (out.text()) {
        table.rows.push_back({status_text(info.status()), info.execution().workflow_id(), info.type().name(),
                              info.has_start_time() ? format_time(info.start_time(), ctx.globals.time_format, ctx.now())
                                                    : std::string()});
      } else {
        items.add(output::proto_to_json(info, shorthand));
      }
    }
    if (out.text() && (header || !table.rows.empty())) {
      out.write(output::render_table(table, header, out.style()));
      header = false;
    }
    if (!out.ok()) return 0;  // the reader went away (e.g. `| head`)
    if (resp.next_page_token().empty() || (opts.limit > 0 && printed >= opts.limit)) break;
    req.set_next_page_token(resp.next_page_token());
  }
  items.finish();
  return 0;
}

}  // namespace twctl::ops::workflow
