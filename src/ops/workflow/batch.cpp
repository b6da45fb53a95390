#include "ops/workflow/batch.hpp"

#include "core/error.hpp"
#include "ops/workflow/common.hpp"
#include "ops/paging.hpp"
#include "output/proto_json.hpp"

#include <fmt/format.h>

#include "temporal/api/enums/v1/batch_operation.pb.h"

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

wsv::DescribeBatchOperationResponse describe_job(Context& ctx, const std::string& job_id) {
  wsv::DescribeBatchOperationRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_job_id(job_id);
  return client::call<wsv::DescribeBatchOperationResponse>(ctx.gateway(), req);
}

std::string state_text(enums::BatchOperationState s) {
  return pascal_name(enums::BatchOperationState_Name(s), "BATCH_OPERATION_STATE_");
}

output::Card job_card(const Context& ctx, const wsv::DescribeBatchOperationResponse& d) {
  output::Style style(ctx.globals.color);
  output::Card card{{"JobId", d.job_id()},
                    {"State", style.status(state_text(d.state()))},
                    {"Type", pascal_name(enums::BatchOperationType_Name(d.operation_type()), "BATCH_OPERATION_TYPE_")},
                    {"CompletedCount", fmt::format("{}/{}", d.complete_operation_count(), d.total_operation_count())},
                    {"FailureCount", fmt::format("{}/{}", d.failure_operation_count(), d.total_operation_count())}};
  if (d.has_start_time()) card.emplace_back("StartTime", format_time(d.start_time(), ctx.globals.time_format, ctx.now()));
  if (d.has_close_time()) card.emplace_back("CloseTime", format_time(d.close_time(), ctx.globals.time_format, ctx.now()));
  if (!d.reason().empty()) card.emplace_back("Reason", d.reason());
  return card;
}

void print_job(Context& ctx, const wsv::DescribeBatchOperationResponse& d) {
  auto& out = ctx.printer();
  if (out.record(d, ctx.globals.shorthand_payloads)) return;
  if (out.text()) out.write(output::render_card(job_card(ctx, d), out.style()));
  else out.document(output::proto_to_json(d, ctx.globals.shorthand_payloads));
}

std::string progress_bar(const wsv::DescribeBatchOperationResponse& d) {
  constexpr int kWidth = 30;
  auto total = d.total_operation_count();
  auto done = d.complete_operation_count() + d.failure_operation_count();
  int filled = total > 0 ? static_cast<int>(kWidth * done / total) : 0;
  return fmt::format("\r[{}{}] {}/{} done, {} failed", std::string(filled, '#'), std::string(kWidth - filled, ' '),
                     done, total, d.failure_operation_count());
}

}  // namespace

int follow_batch(Context& ctx, const std::string& job_id) {
  bool live = ctx.stderr_tty;
  const auto poll = std::chrono::milliseconds(500);
  const auto& deadline = ctx.globals.connection.deadline;
  wsv::DescribeBatchOperationResponse d;
  for (;;) {
    d = describe_job(ctx, job_id);
    if (live) ctx.err << progress_bar(d) << std::flush;
    if (d.state() != enums::BATCH_OPERATION_STATE_RUNNING && d.state() != enums::BATCH_OPERATION_STATE_UNSPECIFIED) break;
    // Bounded by the job's state and by --command-timeout: a job that never ends does not hang the command.
    if (deadline && ctx.now() + poll >= *deadline) {
      if (live) ctx.err << "\n";
      Error e(ErrorKind::DeadlineExceeded,
              fmt::format("the command timed out (--command-timeout) while batch job {} was {} ({} of {} done); it "
                          "goes on on the server: `twctl batch describe --job-id {}`",
                          job_id, state_text(d.state()), d.complete_operation_count() + d.failure_operation_count(),
                          d.total_operation_count(), job_id));
      e.cause = "command_timeout";
      throw e;
    }
    if (!ctx.pause(poll)) {
      if (live) ctx.err << "\n";
      throw Error(ErrorKind::Interrupted, fmt::format("interrupted; batch job {} goes on on the server", job_id));
    }
  }
  if (live) ctx.err << "\n";
  print_job(ctx, d);
  if (d.state() != enums::BATCH_OPERATION_STATE_COMPLETED || d.failure_operation_count() > 0) {
    auto how = d.state() == enums::BATCH_OPERATION_STATE_COMPLETED ? std::string("completed")
                                                                    : "ended " + state_text(d.state());
    Error err(ErrorKind::BatchFailed, fmt::format("batch job {} {}: {} of {} executions failed", job_id, how,
                                                  d.failure_operation_count(), d.total_operation_count()));
    err.details = output::proto_to_json(d, true);
    throw err;
  }
  return 0;
}

int batch_list(const BatchListOptions& opts, Context& ctx) {
  if (opts.limit < 0) throw usage_error("--limit must not be negative");
  wsv::ListBatchOperationsRequest req;
  req.set_namespace_(ctx.namespace_());
  if (opts.limit > 0) req.set_page_size(opts.limit);
  output::PagedList list(ctx.printer(), {{"JobId"}, {"State", false, true}, {"StartTime"}, {"CloseTime"}},
                         opts.limit);
  auto t = [&](const google::protobuf::Timestamp& ts, bool has) {
    return has ? format_time(ts, ctx.globals.time_format, ctx.now()) : std::string();
  };
  stream_list<wsv::ListBatchOperationsResponse>(
      ctx, req, list, [](const auto& resp) -> const auto& { return resp.operation_info(); },
      [&](const auto& info) -> std::vector<std::string> {
        return {info.job_id(), state_text(info.state()), t(info.start_time(), info.has_start_time()),
                t(info.close_time(), info.has_close_time())};
      },
      true);
  return 0;
}

int batch_describe(const BatchDescribeOptions& opts, Context& ctx) {
  print_job(ctx, describe_job(ctx, opts.job_id));
  return 0;
}

int batch_terminate(const BatchTerminateOptions& opts, Context& ctx) {
  if (opts.reason.empty()) throw usage_error("--reason must not be empty");
  wsv::StopBatchOperationRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_job_id(opts.job_id);
  req.set_reason(opts.reason);
  req.set_identity(ctx.identity());
  client::call<wsv::StopBatchOperationResponse>(ctx.gateway(), req);
  auto& out = ctx.printer();
  if (out.json()) out.document({{"batchJobId", opts.job_id}, {"stopped", true}});
  else if (out.text()) ctx.err << "Stopped batch job " << opts.job_id << "\n";
  return 0;
}

}  // namespace twctl::ops::workflow
