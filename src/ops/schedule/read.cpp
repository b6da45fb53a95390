// The schedule commands that read: describe (a card a person can read), list, count, list-matching-times.
#include "ops/schedule/schedule.hpp"

#include "core/duration.hpp"
#include "core/error.hpp"
#include "core/time_input.hpp"
#include "ops/paging.hpp"
#include "ops/schedule/spec.hpp"
#include "ops/workflow/common.hpp"
#include "output/proto_fields.hpp"
#include "output/proto_json.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "temporal/api/schedule/v1/message.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::schedule {

namespace sch = temporal::api::schedule::v1;
namespace wsv = temporal::api::workflowservice::v1;
namespace enums = temporal::api::enums::v1;

namespace {

// An exact time, and how far it is when times are shown relative: "2026-12-02T16:00:00Z (in 30 minutes)".
std::string exact_time(const Context& ctx, const google::protobuf::Timestamp& ts) {
  auto format = ctx.globals.time_format;
  std::string exact = format_time(ts, format == TimeFormat::Raw ? TimeFormat::Raw : TimeFormat::Iso, ctx.now());
  if (format != TimeFormat::Relative) return exact;
  return exact + " (" + format_time(ts, TimeFormat::Relative, ctx.now()) + ")";
}

std::string time_text(const Context& ctx, const google::protobuf::Timestamp& ts) {
  return format_time(ts, ctx.globals.time_format, ctx.now());
}

std::string words(const Context& ctx, const sch::ScheduleSpec& spec) {
  return fmt::format("{}", fmt::join(spec_in_words(spec, ctx.globals.time_format, ctx.now()), "; "));
}

std::string overlap_text(int policy) {
  if (policy == 0) return "Skip (default)";
  return workflow::pascal_name(enums::ScheduleOverlapPolicy_Name(policy), "SCHEDULE_OVERLAP_POLICY_");
}

std::string action_text(const sch::ScheduleAction& a) {
  if (!a.has_start_workflow()) return "";
  const auto& w = a.start_workflow();
  return fmt::format("start workflow {} on task queue {} (ID {})", w.workflow_type().name(), w.task_queue().name(),
                     w.workflow_id());
}

void describe_text(const wsv::DescribeScheduleResponse& resp, const std::string& id, Context& ctx) {
  auto& out = ctx.printer();
  const auto& s = resp.schedule();
  const auto& info = resp.info();
  // A pause's reason is the schedule's notes (the server writes it there).
  const auto& notes = s.state().notes();
  std::string state = !s.state().paused() ? "Running" : notes.empty() ? "Paused" : "Paused: " + notes;
  output::Card card{{"ScheduleId", id}, {"Spec", words(ctx, s.spec())}};
  card.emplace_back("State", state);
  if (!notes.empty() && !s.state().paused()) card.emplace_back("Notes", notes);
  if (s.state().limited_actions()) card.emplace_back("RemainingActions", std::to_string(s.state().remaining_actions()));
  card.emplace_back("Action", action_text(s.action()));
  card.emplace_back("OverlapPolicy", overlap_text(s.policies().overlap_policy()));
  if (s.policies().has_catchup_window()) card.emplace_back("CatchupWindow", format_duration(s.policies().catchup_window()));
  card.emplace_back("PauseOnFailure", s.policies().pause_on_failure() ? "true" : "false");
  card.emplace_back("ActionsTaken", std::to_string(info.action_count()));
  card.emplace_back("MissedCatchupWindow", std::to_string(info.missed_catchup_window()));
  card.emplace_back("OverlapSkipped", std::to_string(info.overlap_skipped()));
  if (info.buffer_dropped() > 0) card.emplace_back("BufferDropped", std::to_string(info.buffer_dropped()));
  if (info.buffer_size() > 0) card.emplace_back("Buffered", std::to_string(info.buffer_size()));
  if (info.has_create_time()) card.emplace_back("CreateTime", time_text(ctx, info.create_time()));
  if (info.has_update_time()) card.emplace_back("UpdateTime", time_text(ctx, info.update_time()));
  std::string text = output::render_card(card, out.style());

  text += "\nNext runs:\n";
  if (s.state().paused()) {
    text += "  (none while paused)\n";
  } else {
    if (info.future_action_times().empty()) text += "  (none)\n";
    for (const auto& t : info.future_action_times()) text += "  " + exact_time(ctx, t) + "\n";
  }

  text += "\nRecent actions:\n";
  if (info.recent_actions().empty()) {
    text += "  (none)\n";
  } else {
    output::Table table{{{"ScheduledTime"}, {"ActualTime"}, {"WorkflowId"}, {"RunId"}, {"Status", false, true}}, {}};
    for (const auto& a : info.recent_actions()) {
      table.rows.push_back({time_text(ctx, a.schedule_time()), time_text(ctx, a.actual_time()),
                            a.start_workflow_result().workflow_id(), a.start_workflow_result().run_id(),
                            workflow::status_text(a.start_workflow_status())});
    }
    text += output::render_table(table, true, out.style());
  }
  text += "\nRunning workflows:\n";
  if (info.running_workflows().empty()) {
    text += "  (none)\n";
  } else {
    output::Table table{{{"WorkflowId"}, {"RunId"}}, {}};
    for (const auto& w : info.running_workflows()) table.rows.push_back({w.workflow_id(), w.run_id()});
    text += output::render_table(table, true, out.style());
  }
  out.write(text);
}

}  // namespace

