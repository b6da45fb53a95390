#include "ops/workflow/target.hpp"

#include "core/error.hpp"
#include "core/ids.hpp"
#include "ops/confirm.hpp"
#include "ops/workflow/batch.hpp"

#include <fmt/format.h>

#include <cctype>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;

void validate_target(const Target& t, bool reason_with_id) {
  if (t.ref.workflow_id.empty() == t.query.empty()) {
    throw usage_error("give exactly one of -w/--workflow-id (one workflow) and -q/--query (a batch)");
  }
  if (t.batch()) {
    if (!t.ref.run_id.empty()) throw usage_error("-r/--run-id cannot be used with -q/--query");
  } else {
    if (t.rps != 0) throw usage_error("--rps is for batches: use it with -q/--query");
    if (t.wait) throw usage_error("--wait is for batches: use it with -q/--query");
    if (!reason_with_id && !t.reason.empty()) throw usage_error("--reason is for batches: use it with -q/--query");
  }
  if (t.rps < 0) throw usage_error("--rps must not be negative");
}

std::string default_reason(const Context& ctx) {
  return "Requested from twctl by " + ctx.env("USER").value_or("unknown user");
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Asks on stderr, reads stdin. Only called when both are terminals.
void confirm(Context& ctx, const Target& t, std::string_view verb) {
  wsv::CountWorkflowExecutionsRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_query(t.query);
  auto count = client::call<wsv::CountWorkflowExecutionsResponse>(ctx.gateway(), req).count();
  ask(ctx, fmt::format("{} approximately {} workflow(s) matching {}? y/N", verb, count, t.query));
}

}  // namespace

int run_batch(const Target& t, Context& ctx, std::string_view verb, const BatchOperation& set_operation) {
  if (!t.yes) {
    if (!can_ask(ctx)) {
      throw usage_error(fmt::format("a batch needs --yes when it cannot ask (standard input is not a terminal, "
                                    "or the output is JSON): add --yes to {} every workflow matching the query",
                                    lower(verb)));
    }
    confirm(ctx, t, verb);
  }
  wsv::StartBatchOperationRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_visibility_query(t.query);
  req.set_job_id(new_uuid());
  req.set_reason(t.reason.empty() ? default_reason(ctx) : t.reason);
  req.set_max_operations_per_second(static_cast<float>(t.rps));
  set_operation(req);
  client::call<wsv::StartBatchOperationResponse>(ctx.gateway(), req);

  auto& out = ctx.printer();
  if (!t.wait) {
    if (out.text()) out.write("Started batch for job ID: " + req.job_id() + "\n");
    else out.document({{"batchJobId", req.job_id()}});
    return 0;
  }
  return follow_batch(ctx, req.job_id());
}

}  // namespace twctl::ops::workflow
