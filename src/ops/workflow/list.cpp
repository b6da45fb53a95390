#include "ops/workflow/list.hpp"

#include "core/error.hpp"
#include "ops/workflow/common.hpp"
#include "ops/paging.hpp"

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;

int list(const ListOptions& opts, Context& ctx) {
  wsv::ListWorkflowExecutionsRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_query(opts.query);
  req.set_page_size(list_page_size(opts.limit, opts.page_size));

  output::PagedList list(ctx.printer(), {{"Status", false, true}, {"WorkflowId"}, {"Type"}, {"StartTime"}},
                         opts.limit);
  stream_list<wsv::ListWorkflowExecutionsResponse>(
      ctx, req, list, [](const auto& resp) -> const auto& { return resp.executions(); },
      [&](const auto& info) -> std::vector<std::string> {
        return {status_text(info.status()), info.execution().workflow_id(), info.type().name(),
                info.has_start_time() ? format_time(info.start_time(), ctx.globals.time_format, ctx.now())
                                      : std::string()};
      },
      ctx.globals.shorthand_payloads);
  return 0;
}

}  // namespace twctl::ops::workflow
