// workflow reset: a new run that replays the history up to a workflow task, then continues from there.
#include "ops/outcome.hpp"
#include "ops/workflow/reset.hpp"

#include "ops/workflow/common.hpp"
#include "ops/workflow/target.hpp"

#include "core/error.hpp"
#include "core/ids.hpp"
#include "ops/workflow/history.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "temporal/api/enums/v1/event_type.pb.h"
#include "temporal/api/enums/v1/reset.pb.h"

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;

const std::vector<std::string>& reset_types() {
  static const std::vector<std::string> v{"FirstWorkflowTask", "LastWorkflowTask", "LastContinuedAsNew", "BuildId"};
  return v;
}
const std::vector<std::string>& reapply_exclude_values() {
  static const std::vector<std::string> v{"All", "Signal", "Update"};
  return v;
}
const std::vector<std::string>& reapply_type_values() {
  static const std::vector<std::string> v{"All", "Signal", "None"};
  return v;
}

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

// What to reapply after the reset point: exclusions (case-insensitive, "All" means every kind) and the
// deprecated reapply type, which cannot be combined with them unless it is "All" (the default).
struct Reapply {
  std::vector<enums::ResetReapplyExcludeType> exclude;
  enums::ResetReapplyType type = enums::RESET_REAPPLY_TYPE_ALL_ELIGIBLE;
};

// The deprecated reapply type is still sent, as the official CLI sends it: the server combines it with the
// exclusions (ALL_ELIGIBLE: nothing more excluded).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
void set_reapply_type(wsv::ResetWorkflowExecutionRequest& req, enums::ResetReapplyType t) {
  req.set_reset_reapply_type(t);
}
void set_reapply_type(temporal::api::common::v1::ResetOptions& opts, enums::ResetReapplyType t) {
  opts.set_reset_reapply_type(t);
}
#pragma GCC diagnostic pop

Reapply reapply_of(const ResetOptions& o) {
  Reapply r;
  for (const auto& v : o.reapply_exclude) {
    if (iequals(v, "All")) {
      r.exclude = {enums::RESET_REAPPLY_EXCLUDE_TYPE_SIGNAL, enums::RESET_REAPPLY_EXCLUDE_TYPE_UPDATE,
                   enums::RESET_REAPPLY_EXCLUDE_TYPE_NEXUS};
      break;
    }
    auto kind = iequals(v, "Signal")   ? enums::RESET_REAPPLY_EXCLUDE_TYPE_SIGNAL
                : iequals(v, "Update") ? enums::RESET_REAPPLY_EXCLUDE_TYPE_UPDATE
                                       : throw usage_error("--reapply-exclude must be All, Signal or Update, not \"" + v + "\"");
    if (std::find(r.exclude.begin(), r.exclude.end(), kind) == r.exclude.end()) r.exclude.push_back(kind);
  }
  if (!o.reapply_type.empty() && o.reapply_type != "All") {
    if (!o.reapply_exclude.empty()) {
      throw usage_error("--reapply-type cannot be used with --reapply-exclude: use --reapply-exclude alone");
    }
    if (o.reapply_type == "Signal") r.type = enums::RESET_REAPPLY_TYPE_SIGNAL;
    else if (o.reapply_type == "None") r.type = enums::RESET_REAPPLY_TYPE_NONE;
    else throw usage_error("--reapply-type must be All, Signal or None, not \"" + o.reapply_type + "\"");
  }
  return r;
}

