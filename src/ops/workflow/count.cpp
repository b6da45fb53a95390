#include "ops/workflow/count.hpp"

#include "ops/count_print.hpp"

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;

int count(const CountOptions& opts, Context& ctx) {
  wsv::CountWorkflowExecutionsRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_query(opts.query);
  print_count(client::call<wsv::CountWorkflowExecutionsResponse>(ctx.gateway(), req), ctx);
  return 0;
}

}  // namespace twctl::ops::workflow
