#include "ops/workflow/count.hpp"

#include "output/proto_json.hpp"
#include "payload/payload.hpp"

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;

int count(const CountOptions& opts, Context& ctx) {
  wsv::CountWorkflowExecutionsRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_query(opts.query);
  auto resp = client::call<wsv::CountWorkflowExecutionsResponse>(ctx.gateway(), req);
  auto& out = ctx.printer();
  if (out.record(resp, true)) return 0;
  if (!out.text()) {
    out.document(output::proto_to_json(resp, true));
    return 0;
  }
  std::string text = "Total: " + std::to_string(resp.count()) + "\n";
  for (const auto& g : resp.groups()) {
    auto values = nlohmann::ordered_json::array();
    for (const auto& v : g.group_values()) values.push_back(payload::to_json(v, true));
    text += "Group total: " + std::to_string(g.count()) + ", values: " + values.dump() + "\n";
  }
  out.write(text);
  return 0;
}

}  // namespace twctl::ops::workflow