void validate(const ResetOptions& o) {
  const auto& t = o.target;
  validate_target(t, true);
  if (t.reason.empty()) throw usage_error("--reason is required: say why the workflow is reset");
  if (!o.type.empty() && std::find(reset_types().begin(), reset_types().end(), o.type) == reset_types().end()) {
    throw usage_error("-t/--type must be FirstWorkflowTask, LastWorkflowTask, LastContinuedAsNew or BuildId");
  }
  if (o.event_id < 0) throw usage_error("-e/--event-id must be a positive event ID");
  if (o.with_update_options) {
    temporal::api::workflow::v1::VersioningOverride checked;
    build_override(o.override_flags, &checked);
  }
  if (t.batch()) {
    if (o.event_id != 0) throw usage_error("-e/--event-id cannot be used with -q/--query: a batch resets to a -t/--type");
    if (o.type.empty()) throw usage_error("a batch reset needs -t/--type");
    if (o.type == "LastContinuedAsNew") throw usage_error("-t LastContinuedAsNew cannot be used with -q/--query");
  } else if ((o.event_id != 0) == !o.type.empty()) {
    throw usage_error("give exactly one of -e/--event-id and -t/--type");
  }
  if (o.type == "BuildId" && o.build_id.empty()) throw usage_error("-t BuildId needs --build-id");
  if (o.type != "BuildId" && !o.build_id.empty()) throw usage_error("--build-id is for -t BuildId");
}

// Where to reset one workflow: the run (empty: the latest) and the workflow task event in it.
struct Point {
  std::string run_id;
  int64_t event_id = 0;
};

[[noreturn]] void no_point(std::string_view what) { throw Error(ErrorKind::General, std::string(what)); }

WorkflowExecution execution(const std::string& wid, const std::string& rid) { return to_proto(WorkflowRef{wid, rid}); }

// The first WorkflowTaskCompleted; without one, the event after the first WorkflowTaskScheduled.
int64_t first_workflow_task(Context& ctx, const WorkflowExecution& ex) {
  int64_t id = 0;
  for_each_event(ctx, ex, [&](const HistoryEvent& e) {
    if (e.event_type() == enums::EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
      id = e.event_id();
      return false;
    }
    if (e.event_type() == enums::EVENT_TYPE_WORKFLOW_TASK_SCHEDULED && id == 0) id = e.event_id() + 1;
    return true;
  });
  return id;
}

// The last WorkflowTaskCompleted (reading the history backwards); without one, the event after the last
// WorkflowTaskScheduled.
int64_t last_workflow_task(Context& ctx, const WorkflowExecution& ex) {
  int64_t completed = 0, scheduled_next = 0;
  for_each_event_reverse(ctx, ex, [&](const HistoryEvent& e) {
    if (e.event_type() == enums::EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
      completed = e.event_id();
      return false;
    }
    if (e.event_type() == enums::EVENT_TYPE_WORKFLOW_TASK_SCHEDULED && scheduled_next == 0) {
      scheduled_next = e.event_id() + 1;
    }
    return true;
  });
  return completed != 0 ? completed : scheduled_next;
}

// The run this one continued from, and its last WorkflowTaskCompleted.
Point last_continued_as_new(Context& ctx, const WorkflowExecution& ex) {
  std::string previous;
  for_each_event(ctx, ex, [&](const HistoryEvent& e) {
    previous = e.workflow_execution_started_event_attributes().continued_execution_run_id();
    return false;
  });
  if (previous.empty()) {
    no_point(fmt::format("cannot reset {} to LastContinuedAsNew: the run did not continue from another",
                         ex.workflow_id()));
  }
  int64_t id = 0;
  for_each_event(ctx, execution(ex.workflow_id(), previous), [&](const HistoryEvent& e) {
    if (e.event_type() == enums::EVENT_TYPE_WORKFLOW_TASK_COMPLETED) id = e.event_id();
    return true;
  });
  if (id == 0) no_point(fmt::format("run {} (continued as new) has no completed workflow task", previous));
  return {previous, id};
}

// The first workflow task completed by the build, from the workflow's auto-reset points.
Point build_id_point(Context& ctx, const WorkflowExecution& ex, const std::string& build_id) {
  wsv::DescribeWorkflowExecutionRequest req;
  req.set_namespace_(ctx.namespace_());
  *req.mutable_execution() = ex;
  auto resp = client::call<wsv::DescribeWorkflowExecutionResponse>(ctx.gateway(), req);
  for (const auto& p : resp.workflow_execution_info().auto_reset_points().points()) {
    if (p.build_id() == build_id) return {p.run_id(), p.first_workflow_task_completed_id()};
  }
  no_point(fmt::format("no workflow task of {} was completed by build ID {}", ex.workflow_id(), build_id));
}

