// The schedule commands that change something: create, update (whole, or --keep-unspecified), delete, and the
// patches (toggle, trigger, backfill).
#include "ops/schedule/schedule.hpp"

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/time_input.hpp"
#include "message/same_fields.hpp"
#include "ops/schedule/spec.hpp"
#include "ops/workflow/start.hpp"
#include "payload/payload.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <google/protobuf/util/time_util.h>

#include <algorithm>

#include "temporal/api/schedule/v1/message.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::schedule {

namespace sch = temporal::api::schedule::v1;
namespace wsv = temporal::api::workflowservice::v1;
namespace enums = temporal::api::enums::v1;
namespace gp = google::protobuf;

const std::string& schedule_id(const ScheduleRef& ref) {
  if (ref.schedule_id.empty()) throw usage_error("-s/--schedule-id must not be empty");
  return ref.schedule_id;
}

namespace {

// The action: the start request `workflow start` would send, its fields copied into the schedule's
// NewWorkflowExecutionInfo (what a start names per call, namespace, identity and request ID, left out).
void build_action(const ActionOptions& opts, Context& ctx, sch::Schedule& out) {
  workflow::StartOptions so;
  static_cast<workflow::SharedWorkflowStartOptions&>(so) = opts;
  so.input = opts.input;
  auto start = workflow::build_start_request(so, ctx);
  start.clear_namespace_();
  start.clear_identity();
  start.clear_request_id();
  start.clear_workflow_start_delay();  // set empty by the builder; a schedule has no --start-delay
  auto* info = out.mutable_action()->mutable_start_workflow();
  if (auto dropped = message::copy_same_fields(start, *info); !dropped.empty()) {
    throw Error(ErrorKind::General, fmt::format("a schedule's action cannot hold the start's {}", fmt::join(dropped, ", ")));
  }
}

sch::Schedule build_schedule(const ScheduleConfig& cfg, const OverlapOption& overlap, const ActionOptions& action,
                             Context& ctx) {
  sch::Schedule s;
  build_config(cfg, overlap, ctx.now(), s);
  build_action(action, ctx, s);
  return s;
}

void done(Context& ctx, const std::string& id, std::string_view field, std::string_view line,
          nlohmann::ordered_json extra = nlohmann::ordered_json::object()) {
  auto& out = ctx.printer();
  if (out.json()) {
    nlohmann::ordered_json j{{"scheduleId", id}, {std::string(field), true}};
    j.update(extra);
    out.document(j);
  } else if (out.text()) {
    ctx.err << line << " " << id << "\n";
  }
}

// Sets `to`'s fields named `names` to `from`'s (unset where `from` has them unset).
void take(const gp::Message& from, gp::Message& to, std::initializer_list<const char*> names) {
  std::unique_ptr<gp::Message> copy(from.New());
  copy->CopyFrom(from);
  std::vector<const gp::FieldDescriptor*> fields;
  for (const char* n : names) fields.push_back(to.GetDescriptor()->FindFieldByName(n));
  to.GetReflection()->SwapFields(copy.get(), &to, fields);
}

// --keep-unspecified: the current schedule with only the given flags' settings taken from `fresh`.
sch::Schedule merge(const sch::Schedule& current, const sch::Schedule& fresh, const std::vector<std::string>& given) {
  auto has = [&](std::initializer_list<const char*> flags) {
    return std::any_of(flags.begin(), flags.end(),
                       [&](const char* f) { return std::find(given.begin(), given.end(), f) != given.end(); });
  };
  sch::Schedule s = current;
  auto& spec = *s.mutable_spec();
  const auto& fspec = fresh.spec();
  // The times it fires are one setting: any of these replaces them all.
  if (has({"--calendar", "--cron", "--interval"})) {
    take(fspec, spec, {"structured_calendar", "cron_string", "calendar", "interval"});
  }
  if (has({"--start-time"})) take(fspec, spec, {"start_time"});
  if (has({"--end-time"})) take(fspec, spec, {"end_time"});
  if (has({"--jitter"})) take(fspec, spec, {"jitter"});
  if (has({"--time-zone"})) take(fspec, spec, {"timezone_name", "timezone_data"});
  if (has({"--overlap-policy"})) take(fresh.policies(), *s.mutable_policies(), {"overlap_policy"});
  if (has({"--catchup-window"})) take(fresh.policies(), *s.mutable_policies(), {"catchup_window"});
  if (has({"--pause-on-failure"})) take(fresh.policies(), *s.mutable_policies(), {"pause_on_failure"});
  if (has({"--notes"})) take(fresh.state(), *s.mutable_state(), {"notes"});
  if (has({"--paused"})) take(fresh.state(), *s.mutable_state(), {"paused"});
  if (has({"--remaining-actions"})) take(fresh.state(), *s.mutable_state(), {"limited_actions", "remaining_actions"});
  const auto& fa = fresh.action().start_workflow();
  auto& a = *s.mutable_action()->mutable_start_workflow();
  if (has({"--workflow-id"})) take(fa, a, {"workflow_id"});
  if (has({"--type"})) take(fa, a, {"workflow_type"});
  if (has({"--task-queue"})) take(fa, a, {"task_queue"});
  if (has({"--input", "--input-file", "--input-meta", "--input-base64"})) take(fa, a, {"input"});
  if (has({"--execution-timeout"})) take(fa, a, {"workflow_execution_timeout"});
  if (has({"--run-timeout"})) take(fa, a, {"workflow_run_timeout"});
  if (has({"--task-timeout"})) take(fa, a, {"workflow_task_timeout"});
  if (has({"--memo"})) take(fa, a, {"memo"});
  if (has({"--search-attribute"})) take(fa, a, {"search_attributes"});
  if (has({"--headers"})) take(fa, a, {"header"});
  if (has({"--static-summary"})) take(fa.user_metadata(), *a.mutable_user_metadata(), {"summary"});
  if (has({"--static-details"})) take(fa.user_metadata(), *a.mutable_user_metadata(), {"details"});
  return s;
}

wsv::PatchScheduleRequest patch_request(const ScheduleRef& ref, Context& ctx) {
  wsv::PatchScheduleRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_schedule_id(schedule_id(ref));
  req.set_identity(ctx.identity());
  req.set_request_id(new_uuid());
  return req;
}

void set_overlap(const OverlapOption& o, auto* msg) {
  if (o.overlap_policy.empty()) return;
  msg->set_overlap_policy(static_cast<enums::ScheduleOverlapPolicy>(enum_number(kOverlapPolicy, o.overlap_policy)));
}

}  // namespace

