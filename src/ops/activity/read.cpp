// `activity describe | list | count`: standalone activities as the cluster sees them.
#include "core/duration.hpp"
#include "core/error.hpp"
#include "core/time_format.hpp"
#include "ops/activity/standalone.hpp"
#include "ops/activity/standalone_common.hpp"
#include "ops/count_print.hpp"
#include "ops/paging.hpp"
#include "output/proto_json.hpp"
#include "output/proto_fields.hpp"
#include "payload/payload.hpp"

#include <fmt/format.h>

#include "temporal/api/enums/v1/activity.pb.h"
#include "temporal/api/enums/v1/workflow.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::activity {

namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

std::string info_card(const Context& ctx, const wsv::DescribeActivityExecutionResponse& resp) {
  const auto& a = resp.info();
  bool shorthand = ctx.globals.shorthand_payloads;
  output::Style style(ctx.globals.color);
  auto time = [&](const google::protobuf::Timestamp& ts) { return format_time(ts, ctx.globals.time_format, ctx.now()); };
  output::Card card{{"ActivityId", a.activity_id()},
                    {"RunId", a.run_id()},
                    {"Type", a.activity_type().name()},
                    {"Namespace", ctx.namespace_()},
                    {"Status", style.status(status_text(a.status()))}};
  if (a.run_state() != enums::PENDING_ACTIVITY_STATE_UNSPECIFIED) {
    card.emplace_back("RunState",
                      output::pascal_case(enums::PendingActivityState_Name(a.run_state()), "PENDING_ACTIVITY_STATE_"));
  }
  card.emplace_back("TaskQueue", a.task_queue());
  auto duration = [&](std::string_view name, bool has, const google::protobuf::Duration& d) {
    if (has) card.emplace_back(std::string(name), format_duration(d));
  };
  duration("ScheduleToCloseTimeout", a.has_schedule_to_close_timeout(), a.schedule_to_close_timeout());
  duration("ScheduleToStartTimeout", a.has_schedule_to_start_timeout(), a.schedule_to_start_timeout());
  duration("StartToCloseTimeout", a.has_start_to_close_timeout(), a.start_to_close_timeout());
  duration("HeartbeatTimeout", a.has_heartbeat_timeout(), a.heartbeat_timeout());
  duration("StartDelay", a.has_start_delay(), a.start_delay());
  if (a.has_retry_policy()) {
    const auto& r = a.retry_policy();
    card.emplace_back("RetryPolicy",
                      fmt::format("initial {}, backoff {}, maximum interval {}, maximum attempts {}",
                                  format_duration(r.initial_interval()), r.backoff_coefficient(),
                                  format_duration(r.maximum_interval()),
                                  r.maximum_attempts() == 0 ? std::string("unlimited")
                                                            : std::to_string(r.maximum_attempts())));
  }
  if (a.has_schedule_time()) card.emplace_back("ScheduleTime", time(a.schedule_time()));
  if (a.has_execution_time()) card.emplace_back("ExecutionTime", time(a.execution_time()));
  if (a.has_last_started_time()) card.emplace_back("LastStartedTime", time(a.last_started_time()));
  card.emplace_back("Attempt", std::to_string(a.attempt()));
  if (a.has_next_attempt_schedule_time()) card.emplace_back("NextAttemptScheduleTime", time(a.next_attempt_schedule_time()));
  if (a.has_last_heartbeat_time()) card.emplace_back("LastHeartbeatTime", time(a.last_heartbeat_time()));
  if (a.has_heartbeat_details() && a.heartbeat_details().payloads_size() > 0) {
    card.emplace_back("LastHeartbeatDetails", payload::result_to_json(a.heartbeat_details(), shorthand).dump());
  }
  duration("ExecutionDuration", a.has_execution_duration(), a.execution_duration());
  if (a.has_close_time()) card.emplace_back("CloseTime", time(a.close_time()));
  if (a.search_attributes().indexed_fields_size() > 0) {
    card.emplace_back("SearchAttributes", output::proto_to_json(a.search_attributes(), shorthand)
                                              .value("indexedFields", nlohmann::ordered_json())
                                              .dump());
  }
  if (a.has_last_failure()) card.emplace_back("LastFailure", workflow::failure_text(a.last_failure()));
  if (!a.last_worker_identity().empty()) card.emplace_back("LastWorkerIdentity", a.last_worker_identity());
  if (a.has_last_attempt_complete_time()) card.emplace_back("LastAttemptCompleteTime", time(a.last_attempt_complete_time()));
  if (!a.canceled_reason().empty()) card.emplace_back("CanceledReason", a.canceled_reason());
  card.emplace_back("StateTransitionCount", std::to_string(a.state_transition_count()));
  std::string text = style.magenta("Activity Execution Info:") + "\n" + output::render_card(card, style);
  if (resp.has_outcome()) {
    text += '\n';
    text += style.magenta("Results:");
    text += '\n';
    text += output::render_card(workflow::outcome_card(outcome_of(resp.outcome()), shorthand, style), style);
  }
  return text;
}

}  // namespace

int describe(const DescribeOptions& opts, Context& ctx) {
  check_ref(opts.ref);
  wsv::DescribeActivityExecutionRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_activity_id(opts.ref.activity_id);
  req.set_run_id(opts.ref.run_id);
  req.set_include_input(true);
  req.set_include_outcome(true);
  req.set_include_heartbeat_details(true);
  req.set_include_last_failure(true);
  auto resp = client::call<wsv::DescribeActivityExecutionResponse>(ctx.gateway(), req);
  auto& out = ctx.printer();
  bool shorthand = ctx.globals.shorthand_payloads;
  if (out.record(resp, shorthand)) return 0;  // --fields / -o tsv
  if (out.text() && !opts.raw) {
    out.write(info_card(ctx, resp));
  } else if (out.text()) {
    out.write(output::proto_to_json(resp, shorthand).dump(2) + "\n");
  } else {
    auto j = output::proto_to_json(resp, shorthand);
    j.erase("longPollToken");  // opaque, and only for a long poll of this same run
    // As workflow describe has it: the result as one value (the outcome holds it as a list of payloads).
    if (resp.outcome().has_result()) j["result"] = payload::result_to_json(resp.outcome().result(), shorthand);
    out.document(j);
  }
  return 0;
}

int list(const ListOptions& opts, Context& ctx) {
  wsv::ListActivityExecutionsRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_query(opts.query);
  req.set_page_size(list_page_size(opts.limit, opts.page_size));
  output::PagedList list(ctx.printer(), {{"Status", false, true}, {"ActivityId"}, {"Type"}, {"ScheduleTime"}},
                         opts.limit);
  stream_list<wsv::ListActivityExecutionsResponse>(
      ctx, req, list, [](const auto& resp) -> const auto& { return resp.executions(); },
      [&](const auto& info) -> std::vector<std::string> {
        return {status_text(info.status()), info.activity_id(), info.activity_type().name(),
                info.has_schedule_time() ? format_time(info.schedule_time(), ctx.globals.time_format, ctx.now())
                                         : std::string()};
      },
      ctx.globals.shorthand_payloads);
  return 0;
}

int count(const CountOptions& opts, Context& ctx) {
  wsv::CountActivityExecutionsRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_query(opts.query);
  print_count(client::call<wsv::CountActivityExecutionsResponse>(ctx.gateway(), req), ctx);
  return 0;
}

}  // namespace twctl::ops::activity