Point resolve(const ResetOptions& o, Context& ctx) {
  const auto& ref = o.target.ref;
  auto ex = execution(ref.workflow_id, ref.run_id);
  if (o.type.empty()) return {ref.run_id, o.event_id};
  if (o.type == "LastContinuedAsNew") return last_continued_as_new(ctx, ex);
  if (o.type == "BuildId") return build_id_point(ctx, ex, o.build_id);
  auto id = o.type == "FirstWorkflowTask" ? first_workflow_task(ctx, ex) : last_workflow_task(ctx, ex);
  if (id == 0) no_point(fmt::format("{} has no workflow task to reset to", ref.workflow_id));
  return {ref.run_id, id};
}

// with-workflow-update-options: UpdateWorkflowOptions after the reset, in the same request.
void add_post_reset_update(const ResetOptions& o, temporal::api::workflow::v1::PostResetOperation* op) {
  auto* update = op->mutable_update_workflow_options();
  auto* options = update->mutable_workflow_execution_options();
  if (!build_override(o.override_flags, options->mutable_versioning_override())) options->clear_versioning_override();
  update->mutable_update_mask()->add_paths("versioning_override");
}

int reset_batch(const ResetOptions& o, const Reapply& reapply, Context& ctx) {
  return run_batch(o.target, ctx, "Reset", [&](wsv::StartBatchOperationRequest& req) {
    auto* op = req.mutable_reset_operation();
    op->set_identity(ctx.identity());
    auto* options = op->mutable_options();
    if (o.type == "FirstWorkflowTask") options->mutable_first_workflow_task();
    else if (o.type == "LastWorkflowTask") options->mutable_last_workflow_task();
    else options->set_build_id(o.build_id);
    set_reapply_type(*options, reapply.type);
    for (auto kind : reapply.exclude) options->add_reset_reapply_exclude_types(kind);
    if (o.with_update_options) add_post_reset_update(o, op->add_post_reset_operations());
  });
}

}  // namespace

int reset(const ResetOptions& opts, Context& ctx) {
  validate(opts);
  auto reapply = reapply_of(opts);
  if (opts.target.batch()) return reset_batch(opts, reapply, ctx);

  auto point = resolve(opts, ctx);
  const auto& wid = opts.target.ref.workflow_id;
  wsv::ResetWorkflowExecutionRequest req;
  req.set_namespace_(ctx.namespace_());
  *req.mutable_workflow_execution() = execution(wid, point.run_id);
  req.set_reason(opts.target.reason);
  req.set_workflow_task_finish_event_id(point.event_id);
  req.set_request_id(new_uuid());
  set_reapply_type(req, reapply.type);
  for (auto kind : reapply.exclude) req.add_reset_reapply_exclude_types(kind);
  req.set_identity(ctx.identity());
  if (opts.with_update_options) add_post_reset_update(opts, req.add_post_reset_operations());
  auto resp = call_change<wsv::ResetWorkflowExecutionResponse>(
      ctx, req, check_with(ctx, "workflow describe -w " + wid, " (a new run, reset from " + point.run_id + "?)"));

  auto& out = ctx.printer();
  if (out.json()) {
    out.document({{"workflowId", wid},
                  {"runId", resp.run_id()},
                  {"baseRunId", point.run_id},
                  {"eventId", point.event_id}});
  } else if (out.text()) {
    output::Card card{{"WorkflowId", wid}, {"RunId", resp.run_id()}};
    if (!point.run_id.empty()) card.emplace_back("BaseRunId", point.run_id);
    card.emplace_back("EventId", std::to_string(point.event_id));
    out.write("Reset execution:\n" + output::render_card(card, out.style()));
  }
  return 0;
}

}  // namespace twctl::ops::workflow
