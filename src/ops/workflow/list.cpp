#include "ops/workflow/list.hpp"

#include "core/error.hpp"
#include "ops/workflow/common.hpp"
#include "output/paged_list.hpp"
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
  output::PagedList list(out, {{"Status", false, true}, {"WorkflowId"}, {"Type"}, {"StartTime"}}, opts.limit);
  for (;;) {
    auto resp = ctx.gateway().list_workflows(req);
    for (const auto& info : resp.executions()) {
      if (!list.room()) break;
      if (out.text()) {
        list.add_row({status_text(info.status()), info.execution().workflow_id(), info.type().name(),
                      info.has_start_time() ? format_time(info.start_time(), ctx.globals.time_format, ctx.now())
                                            : std::string()});
      } else {
        list.add_json(output::proto_to_json(info, shorthand));
      }
    }
    if (!list.end_page(!resp.next_page_token().empty())) break;
    req.set_next_page_token(resp.next_page_token());
  }
  list.finish();
  return 0;
}

}  // namespace twctl::ops::workflow
