#include "ops/workflow/describe.hpp"

#include "ops/workflow/common.hpp"

#include "core/duration.hpp"
#include "ops/workflow/history.hpp"
#include "output/proto_json.hpp"
#include "payload/payload.hpp"

#include <fmt/format.h>

#include <future>
#include <optional>

#include "temporal/api/enums/v1/workflow.pb.h"

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

std::string time_text(const Context& ctx, const google::protobuf::Timestamp& ts) {
  return format_time(ts, ctx.globals.time_format, ctx.now());
}

std::string section(const output::Style& style, std::string_view title) {
  return style.magenta(std::string(title)) + "\n";
}

std::string execution_card(const Context& ctx, const wsv::DescribeWorkflowExecutionResponse& resp) {
  const auto& info = resp.workflow_execution_info();
  bool shorthand = ctx.globals.shorthand_payloads;
  output::Style style(ctx.globals.color);
  output::Card card{{"WorkflowId", info.execution().workflow_id()},
                    {"RunId", info.execution().run_id()},
                    {"Type", info.type().name()},
                    {"Namespace", ctx.namespace_()},
                    {"TaskQueue", info.task_queue()},
                    {"Status", style.status(status_text(info.status()))}};
  if (info.has_start_time()) card.emplace_back("StartTime", time_text(ctx, info.start_time()));
  if (info.has_close_time()) card.emplace_back("CloseTime", time_text(ctx, info.close_time()));
  if (info.has_execution_duration()) card.emplace_back("Duration", format_duration(info.execution_duration()));
  if (info.has_parent_execution()) {
    card.emplace_back("ParentWorkflowId", info.parent_execution().workflow_id());
    card.emplace_back("ParentRunId", info.parent_execution().run_id());
  }
  if (info.memo().fields_size() > 0) {
    card.emplace_back("Memo", output::proto_to_json(info.memo(), shorthand).value("fields", nlohmann::ordered_json()).dump());
  }
  if (info.search_attributes().indexed_fields_size() > 0) {
    card.emplace_back("SearchAttributes", output::proto_to_json(info.search_attributes(), shorthand)
                                              .value("indexedFields", nlohmann::ordered_json())
                                              .dump());
  }
  card.emplace_back("StateTransitionCount", std::to_string(info.state_transition_count()));
  card.emplace_back("HistoryLength", std::to_string(info.history_length()));
  card.emplace_back("HistorySize", std::to_string(info.history_size_bytes()));
  if (resp.workflow_extended_info().cancel_requested()) card.emplace_back("CancelRequested", "true");
  if (resp.workflow_extended_info().has_pause_info()) {
    const auto& pause = resp.workflow_extended_info().pause_info();
    if (pause.has_paused_time()) card.emplace_back("PausedTime", time_text(ctx, pause.paused_time()));
    if (!pause.identity().empty()) card.emplace_back("PausedBy", pause.identity());
    if (!pause.reason().empty()) card.emplace_back("PauseReason", pause.reason());
  }
  return section(style, "Execution Info:") + output::render_card(card, style);
}

std::string pending_activities(const Context& ctx, const wsv::DescribeWorkflowExecutionResponse& resp) {
  output::Style style(ctx.globals.color);
  std::string out = section(style, fmt::format("Pending Activities: {}", resp.pending_activities_size()));
  bool first = true;
  for (const auto& a : resp.pending_activities()) {
    if (!first) out += "\n";
    first = false;
    output::Card card{{"ActivityId", a.activity_id()},
                      {"Type", a.activity_type().name()},
                      {"State", pascal_name(enums::PendingActivityState_Name(a.state()), "PENDING_ACTIVITY_STATE_")},
                      {"Attempt", std::to_string(a.attempt())},
                      {"MaximumAttempts", std::to_string(a.maximum_attempts())}};
    if (a.has_scheduled_time()) card.emplace_back("ScheduledTime", time_text(ctx, a.scheduled_time()));
    if (a.has_last_started_time()) card.emplace_back("LastStartedTime", time_text(ctx, a.last_started_time()));
    if (a.has_last_heartbeat_time()) card.emplace_back("LastHeartbeatTime", time_text(ctx, a.last_heartbeat_time()));
    if (a.has_heartbeat_details() && a.heartbeat_details().payloads_size() > 0) {
      card.emplace_back("LastHeartbeatDetails",
                        payload::result_to_json(a.heartbeat_details(), ctx.globals.shorthand_payloads).dump());
    }
    if (a.has_pause_info()) {
      const auto& p = a.pause_info();
      if (p.has_pause_time()) card.emplace_back("PausedTime", time_text(ctx, p.pause_time()));
      if (p.has_manual()) {
        card.emplace_back("PausedBy", p.manual().identity());
        if (!p.manual().reason().empty()) card.emplace_back("PauseReason", p.manual().reason());
      } else if (p.has_rule()) {
        card.emplace_back("PausedBy", "rule " + p.rule().rule_id() + " (" + p.rule().identity() + ")");
        if (!p.rule().reason().empty()) card.emplace_back("PauseReason", p.rule().reason());
      }
    }
    if (a.has_next_attempt_schedule_time()) {
      card.emplace_back("NextAttemptScheduleTime", time_text(ctx, a.next_attempt_schedule_time()));
    }
    if (a.has_last_failure()) card.emplace_back("LastFailure", failure_text(a.last_failure()));
    if (!a.last_worker_identity().empty()) card.emplace_back("LastWorkerIdentity", a.last_worker_identity());
    out += output::render_card(card, style);
  }
  return out;
}

