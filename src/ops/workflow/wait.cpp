#include "ops/workflow/wait.hpp"

#include "core/duration.hpp"
#include "core/error.hpp"
#include "core/number.hpp"
#include "core/time_format.hpp"
#include "ops/wait.hpp"
#include "ops/workflow/common.hpp"
#include "output/proto_json.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdint>
#include <optional>

#include "temporal/api/enums/v1/workflow.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

// Long enough to mean "no end", short enough that now + it stays far from the clock's limits.
constexpr auto kNoEnd = std::chrono::hours(24 * 365 * 100);

struct State {
  std::string_view name;
  int status;  // 0: any closed status
};

constexpr State kStates[] = {
    {"running", enums::WORKFLOW_EXECUTION_STATUS_RUNNING},
    {"paused", enums::WORKFLOW_EXECUTION_STATUS_PAUSED},
    {"closed", 0},
    {"completed", enums::WORKFLOW_EXECUTION_STATUS_COMPLETED},
    {"failed", enums::WORKFLOW_EXECUTION_STATUS_FAILED},
    {"canceled", enums::WORKFLOW_EXECUTION_STATUS_CANCELED},
    {"terminated", enums::WORKFLOW_EXECUTION_STATUS_TERMINATED},
    {"timed-out", enums::WORKFLOW_EXECUTION_STATUS_TIMED_OUT},
    {"continued-as-new", enums::WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW},
};

std::optional<int64_t> whole_number(std::string_view flag, const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto n = parse_whole(text);
  if (!n || *n < 0) throw usage_error(fmt::format("invalid value \"{}\" for {}: a whole number, 0 or more", text, flag));
  return n;
}

std::chrono::nanoseconds timeout_of(const WaitOptions& opts) {
  return opts.timeout.empty() ? std::chrono::nanoseconds(kNoEnd) : parse_duration("--timeout", opts.timeout);
}

Error timed_out(std::string message) {
  Error e(ErrorKind::DeadlineExceeded, std::move(message));
  e.cause = "wait_timeout";
  return e;
}

void print_info(const temporal::api::workflow::v1::WorkflowExecutionInfo& info, Context& ctx) {
  auto& out = ctx.printer();
  if (!out.text()) {
    out.document(output::proto_to_json(info, ctx.globals.shorthand_payloads));
    return;
  }
  const auto& fmt_ = ctx.globals.time_format;
  output::Card card{{"WorkflowId", info.execution().workflow_id()},
                    {"RunId", info.execution().run_id()},
                    {"Type", info.type().name()},
                    {"Status", status_text(info.status())}};
  if (info.has_start_time()) card.emplace_back("StartTime", format_time(info.start_time(), fmt_, ctx.now()));
  if (info.has_close_time()) card.emplace_back("CloseTime", format_time(info.close_time(), fmt_, ctx.now()));
  out.write(output::render_card(card, out.style()));
}

int wait_for_workflow(const WaitOptions& opts, Context& ctx) {
  if (opts.states.empty()) throw usage_error("--for is required with -w: the state(s) to wait for");
  if (!opts.count_at_least.empty() || !opts.count_at_most.empty()) {
    throw usage_error("--count-at-least and --count-at-most go with -q, not -w");
  }
  std::vector<const State*> wanted;
  for (const auto& s : opts.states) {
    auto it = std::find_if(std::begin(kStates), std::end(kStates), [&](const State& k) { return k.name == s; });
    wanted.push_back(&*it);  // CLI11 checked the value
  }
  auto want = [&](int status) {
    return std::any_of(wanted.begin(), wanted.end(), [&](const State* k) {
      return k->status == status || (k->status == 0 && !is_open(status));
    });
  };
  auto limit = timeout_of(opts);
  wsv::DescribeWorkflowExecutionRequest req;
  req.set_namespace_(ctx.namespace_());
  *req.mutable_execution() = to_proto(opts.ref);
  wsv::DescribeWorkflowExecutionResponse seen;
  auto r = wait_with_backoff(ctx, limit, "not in a wanted state yet", [&](std::string& last) {
    seen = client::call<wsv::DescribeWorkflowExecutionResponse>(ctx.gateway(), req);
    int status = seen.workflow_execution_info().status();
    if (want(status)) return true;
    last = status_text(status);
    if (is_open(status)) return false;
    if (status == enums::WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW && opts.ref.run_id.empty()) {
      last += " (following the next run)";
      return false;
    }
    Error e(ErrorKind::WorkflowFailed,
            fmt::format("workflow {} (run {}) closed as {}, not {}", opts.ref.workflow_id,
                        seen.workflow_execution_info().execution().run_id(), status_text(status),
                        fmt::join(opts.states, " or ")));
    e.cause = "unwanted_state";
    throw e;
  });
  if (!r.done) {
    throw timed_out(fmt::format("workflow {} is {} after {} (waiting for {})", opts.ref.workflow_id, r.last,
                                format_duration(limit), fmt::join(opts.states, " or ")));
  }
  print_info(seen.workflow_execution_info(), ctx);
  return 0;
}

int wait_for_count(const WaitOptions& opts, Context& ctx) {
  if (!opts.states.empty()) throw usage_error("--for goes with -w; with -q give --count-at-least or --count-at-most");
  auto at_least = whole_number("--count-at-least", opts.count_at_least);
  auto at_most = whole_number("--count-at-most", opts.count_at_most);
  if (at_least.has_value() == at_most.has_value()) {
    throw usage_error("give exactly one of --count-at-least and --count-at-most with -q");
  }
  auto limit = timeout_of(opts);
  wsv::CountWorkflowExecutionsRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_query(opts.query);
  int64_t count = 0;
  auto r = wait_with_backoff(ctx, limit, "count not there yet", [&](std::string& last) {
    count = client::call<wsv::CountWorkflowExecutionsResponse>(ctx.gateway(), req).count();
    last = fmt::format("{} match", count);
    return at_least ? count >= *at_least : count <= *at_most;
  });
  if (!r.done) {
    throw timed_out(fmt::format("{} executions match after {} (waiting for {} {})", count, format_duration(limit),
                                at_least ? "at least" : "at most", at_least ? *at_least : *at_most));
  }
  auto& out = ctx.printer();
  if (out.text()) out.write(fmt::format("Total: {}\n", count));
  else out.document(nlohmann::ordered_json{{"query", opts.query}, {"count", count}});
  return 0;
}

}  // namespace

const std::vector<std::string>& wait_states() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& s : kStates) v.emplace_back(s.name);
    return v;
  }();
  return names;
}

int wait(const WaitOptions& opts, Context& ctx) {
  bool one = !opts.ref.workflow_id.empty();
  bool query = !opts.query.empty();
  if (one == query) throw usage_error("give exactly one of -w (one workflow) and -q (a visibility query)");
  if (query && !opts.ref.run_id.empty()) throw usage_error("-r/--run-id goes with -w, not -q");
  return one ? wait_for_workflow(opts, ctx) : wait_for_count(opts, ctx);
}

}  // namespace twctl::ops::workflow
