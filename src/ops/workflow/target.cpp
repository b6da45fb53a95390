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

// Counting the matches validates the query: the server accepts a batch with a query it cannot run and fails
// the job later (an older server leaves it running, and its concurrent-batch limit then refuses every other
// batch). A rejected query starts no job.
int64_t count_matches(Context& ctx, const std::string& query, BatchOf of) {
  try {
    if (of == BatchOf::Activities) {
      wsv::CountActivityExecutionsRequest req;
      req.set_namespace_(ctx.namespace_());
      req.set_query(query);
      return client::call<wsv::CountActivityExecutionsResponse>(ctx.gateway(), req).count();
    }
    wsv::CountWorkflowExecutionsRequest req;
    req.set_namespace_(ctx.namespace_());
    req.set_query(query);
    return client::call<wsv::CountWorkflowExecutionsResponse>(ctx.gateway(), req).count();
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Rejected) throw;
    throw rephrased(e, e.kind(), fmt::format("-q/--query was rejected by the cluster: {}; no batch job was started",
                                             e.what()));
  }
}

// The start of a batch job got no answer: it may be running. Stop it, so that a failed command leaves nothing
// behind (a retry of the command would otherwise run it twice, or hit the concurrent-batch limit). NotFound
// means it never started, and the error is the plain one it was.
[[noreturn]] void clean_up_after_lost_start(Context& ctx, const std::string& job_id, const Error& lost) {
  wsv::StopBatchOperationRequest stop;
  stop.set_namespace_(ctx.namespace_());
  stop.set_job_id(job_id);
  stop.set_reason("twctl: the answer to the start of this job was lost");
  stop.set_identity(ctx.identity());
  try {
    client::call<wsv::StopBatchOperationResponse>(ctx.gateway(), stop);
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::NotFound) {
      bool timed_out = lost.cause == "deadline" || lost.cause == "command_timeout";
      throw rephrased(lost, timed_out ? ErrorKind::DeadlineExceeded : ErrorKind::Unavailable,
                      fmt::format("{}; batch job {} does not exist: nothing was started", lost.what(), job_id));
    }
    throw rephrased(lost, lost.kind(),
                    fmt::format("{}; batch job {} may be running and could not be stopped ({}): check with "
                                "`twctl batch describe --job-id {}`, stop it with `twctl batch terminate --job-id {} "
                                "--reason ...`",
                                lost.what(), job_id, e.what(), job_id, job_id));
  }
  throw rephrased(lost, lost.kind(),
                  fmt::format("{}; batch job {} was stopped in case it had started (it may have acted on some "
                              "workflows before): check with `twctl batch describe --job-id {}`",
                              lost.what(), job_id, job_id));
}

}  // namespace

int run_batch(const Target& t, Context& ctx, std::string_view verb, const BatchOperation& set_operation,
              BatchOf of) {
  std::string_view noun = of == BatchOf::Activities ? "standalone activity" : "workflow";
  if (!t.yes && !can_ask(ctx)) {
    throw usage_error(fmt::format("a batch needs --yes when it cannot ask (standard input is not a terminal, "
                                  "or the output is JSON): add --yes to {} every {} matching the query",
                                  lower(verb), noun));
  }
  auto matched = count_matches(ctx, t.query, of);
  if (!t.yes) ask(ctx, fmt::format("{} approximately {} {}(s) matching {}? y/N", verb, matched, noun, t.query));
  wsv::StartBatchOperationRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_visibility_query(t.query);
  req.set_job_id(new_uuid());
  req.set_reason(t.reason.empty() ? default_reason(ctx) : t.reason);
  req.set_max_operations_per_second(static_cast<float>(t.rps));
  set_operation(req);
  try {
    client::call<wsv::StartBatchOperationResponse>(ctx.gateway(), req);
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::OutcomeUnknown) clean_up_after_lost_start(ctx, req.job_id(), e);
    throw;
  }

  auto& out = ctx.printer();
  if (out.text()) {
    ctx.err << fmt::format("Batch job {}: {} approximately {} {}(s) matching the query\n", req.job_id(),
                           lower(verb), matched, noun);
  }
  if (!t.wait) {
    if (out.text()) out.write("Started batch for job ID: " + req.job_id() + "\n");
    else out.document({{"batchJobId", req.job_id()}, {"matched", matched}});
    return 0;
  }
  return follow_batch(ctx, req.job_id());
}

}  // namespace twctl::ops::workflow