wsv::CreateScheduleRequest build_create_request(const CreateOptions& opts, Context& ctx) {
  wsv::CreateScheduleRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_schedule_id(schedule_id(opts));
  *req.mutable_schedule() = build_schedule(opts, opts, opts, ctx);
  if (!opts.schedule_memo.empty()) {
    *req.mutable_memo()->mutable_fields() = payload::key_json_map("--schedule-memo", opts.schedule_memo);
  }
  if (!opts.schedule_search_attributes.empty()) {
    *req.mutable_search_attributes()->mutable_indexed_fields() =
        payload::key_json_map("--schedule-search-attribute", opts.schedule_search_attributes);
  }
  req.set_identity(ctx.identity());
  req.set_request_id(new_uuid());
  return req;
}

namespace {

// --keep-unspecified: the schedule the flags alone describe. The action's required flags, when not given, get
// placeholders: a flag not given is never taken from this schedule (merge).
sch::Schedule keep_fresh(const UpdateOptions& opts, Context& ctx) {
  ActionOptions action = opts;
  // (assign, not = "-": GCC 12's -Wrestrict misfires on the literal here)
  if (action.type.empty()) action.type.assign(1, '-');
  if (action.task_queue.empty()) action.task_queue.assign(1, '-');
  return build_schedule(opts, opts, action, ctx);
}

wsv::UpdateScheduleRequest update_request(const UpdateOptions& opts, sch::Schedule schedule, Context& ctx) {
  wsv::UpdateScheduleRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_schedule_id(schedule_id(opts));
  *req.mutable_schedule() = std::move(schedule);
  req.set_identity(ctx.identity());
  req.set_request_id(new_uuid());
  return req;
}

wsv::UpdateScheduleRequest kept_request(const UpdateOptions& opts, const wsv::DescribeScheduleResponse& current,
                                        const sch::Schedule& fresh, Context& ctx) {
  auto req = update_request(opts, merge(current.schedule(), fresh, opts.given), ctx);
  req.set_conflict_token(current.conflict_token());  // a change made meanwhile fails this update
  return req;
}

}  // namespace