// The run's versioning: its behavior, deployment version, override and a transition in progress; empty for an
// unversioned run.
std::string versioning_card(const Context& ctx, const wsv::DescribeWorkflowExecutionResponse& resp) {
  const auto& info = resp.workflow_execution_info();
  if (!info.has_versioning_info()) return {};
  const auto& v = info.versioning_info();
  output::Style style(ctx.globals.color);
  auto version = [](const auto& dv) {
    return dv.deployment_name().empty() && dv.build_id().empty() ? std::string()
                                                                 : dv.deployment_name() + "." + dv.build_id();
  };
  output::Card card;
  if (v.behavior() != enums::VERSIONING_BEHAVIOR_UNSPECIFIED) {
    card.emplace_back("Behavior", pascal_name(enums::VersioningBehavior_Name(v.behavior()), "VERSIONING_BEHAVIOR_"));
  }
  if (auto s = version(v.deployment_version()); !s.empty()) card.emplace_back("DeploymentVersion", s);
  if (v.has_versioning_override()) {
    const auto& o = v.versioning_override();
    if (o.has_pinned()) {
      card.emplace_back("OverrideBehavior", "Pinned");
      card.emplace_back("OverrideVersion", version(o.pinned().version()));
    } else if (o.has_one_time()) {
      card.emplace_back("OverrideBehavior", "OneTime");
      card.emplace_back("OverrideVersion", version(o.one_time().target_deployment_version()));
    } else if (o.auto_upgrade()) {
      card.emplace_back("OverrideBehavior", "AutoUpgrade");
    }
  }
  if (v.has_version_transition()) {
    card.emplace_back("TransitionTo", version(v.version_transition().deployment_version()));
  }
  if (card.empty()) return {};
  return section(style, "Versioning Info:") + output::render_card(card, style);
}

// A point made by a worker before build IDs has only the (deprecated) binary checksum.
const std::string& point_build(const temporal::api::workflow::v1::ResetPointInfo& p) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  return p.build_id().empty() ? p.binary_checksum() : p.build_id();
#pragma GCC diagnostic pop
}

int print_reset_points(Context& ctx, const wsv::DescribeWorkflowExecutionResponse& resp) {
  const auto& points = resp.workflow_execution_info().auto_reset_points().points();
  auto& out = ctx.printer();
  if (out.text()) {
    output::Table t{{{"BuildId"}, {"CreateTime"}, {"RunId"}, {"EventId", true}, {"Resettable"}}, {}};
    for (const auto& p : points) {
      t.rows.push_back({point_build(p),
                        p.has_create_time() ? time_text(ctx, p.create_time()) : "", p.run_id(),
                        std::to_string(p.first_workflow_task_completed_id()), p.resettable() ? "yes" : "no"});
    }
    out.write(output::render_table(t, true, out.style()));
    return 0;
  }
  auto arr = nlohmann::ordered_json::array();
  for (const auto& p : points) arr.push_back(output::proto_to_json(p, true));
  out.document(arr);
  return 0;
}

std::string pending_children(const Context& ctx, const wsv::DescribeWorkflowExecutionResponse& resp) {
  output::Style style(ctx.globals.color);
  std::string out = section(style, fmt::format("Pending Child Workflows: {}", resp.pending_children_size()));
  bool first = true;
  for (const auto& c : resp.pending_children()) {
    if (!first) out += "\n";
    first = false;
    out += output::render_card({{"WorkflowId", c.workflow_id()},
                                {"RunId", c.run_id()},
                                {"Type", c.workflow_type_name()},
                                {"InitiatedEventId", std::to_string(c.initiated_id())}},
                               style);
  }
  return out;
}

