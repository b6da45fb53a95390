#include "ops/workflow/query.hpp"

#include "core/error.hpp"
#include "output/proto_json.hpp"

#include <fmt/format.h>

#include "temporal/api/enums/v1/query.pb.h"

namespace twctl::ops::workflow {

namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;

const std::vector<std::string>& reject_conditions() {
  static const std::vector<std::string> v{"not_open", "not_completed_cleanly"};
  return v;
}

int query(const QueryOptions& opts, Context& ctx) {
  if (opts.name.empty()) throw usage_error("--name must not be empty");
  wsv::QueryWorkflowRequest req;
  req.set_namespace_(ctx.globals.connection.namespace_);
  *req.mutable_execution() = to_proto(opts.ref);
  req.mutable_query()->set_query_type(opts.name);
  auto args = payload::build(opts.input, "input", &ctx.in);
  if (args.payloads_size() > 0) *req.mutable_query()->mutable_query_args() = std::move(args);
  if (opts.reject_condition == "not_open") {
    req.set_query_reject_condition(enums::QUERY_REJECT_CONDITION_NOT_OPEN);
  } else if (opts.reject_condition == "not_completed_cleanly") {
    req.set_query_reject_condition(enums::QUERY_REJECT_CONDITION_NOT_COMPLETED_CLEANLY);
  } else if (!opts.reject_condition.empty()) {
    throw usage_error(fmt::format("invalid value \"{}\" for --reject-condition: allowed values are not_open, "
                                  "not_completed_cleanly",
                                  opts.reject_condition));
  }

  auto resp = ctx.gateway().query_workflow(req);
  if (resp.has_query_rejected()) {
    throw Error(ErrorKind::Rejected, fmt::format("query was rejected, workflow has status: {}",
                                                 status_text(resp.query_rejected().status())));
  }
  auto& out = ctx.printer();
  bool shorthand = ctx.globals.shorthand_payloads;
  if (out.text()) {
    auto value = payload::result_to_json(resp.query_result(), shorthand);
    out.write(out.style().magenta("Query result:") + "\n" +
              output::render_card({{"QueryResult", value.dump()}}, out.style()));
  } else {
    out.document(output::proto_to_json(resp, shorthand));
  }
  return 0;
}

}  // namespace twctl::ops::workflow
