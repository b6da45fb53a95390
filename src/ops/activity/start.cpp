// `activity start | execute | result`: a standalone activity from its start to its outcome.
#include "core/duration.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "ops/activity/retry_flags.hpp"
#include "ops/activity/standalone.hpp"
#include "ops/activity/standalone_common.hpp"
#include "ops/enum_flag.hpp"
#include "ops/outcome.hpp"
#include "ops/workflow/common.hpp"
#include "ops/workflow/start.hpp"
#include "output/proto_json.hpp"
#include "payload/payload.hpp"

#include <fmt/format.h>

#include "temporal/api/enums/v1/activity.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::activity {

namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

wsv::StartActivityExecutionRequest build_request(const StartOptions& opts, Context& ctx) {
  if (opts.activity_id.empty()) throw usage_error("--activity-id is required");
  if (opts.type.empty()) throw usage_error("--type is required: the activity type a worker has registered");
  if (opts.task_queue.empty()) throw usage_error("--task-queue is required");
  if (opts.schedule_to_close_timeout.empty() && opts.start_to_close_timeout.empty()) {
    throw usage_error("give --start-to-close-timeout or --schedule-to-close-timeout (or both): the server needs a "
                      "bound on the activity");
  }
  wsv::StartActivityExecutionRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_identity(ctx.identity());
  req.set_request_id(new_uuid());
  req.set_activity_id(opts.activity_id);
  req.mutable_activity_type()->set_name(opts.type);
  req.mutable_task_queue()->set_name(opts.task_queue);
  set_duration("--schedule-to-close-timeout", opts.schedule_to_close_timeout,
               [&] { return req.mutable_schedule_to_close_timeout(); });
  set_duration("--schedule-to-start-timeout", opts.schedule_to_start_timeout,
               [&] { return req.mutable_schedule_to_start_timeout(); });
  set_duration("--start-to-close-timeout", opts.start_to_close_timeout,
               [&] { return req.mutable_start_to_close_timeout(); });
  set_duration("--heartbeat-timeout", opts.heartbeat_timeout, [&] { return req.mutable_heartbeat_timeout(); });
  set_duration("--start-delay", opts.start_delay, [&] { return req.mutable_start_delay(); });
  auto* retry = req.mutable_retry_policy();
  set_duration("--retry-initial-interval", opts.retry_initial_interval, [&] { return retry->mutable_initial_interval(); });
  set_duration("--retry-maximum-interval", opts.retry_maximum_interval, [&] { return retry->mutable_maximum_interval(); });
  if (!opts.retry_backoff_coefficient.empty()) {
    retry->set_backoff_coefficient(backoff_coefficient(opts.retry_backoff_coefficient));
  }
  if (!opts.retry_maximum_attempts.empty()) retry->set_maximum_attempts(maximum_attempts(opts.retry_maximum_attempts));
  if (retry->ByteSizeLong() == 0) req.clear_retry_policy();
  auto input = payload::build(opts.input, "input", &ctx.in);
  if (input.payloads_size() > 0) *req.mutable_input() = std::move(input);
  if (!opts.id_reuse_policy.empty()) {
    req.set_id_reuse_policy(
        static_cast<enums::ActivityIdReusePolicy>(enum_number(kIdReusePolicy, opts.id_reuse_policy)));
  }
  if (!opts.id_conflict_policy.empty()) {
    req.set_id_conflict_policy(
        static_cast<enums::ActivityIdConflictPolicy>(enum_number(kIdConflictPolicy, opts.id_conflict_policy)));
  }
  if (!opts.search_attributes.empty()) {
    *req.mutable_search_attributes()->mutable_indexed_fields() =
        payload::key_json_map("--search-attribute", opts.search_attributes);
  }
  if (!opts.headers.empty()) *req.mutable_header()->mutable_fields() = payload::key_json_map("--headers", opts.headers);
  if (!opts.static_summary.empty()) {
    *req.mutable_user_metadata()->mutable_summary() =
        payload::from_json_text("--static-summary", nlohmann::json(opts.static_summary).dump());
  }
  if (!opts.static_details.empty()) {
    *req.mutable_user_metadata()->mutable_details() =
        payload::from_json_text("--static-details", nlohmann::json(opts.static_details).dump());
  }
  workflow::set_priority(opts.priority_key, opts.fairness_key, opts.fairness_weight, req.mutable_priority());
  if (req.priority().ByteSizeLong() == 0) req.clear_priority();
  return req;
}

// Starts it; prints the card (text) unless `json_too` is false in a JSON mode (execute prints only the result).
std::string start_one(const StartOptions& opts, Context& ctx, bool print_json) {
  auto req = build_request(opts, ctx);
  auto resp = call_change<wsv::StartActivityExecutionResponse>(
      ctx, req, check_with(ctx, "activity describe -a " + req.activity_id()));
  auto& out = ctx.printer();
  if (out.text()) {
    output::Card card{{"ActivityId", req.activity_id()}, {"RunId", resp.run_id()}, {"Namespace", req.namespace_()}};
    out.write(out.style().magenta("Running execution:") + "\n" + output::render_card(card, out.style()));
  } else if (print_json) {
    out.document({{"activityId", req.activity_id()},
                  {"runId", resp.run_id()},
                  {"namespace", req.namespace_()},
                  {"started", resp.started()}});
  }
  if (!resp.started()) ctx.warn("an activity with this ID was already running: this is that run");
  return resp.run_id();
}

int print_outcome(Context& ctx, const StandaloneRef& ref, const std::string& run_id,
                  const temporal::api::activity::v1::ActivityExecutionOutcome& outcome) {
  bool shorthand = ctx.globals.shorthand_payloads;
  auto o = outcome_of(outcome);
  auto& out = ctx.printer();
  if (out.text()) {
    out.write(out.style().magenta("Results:") + "\n" +
              output::render_card(workflow::outcome_card(o, shorthand, out.style()), out.style()));
  } else {
    nlohmann::ordered_json j{{"activityId", ref.activity_id}, {"runId", run_id}, {"status", o.status}};
    if (o.has_result) j["result"] = payload::result_to_json(o.result, shorthand);
    if (o.has_failure) j["failure"] = output::proto_to_json(o.failure, shorthand);
    out.document(j);
  }
  if (o.status != "COMPLETED") throw workflow::outcome_error(o, shorthand, "activity");
  return 0;
}

int wait_and_print(Context& ctx, const StandaloneRef& ref) {
  wsv::PollActivityExecutionRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_activity_id(ref.activity_id);
  req.set_run_id(ref.run_id);
  for (;;) {
    auto asked = ctx.now();
    auto resp = client::call<wsv::PollActivityExecutionResponse>(ctx.gateway(), req);
    if (resp.has_outcome()) return print_outcome(ctx, ref, resp.run_id(), resp.outcome());
    // The long poll ended before the activity did: pin the run, and ask again.
    if (req.run_id().empty()) req.set_run_id(resp.run_id());
    workflow::pause_before_repoll(ctx, asked);
  }
}

}  // namespace

int start(const StartOptions& opts, Context& ctx) {
  start_one(opts, ctx, true);
  return 0;
}

int execute(const StartOptions& opts, Context& ctx) {
  auto run_id = start_one(opts, ctx, false);
  return wait_and_print(ctx, {opts.activity_id, run_id});
}

int result(const ResultOptions& opts, Context& ctx) {
  check_ref(opts.ref);
  return wait_and_print(ctx, opts.ref);
}

}  // namespace twctl::ops::activity