// The server's defaults (limit.historyCount.warn/error, limit.historySize.warn/error): past the warning
// thresholds it logs; at the limits it terminates the run.
constexpr int64_t kWarnEvents = 10'240;
constexpr int64_t kLimitEvents = 51'200;
constexpr int64_t kWarnBytes = int64_t{10} << 20;
constexpr int64_t kLimitBytes = int64_t{50} << 20;

// One line when the history is near or at the server's default limits; empty otherwise.
std::string history_limit_warning(const temporal::api::workflow::v1::WorkflowExecutionInfo& info) {
  std::vector<std::string> parts;
  auto where = [](int64_t n, int64_t warn, int64_t limit, auto unit) {
    return n >= limit ? fmt::format("at the server's default limit of {}", unit(limit))
                      : fmt::format("past the server's default warning threshold of {} (the limit is {})", unit(warn),
                                    unit(limit));
  };
  auto events = [](int64_t n) { return fmt::format("{} events", n); };
  auto mib = [](int64_t n) { return fmt::format("{} MiB", n >> 20); };
  if (int64_t n = info.history_length(); n >= kWarnEvents) {
    parts.push_back(fmt::format("history has {} events, {}", n, where(n, kWarnEvents, kLimitEvents, events)));
  }
  if (int64_t n = info.history_size_bytes(); n >= kWarnBytes) {
    parts.push_back(fmt::format("history size is {:.1f} MiB ({} bytes), {}", static_cast<double>(n) / (1 << 20), n,
                                where(n, kWarnBytes, kLimitBytes, mib)));
  }
  std::string line;
  for (const auto& p : parts) line += (line.empty() ? "" : "; ") + p;
  return line;
}

}  // namespace

int describe(const DescribeOptions& opts, Context& ctx) {
  wsv::DescribeWorkflowExecutionRequest req;
  req.set_namespace_(ctx.namespace_());
  *req.mutable_execution() = to_proto(opts.ref);
  // A closed run's close event (its result or failure) takes a second call: the run's last event is asked for
  // beside the describe, so the two are in flight together (not by the close-event filter, which waits on an
  // open run). For an open run the answer is dropped.
  std::future<std::optional<HistoryEvent>> early;
  if (!opts.reset_points && !opts.raw && !ctx.printer().by_fields()) {
    ctx.gateway();  // made (and connecting) before a second thread uses it
    early = std::async(std::launch::async, [&ctx, ex = req.execution()] { return last_event(ctx, ex); });
  }
  auto resp = client::call<wsv::DescribeWorkflowExecutionResponse>(ctx.gateway(), req);
  if (opts.reset_points) return print_reset_points(ctx, resp);
  if (opts.raw && ctx.printer().text()) {
    ctx.printer().write(output::proto_to_json(resp, ctx.globals.shorthand_payloads).dump(2) + "\n");
    return 0;
  }
  const auto& info = resp.workflow_execution_info();
  if (auto warning = history_limit_warning(info); !warning.empty()) ctx.warn(warning);
  if (ctx.printer().record(resp, ctx.globals.shorthand_payloads)) return 0;
  std::optional<HistoryEvent> close;
  if (!is_open(info.status())) {
    try {
      if (early.valid()) close = early.get();
    } catch (const Error&) {
      close.reset();  // asked again below, where a failure is the command's
    }
    // The early answer counts when it is this run's last event and a close event (without a run ID, a run that
    // began between the two calls would answer otherwise).
    if (!close || close->event_id() != info.history_length() || !is_close_event(*close)) {
      close = close_event(ctx, info.execution());
    }
  }

  auto& out = ctx.printer();
  bool shorthand = ctx.globals.shorthand_payloads;
  if (out.text()) {
    // Sections joined by blank lines (appended one by one: GCC 12 warns wrongly on "\n" + temporary).
    std::vector<std::string> sections{execution_card(ctx, resp)};
    if (auto v = versioning_card(ctx, resp); !v.empty()) sections.push_back(std::move(v));
    if (is_open(info.status())) {
      sections.push_back(pending_activities(ctx, resp));
      sections.push_back(pending_children(ctx, resp));
    }
    if (close) {
      sections.push_back(section(out.style(), "Results:") +
                         output::render_card(outcome_card(outcome_of(*close), shorthand, out.style()), out.style()));
    }
    std::string text;
    for (const auto& s : sections) {
      if (!text.empty()) text += '\n';
      text += s;
    }
    out.write(text);
  } else {
    auto j = output::proto_to_json(resp, shorthand);
    if (close) {
      j["closeEvent"] = output::proto_to_json(*close, shorthand);
      auto o = outcome_of(*close);
      if (o.status == "COMPLETED") j["result"] = payload::result_to_json(o.result, shorthand);
    }
    out.document(j);
  }
  return 0;
}

}  // namespace twctl::ops::workflow
