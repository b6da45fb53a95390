// `activity update-options`: change the timeouts, retry policy or task queue of a workflow's pending activities.
#include "core/duration.hpp"
#include "core/error.hpp"
#include "core/number.hpp"
#include "ops/outcome.hpp"
#include "ops/activity/activity.hpp"
#include "ops/activity/retry_flags.hpp"
#include "ops/activity/batch.hpp"
#include "ops/activity/standalone_ops.hpp"
#include "ops/workflow/target.hpp"
#include "output/proto_json.hpp"
#include "output/render.hpp"

#include <fmt/format.h>

#include <cstdint>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::activity {

namespace wsv = temporal::api::workflowservice::v1;

namespace {

std::string duration_text(const google::protobuf::Duration& d) { return format_duration(d); }

// The options an activity has now: a card (text) or the ActivityOptions (json).
void print_options(const temporal::api::activity::v1::ActivityOptions& a, Context& ctx) {
  auto& out = ctx.printer();
  if (out.json()) {
    out.document(output::proto_to_json(a, ctx.globals.shorthand_payloads));
  } else if (out.text()) {
    const auto& r = a.retry_policy();
    output::Card card{{"TaskQueue", a.task_queue().name()},
                      {"ScheduleToCloseTimeout", duration_text(a.schedule_to_close_timeout())},
                      {"ScheduleToStartTimeout", duration_text(a.schedule_to_start_timeout())},
                      {"StartToCloseTimeout", duration_text(a.start_to_close_timeout())},
                      {"HeartbeatTimeout", duration_text(a.heartbeat_timeout())},
                      {"InitialInterval", duration_text(r.initial_interval())},
                      {"BackoffCoefficient", fmt::format("{}", r.backoff_coefficient())},
                      {"MaximumInterval", duration_text(r.maximum_interval())},
                      {"MaximumAttempts", std::to_string(r.maximum_attempts())}};
    out.write(out.style().magenta("Activity Options:") + "\n" + output::render_card(card, out.style()));
  }
}

}  // namespace

double backoff_coefficient(const std::string& s) {
  auto v = parse_real(s);
  if (!v || *v < 1) {
    throw usage_error(fmt::format("invalid value \"{}\" for --retry-backoff-coefficient: a number, 1 or more", s));
  }
  return *v;
}

int32_t maximum_attempts(const std::string& s) {
  auto n = parse_whole(s);
  if (!n || *n < 0 || *n > INT32_MAX) {
    throw usage_error(
        fmt::format("invalid value \"{}\" for --retry-maximum-attempts: a whole number, 0 (no limit) or more", s));
  }
  return static_cast<int32_t>(*n);
}

int update_options(const UpdateOptionsOptions& opts, Context& ctx) {
  const auto& t = opts.target;
  if (is_standalone(t)) check_standalone(t);
  else if (!is_batch(t)) check_single(t, true);
  auto batch = is_batch(t) ? batch_target(t) : workflow::Target();

  temporal::api::activity::v1::ActivityOptions options;
  google::protobuf::FieldMask mask_value;
  auto* o = &options;
  auto* mask = &mask_value;
  auto duration = [&](std::string_view flag, const std::string& text, google::protobuf::Duration* out,
                      std::string_view path) {
    if (text.empty()) return;
    to_proto(parse_duration(flag, text), out);
    mask->add_paths(std::string(path));
  };
  if (!opts.task_queue.empty()) {
    o->mutable_task_queue()->set_name(opts.task_queue);
    mask->add_paths("task_queue.name");
  }
  duration("--schedule-to-close-timeout", opts.schedule_to_close_timeout, o->mutable_schedule_to_close_timeout(),
           "schedule_to_close_timeout");
  duration("--schedule-to-start-timeout", opts.schedule_to_start_timeout, o->mutable_schedule_to_start_timeout(),
           "schedule_to_start_timeout");
  duration("--start-to-close-timeout", opts.start_to_close_timeout, o->mutable_start_to_close_timeout(),
           "start_to_close_timeout");
  duration("--heartbeat-timeout", opts.heartbeat_timeout, o->mutable_heartbeat_timeout(), "heartbeat_timeout");
  auto* retry = o->mutable_retry_policy();
  duration("--retry-initial-interval", opts.retry_initial_interval, retry->mutable_initial_interval(),
           "retry_policy.initial_interval");
  duration("--retry-maximum-interval", opts.retry_maximum_interval, retry->mutable_maximum_interval(),
           "retry_policy.maximum_interval");
  if (!opts.retry_backoff_coefficient.empty()) {
    retry->set_backoff_coefficient(backoff_coefficient(opts.retry_backoff_coefficient));
    mask->add_paths("retry_policy.backoff_coefficient");
  }
  if (!opts.retry_maximum_attempts.empty()) {
    retry->set_maximum_attempts(maximum_attempts(opts.retry_maximum_attempts));
    mask->add_paths("retry_policy.maximum_attempts");
  }
  if (mask->paths_size() == 0 && !opts.restore_original_options) {
    throw usage_error("nothing to update: give an option to change, or --restore-original-options");
  }
  if (mask->paths_size() > 0 && opts.restore_original_options) {
    throw usage_error("--restore-original-options cannot be combined with options to change");
  }

  if (is_batch(t)) {
    return workflow::run_batch(batch, ctx, "Update activity options of", [&](wsv::StartBatchOperationRequest& req) {
      auto* op = req.mutable_update_activity_options_operation();
      op->set_identity(ctx.identity());
      if (t.activity_type.empty()) op->set_match_all(true);
      else op->set_type(t.activity_type);
      if (mask->paths_size() > 0) {
        *op->mutable_activity_options() = options;
        *op->mutable_update_mask() = mask_value;
      }
      op->set_restore_original(opts.restore_original_options);
    });
  }

  if (is_standalone(t)) {
    print_options(update_standalone(t, options, mask_value, opts.restore_original_options, ctx), ctx);
    return 0;
  }
  wsv::UpdateActivityOptionsRequest req;
  req.set_namespace_(ctx.namespace_());
  req.mutable_execution()->set_workflow_id(t.workflow_id);
  req.mutable_execution()->set_run_id(t.run_id);
  req.set_identity(ctx.identity());
  if (!t.activity_id.empty()) req.set_id(t.activity_id);
  if (!t.activity_type.empty()) req.set_type(t.activity_type);
  if (t.match_all) req.set_match_all(true);
  req.set_restore_original(opts.restore_original_options);
  if (mask->paths_size() > 0) {
    *req.mutable_activity_options() = options;
    *req.mutable_update_mask() = mask_value;
  }
  auto resp = call_change<wsv::UpdateActivityOptionsResponse>(ctx, req, check_with(ctx, "workflow describe -w " + t.workflow_id));
  print_options(resp.activity_options(), ctx);
  return 0;
}

}  // namespace twctl::ops::activity
