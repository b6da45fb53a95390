#include "ops/workflow/query.hpp"

#include "ops/workflow/common.hpp"
#include "payload/payload.hpp"

#include "core/error.hpp"
#include "output/proto_json.hpp"

#include <fmt/format.h>

#include <google/protobuf/util/json_util.h>

#include "temporal/api/enums/v1/query.pb.h"
#include "temporal/api/sdk/v1/workflow_metadata.pb.h"

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;

const std::vector<std::string>& reject_conditions() {
  static const std::vector<std::string> v{"not_open", "not_completed_cleanly"};
  return v;
}

wsv::QueryWorkflowResponse run_query(const QueryOptions& opts, Context& ctx) {
  if (opts.name.empty()) throw usage_error("--name must not be empty");
  wsv::QueryWorkflowRequest req;
  req.set_namespace_(ctx.namespace_());
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

  auto resp = client::call<wsv::QueryWorkflowResponse>(ctx.gateway(), req);
  if (resp.has_query_rejected()) {
    throw Error(ErrorKind::Rejected, fmt::format("query was rejected, workflow has status: {}",
                                                 status_text(resp.query_rejected().status())));
  }
  return resp;
}

int query(const QueryOptions& opts, Context& ctx) {
  auto resp = run_query(opts, ctx);
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

namespace twctl::ops::workflow {

namespace {

// The first payload of a built-in query's answer, which SDKs encode as JSON (plain or protobuf JSON).
std::string first_payload_text(const wsv::QueryWorkflowResponse& resp) {
  if (resp.query_result().payloads_size() == 0) throw Error(ErrorKind::General, "the query returned nothing");
  return resp.query_result().payloads(0).data();
}

}  // namespace

int stack(const BuiltinQueryOptions& opts, Context& ctx) {
  auto resp = run_query({opts.ref, "__stack_trace", {}, opts.reject_condition}, ctx);
  auto value = payload::result_to_json(resp.query_result(), true);
  auto& out = ctx.printer();
  if (out.text()) {
    out.write(value.is_string() ? value.get<std::string>() + "\n" : value.dump(2) + "\n");
  } else {
    out.document({{"workflowId", opts.ref.workflow_id}, {"stackTrace", value}});
  }
  return 0;
}

temporal::api::sdk::v1::WorkflowMetadata fetch_metadata(const BuiltinQueryOptions& opts, Context& ctx) {
  auto resp = run_query({opts.ref, "__temporal_workflow_metadata", {}, opts.reject_condition}, ctx);
  temporal::api::sdk::v1::WorkflowMetadata md;
  auto text = first_payload_text(resp);
  auto enc = payload::encoding(resp.query_result().payloads(0));
  bool ok = enc == "binary/protobuf" ? md.ParseFromString(text)
                                     : google::protobuf::util::JsonStringToMessage(text, &md).ok();
  if (!ok) throw Error(ErrorKind::General, "the workflow's metadata could not be decoded (encoding " + enc + ")");
  return md;
}

int metadata(const BuiltinQueryOptions& opts, Context& ctx) {
  auto md = fetch_metadata(opts, ctx);
  auto& out = ctx.printer();
  if (!out.text()) {
    out.document(output::proto_to_json(md, true));
    return 0;
  }
  const auto& def = md.definition();
  std::string text = out.style().magenta("Workflow:") + "\n" + output::render_card({{"Type", def.type()}}, out.style());
  auto section = [&](std::string_view title, const auto& defs) {
    // Appended piece by piece: GCC 12 warns wrongly (-Wrestrict) on "\n" + a temporary.
    text += '\n';
    text += out.style().magenta(fmt::format("{}: {}", title, defs.size()));
    text += '\n';
    output::Table table{{{"Name"}, {"Description"}}, {}};
    for (const auto& d : defs) table.rows.push_back({d.name(), d.description()});
    if (!defs.empty()) text += output::render_table(table, true, out.style());
  };
  section("Query Definitions", def.query_definitions());
  section("Signal Definitions", def.signal_definitions());
  section("Update Definitions", def.update_definitions());
  if (!md.current_details().empty()) {
    text += '\n';
    text += out.style().magenta("Current Details:");
    text += '\n' + md.current_details() + '\n';
  }
  out.write(text);
  return 0;
}

}  // namespace twctl::ops::workflow