int describe(const ScheduleRef& opts, Context& ctx) {
  wsv::DescribeScheduleRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_schedule_id(schedule_id(opts));
  auto resp = client::call<wsv::DescribeScheduleResponse>(ctx.gateway(), req);
  auto& out = ctx.printer();
  if (out.record(resp, ctx.globals.shorthand_payloads)) return 0;
  if (out.json()) out.document(output::proto_to_json(resp, ctx.globals.shorthand_payloads));
  else if (out.text()) describe_text(resp, opts.schedule_id, ctx);
  return 0;
}

int list(const ListOptions& opts, Context& ctx) {
  wsv::ListSchedulesRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_query(opts.query);
  bool long_ = opts.long_ || opts.really_long;
  std::vector<output::Column> columns{{"ScheduleId"}, {"WorkflowType"}};
  if (long_) columns.insert(columns.end(), {{"Spec"}, {"Notes"}});
  columns.insert(columns.end(), {{"Paused"}, {"NextRunTime"}, {"LastRunTime"}});
  if (opts.really_long) columns.insert(columns.end(), {{"LastWorkflowId"}, {"LastStatus", false, true}});
  output::PagedList list(ctx.printer(), std::move(columns), 0);
  stream_list<wsv::ListSchedulesResponse>(
      ctx, req, list, [](const auto& resp) -> const auto& { return resp.schedules(); },
      [&](const sch::ScheduleListEntry& e) {
        const auto& info = e.info();
        std::vector<std::string> row{e.schedule_id(), info.workflow_type().name()};
        if (long_) {
          row.push_back(words(ctx, info.spec()));
          row.push_back(info.notes());
        }
        row.push_back(info.paused() ? "true" : "false");
        row.push_back(info.future_action_times().empty() ? "" : time_text(ctx, info.future_action_times(0)));
        const sch::ScheduleActionResult* last =
            info.recent_actions().empty() ? nullptr : &info.recent_actions(info.recent_actions_size() - 1);
        row.push_back(last ? time_text(ctx, last->actual_time()) : "");
        if (opts.really_long) {
          row.push_back(last ? last->start_workflow_result().workflow_id() : "");
          row.push_back(last ? workflow::status_text(last->start_workflow_status()) : "");
        }
        return row;
      },
      ctx.globals.shorthand_payloads);
  return 0;
}

int count(const CountOptions& opts, Context& ctx) {
  wsv::CountSchedulesRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_query(opts.query);
  auto resp = client::call<wsv::CountSchedulesResponse>(ctx.gateway(), req);
  auto& out = ctx.printer();
  if (out.record(resp, ctx.globals.shorthand_payloads)) return 0;
  if (out.json()) {
    out.document(output::proto_to_json(resp, ctx.globals.shorthand_payloads));
  } else if (out.text()) {
    std::string text = std::to_string(resp.count()) + "\n";
    for (const auto& g : resp.groups()) {
      std::vector<std::string> values;
      for (const auto& v : g.group_values()) values.push_back(output::proto_to_json(v, true).dump());
      text += fmt::format("  {}: {}\n", fmt::join(values, ", "), g.count());
    }
    out.write(text);
  }
  return 0;
}

int matching_times(const MatchingTimesOptions& opts, Context& ctx) {
  wsv::ListScheduleMatchingTimesRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_schedule_id(schedule_id(opts));
  auto now = ctx.now();
  auto start = parse_time_input("--start-time", opts.start_time.empty() ? "now" : opts.start_time, now);
  auto end = parse_time_input("--end-time", opts.end_time, now);
  if (end <= start) throw usage_error("--end-time must be after --start-time");
  to_proto(start, req.mutable_start_time());
  to_proto(end, req.mutable_end_time());
  auto resp = client::call<wsv::ListScheduleMatchingTimesResponse>(ctx.gateway(), req);
  auto& out = ctx.printer();
  if (out.json()) {
    out.document(output::proto_to_json(resp, ctx.globals.shorthand_payloads));
  } else if (out.text()) {
    std::string text;
    for (const auto& t : resp.start_time()) text += exact_time(ctx, t) + "\n";
    out.write(text);
  }
  return 0;
}

}  // namespace twctl::ops::schedule