wsv::UpdateScheduleRequest build_update_request(const UpdateOptions& opts, const wsv::DescribeScheduleResponse* current,
                                                Context& ctx) {
  if (opts.keep_unspecified) {
    if (!current) throw Error(ErrorKind::General, "--keep-unspecified needs the current schedule");
    return kept_request(opts, *current, keep_fresh(opts, ctx), ctx);
  }
  if (opts.type.empty()) throw usage_error("--type is required (or --keep-unspecified to keep the current one)");
  if (opts.task_queue.empty()) {
    throw usage_error("--task-queue is required (or --keep-unspecified to keep the current one)");
  }
  return update_request(opts, build_schedule(opts, opts, opts, ctx), ctx);
}

int create(const CreateOptions& opts, Context& ctx) {
  auto req = build_create_request(opts, ctx);
  client::call<wsv::CreateScheduleResponse>(ctx.gateway(), req);
  done(ctx, req.schedule_id(), "created", "Created schedule");
  return 0;
}

int update(const UpdateOptions& opts, Context& ctx) {
  wsv::UpdateScheduleRequest req;
  if (opts.keep_unspecified) {
    // Every flag is checked (and stdin read, for --input-file -) before the schedule is read.
    schedule_id(opts);
    auto fresh = keep_fresh(opts, ctx);
    wsv::DescribeScheduleRequest dreq;
    dreq.set_namespace_(ctx.namespace_());
    dreq.set_schedule_id(opts.schedule_id);
    auto current = client::call<wsv::DescribeScheduleResponse>(ctx.gateway(), dreq);
    req = kept_request(opts, current, fresh, ctx);
  } else {
    req = build_update_request(opts, nullptr, ctx);
  }
  client::call<wsv::UpdateScheduleResponse>(ctx.gateway(), req);
  done(ctx, req.schedule_id(), "updated", "Updated schedule");
  return 0;
}

int remove(const ScheduleRef& opts, Context& ctx) {
  wsv::DeleteScheduleRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_schedule_id(schedule_id(opts));
  req.set_identity(ctx.identity());
  client::call<wsv::DeleteScheduleResponse>(ctx.gateway(), req);
  done(ctx, req.schedule_id(), "deleted", "Deleted schedule");
  return 0;
}

int toggle(const ToggleOptions& opts, Context& ctx) {
  if (opts.pause == opts.unpause) throw usage_error("exactly one of --pause and --unpause is required");
  auto req = patch_request(opts, ctx);
  if (opts.pause) req.mutable_patch()->set_pause(opts.reason);
  else req.mutable_patch()->set_unpause(opts.reason);
  client::call<wsv::PatchScheduleResponse>(ctx.gateway(), req);
  done(ctx, req.schedule_id(), opts.pause ? "paused" : "unpaused", opts.pause ? "Paused schedule" : "Unpaused schedule");
  return 0;
}

int trigger(const TriggerOptions& opts, Context& ctx) {
  auto req = patch_request(opts, ctx);
  auto* t = req.mutable_patch()->mutable_trigger_immediately();
  set_overlap(opts, t);
  client::call<wsv::PatchScheduleResponse>(ctx.gateway(), req);
  done(ctx, req.schedule_id(), "triggered", "Triggered schedule");
  return 0;
}

int backfill(const BackfillOptions& opts, Context& ctx) {
  auto req = patch_request(opts, ctx);
  auto now = ctx.now();
  auto start = parse_time_input("--start-time", opts.start_time, now);
  auto end = parse_time_input("--end-time", opts.end_time, now);
  if (end <= start) throw usage_error("--end-time must be after --start-time");
  auto* b = req.mutable_patch()->add_backfill_request();
  to_proto(start, b->mutable_start_time());
  to_proto(end, b->mutable_end_time());
  set_overlap(opts, b);
  client::call<wsv::PatchScheduleResponse>(ctx.gateway(), req);
  done(ctx, req.schedule_id(), "backfilled", "Backfill requested for schedule",
       {{"startTime", gp::util::TimeUtil::ToString(b->start_time())},
        {"endTime", gp::util::TimeUtil::ToString(b->end_time())}});
  return 0;
}

}  // namespace twctl::ops::schedule
