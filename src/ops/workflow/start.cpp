#include "ops/workflow/start.hpp"

#include "ops/outcome.hpp"

#include "payload/payload.hpp"
#include "payload/text.hpp"

#include "core/duration.hpp"
#include "core/error.hpp"
#include "core/number.hpp"
#include "core/ids.hpp"
#include "ops/workflow/common.hpp"
#include "ops/workflow/from_file.hpp"

#include <fmt/format.h>

#include <cstdint>

#include "temporal/api/enums/v1/workflow.pb.h"

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

constexpr size_t kMaxFairnessKeyBytes = 64;  // the server's limit on a fairness key

}  // namespace

void set_priority(const SharedWorkflowStartOptions& opts, temporal::api::common::v1::Priority* out) {
  set_priority(opts.priority_key, opts.fairness_key, opts.fairness_weight, out);
}

void set_priority(const std::string& priority_key, const std::string& fairness_key, const std::string& fairness_weight,
                  temporal::api::common::v1::Priority* out) {
  if (!priority_key.empty()) {
    auto key = parse_whole(priority_key);
    if (!key || *key < 1 || *key > INT32_MAX) {
      throw usage_error(fmt::format("invalid value \"{}\" for --priority-key: a whole number from 1 (the server's "
                                    "default levels are 1 to 5)",
                                    priority_key));
    }
    out->set_priority_key(static_cast<int32_t>(*key));
  }
  if (!fairness_key.empty()) {
    if (fairness_key.size() > kMaxFairnessKeyBytes) {
      throw usage_error(fmt::format("--fairness-key is {} bytes long; the server takes at most {}",
                                    fairness_key.size(), kMaxFairnessKeyBytes));
    }
    out->set_fairness_key(fairness_key);
  }
  if (!fairness_weight.empty()) {
    auto w = parse_real(fairness_weight);
    if (!w || !(*w >= 0.001 && *w <= 1000)) {
      throw usage_error(fmt::format("invalid value \"{}\" for --fairness-weight: a number from 0.001 to 1000",
                                    fairness_weight));
    }
    out->set_fairness_weight(static_cast<float>(*w));
  }
}

wsv::StartWorkflowExecutionRequest build_start_request(const StartOptions& opts, Context& ctx) {
  if (opts.type.empty()) throw usage_error("--type must not be empty");
  if (opts.task_queue.empty()) throw usage_error("--task-queue must not be empty");
  wsv::StartWorkflowExecutionRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_workflow_id(opts.workflow_id.empty() ? new_uuid() : opts.workflow_id);
  req.mutable_workflow_type()->set_name(opts.type);
  req.mutable_task_queue()->set_name(opts.task_queue);
  auto input = payload::build(opts.input, "input", &ctx.in);
  if (input.payloads_size() > 0) *req.mutable_input() = std::move(input);
  set_duration("--execution-timeout", opts.execution_timeout, [&] { return req.mutable_workflow_execution_timeout(); });
  set_duration("--run-timeout", opts.run_timeout, [&] { return req.mutable_workflow_run_timeout(); });
  set_duration("--task-timeout", opts.task_timeout, [&] { return req.mutable_workflow_task_timeout(); });
  if (!opts.id_reuse_policy.empty()) {
    req.set_workflow_id_reuse_policy(
        static_cast<enums::WorkflowIdReusePolicy>(enum_number(kIdReusePolicy, opts.id_reuse_policy)));
  }
  if (!opts.id_conflict_policy.empty()) {
    req.set_workflow_id_conflict_policy(
        static_cast<enums::WorkflowIdConflictPolicy>(enum_number(kIdConflictPolicy, opts.id_conflict_policy)));
  }
  if (!opts.memo.empty()) *req.mutable_memo()->mutable_fields() = payload::key_json_map("--memo", opts.memo);
  if (!opts.search_attributes.empty()) {
    *req.mutable_search_attributes()->mutable_indexed_fields() =
        payload::key_json_map("--search-attribute", opts.search_attributes);
  }
  if (!opts.headers.empty()) *req.mutable_header()->mutable_fields() = payload::key_json_map("--headers", opts.headers);
  set_duration("--start-delay", opts.start_delay, [&] { return req.mutable_workflow_start_delay(); });
  if (!opts.cron.empty()) {
    if (!opts.start_delay.empty()) throw usage_error("--cron and --start-delay cannot be used together");
    req.set_cron_schedule(opts.cron);
  }
  if (opts.fail_existing) {
    if (req.workflow_id_conflict_policy() == enums::WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING ||
        req.workflow_id_conflict_policy() == enums::WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING) {
      throw usage_error("--fail-existing contradicts --id-conflict-policy " + opts.id_conflict_policy);
    }
    req.set_workflow_id_conflict_policy(enums::WORKFLOW_ID_CONFLICT_POLICY_FAIL);
  }
  if (!opts.static_summary.empty()) {
    *req.mutable_user_metadata()->mutable_summary() =
        payload::from_text("--static-summary", opts.static_summary);
  }
  if (!opts.static_details.empty()) {
    *req.mutable_user_metadata()->mutable_details() =
        payload::from_text("--static-details", opts.static_details);
  }
  set_priority(opts, req.mutable_priority());
  if (req.priority().ByteSizeLong() == 0) req.clear_priority();
  req.set_identity(ctx.identity());
  req.set_request_id(new_uuid());
  if (!opts.cron.empty()) ctx.warn("--cron is deprecated: use schedules instead");
  return req;
}

output::Card started_card(const wsv::StartWorkflowExecutionRequest& req, const std::string& run_id) {
  return {{"WorkflowId", req.workflow_id()},
          {"RunId", run_id},
          {"Type", req.workflow_type().name()},
          {"Namespace", req.namespace_()},
          {"TaskQueue", req.task_queue().name()}};
}

nlohmann::ordered_json started_json(const wsv::StartWorkflowExecutionRequest& req, const std::string& run_id,
                                    bool started) {
  return {{"workflowId", req.workflow_id()},
          {"runId", run_id},
          {"type", req.workflow_type().name()},
          {"namespace", req.namespace_()},
          {"taskQueue", req.task_queue().name()},
          {"started", started}};
}

void print_started(Context& ctx, const wsv::StartWorkflowExecutionRequest& req, const std::string& run_id,
                   bool started, std::string_view not_started) {
  auto& out = ctx.printer();
  if (out.text()) {
    out.write(out.style().magenta("Running execution:") + "\n" + output::render_card(started_card(req, run_id)));
  } else {
    out.document(started_json(req, run_id, started));
  }
  if (!started) ctx.warn("a run with this workflow ID was already running; " + std::string(not_started));
}

int start(const StartCommandOptions& opts, Context& ctx) {
  if (opts.bulk.given()) return start_from_file(opts, ctx);
  check_not_bulk(opts.bulk, true);
  // Not required by the parser, since --from-file lines may give them.
  if (opts.type.empty()) throw usage_error("--type is required (or --from-file, with \"type\" on each line)");
  if (opts.task_queue.empty()) {
    throw usage_error("--task-queue is required (or --from-file, with \"task-queue\" on each line)");
  }
  auto req = build_start_request(opts, ctx);
  auto resp = call_change<wsv::StartWorkflowExecutionResponse>(
      ctx, req, check_with(ctx, "workflow describe -w " + req.workflow_id()));
  print_started(ctx, req, resp.run_id(), resp.started());
  return 0;
}

}  // namespace twctl::ops::workflow
