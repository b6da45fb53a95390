#include "ops/workflow/start.hpp"

#include "core/duration.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "ops/workflow/common.hpp"

#include <fmt/format.h>

#include "temporal/api/enums/v1/workflow.pb.h"

namespace twctl::ops::workflow {

namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

template <typename Enum>
Enum pick(std::string_view flag, const std::string& value, const std::vector<std::string>& names,
          const std::vector<Enum>& values) {
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == value) return values[i];
  }
  std::string allowed;
  for (const auto& n : names) allowed += (allowed.empty() ? "" : ", ") + n;
  throw usage_error(fmt::format("invalid value \"{}\" for {}: allowed values are {}", value, flag, allowed));
}

void set_duration(std::string_view flag, const std::string& text, google::protobuf::Duration* out) {
  if (text.empty()) return;
  twctl::to_proto(parse_duration(flag, text), out);
}

}  // namespace

const std::vector<std::string>& id_reuse_policies() {
  static const std::vector<std::string> v{"AllowDuplicate", "AllowDuplicateFailedOnly", "RejectDuplicate",
                                          "TerminateIfRunning"};
  return v;
}

const std::vector<std::string>& id_conflict_policies() {
  static const std::vector<std::string> v{"Fail", "UseExisting", "TerminateExisting"};
  return v;
}

wsv::StartWorkflowExecutionRequest build_start_request(const StartOptions& opts, const Context& ctx) {
  if (opts.type.empty()) throw usage_error("--type must not be empty");
  if (opts.task_queue.empty()) throw usage_error("--task-queue must not be empty");
  wsv::StartWorkflowExecutionRequest req;
  req.set_namespace_(ctx.globals.connection.namespace_);
  req.set_workflow_id(opts.workflow_id.empty() ? new_uuid() : opts.workflow_id);
  req.mutable_workflow_type()->set_name(opts.type);
  req.mutable_task_queue()->set_name(opts.task_queue);
  auto input = payload::build(opts.input);
  if (input.payloads_size() > 0) *req.mutable_input() = std::move(input);
  set_duration("--execution-timeout", opts.execution_timeout, req.mutable_workflow_execution_timeout());
  set_duration("--run-timeout", opts.run_timeout, req.mutable_workflow_run_timeout());
  set_duration("--task-timeout", opts.task_timeout, req.mutable_workflow_task_timeout());
  if (!opts.id_reuse_policy.empty()) {
    req.set_workflow_id_reuse_policy(pick<enums::WorkflowIdReusePolicy>(
        "--id-reuse-policy", opts.id_reuse_policy, id_reuse_policies(),
        {enums::WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE, enums::WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY,
         enums::WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE, enums::WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING}));
  }
  if (!opts.id_conflict_policy.empty()) {
    req.set_workflow_id_conflict_policy(pick<enums::WorkflowIdConflictPolicy>(
        "--id-conflict-policy", opts.id_conflict_policy, id_conflict_policies(),
        {enums::WORKFLOW_ID_CONFLICT_POLICY_FAIL, enums::WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING,
         enums::WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING}));
  }
  for (const auto& kv : opts.memo) {
    auto [key, value] = payload::from_key_json("--memo", kv);
    (*req.mutable_memo()->mutable_fields())[key] = std::move(value);
  }
  for (const auto& kv : opts.search_attributes) {
    auto [key, value] = payload::from_key_json("--search-attribute", kv);
    (*req.mutable_search_attributes()->mutable_indexed_fields())[key] = std::move(value);
  }
  req.set_identity(ctx.globals.connection.identity);
  req.set_request_id(new_uuid());
  return req;
}

int start(const StartOptions& opts, Context& ctx) {
  auto req = build_start_request(opts, ctx);
  auto resp = ctx.gateway().start_workflow(req);
  auto& out = ctx.printer();
  if (out.text()) {
    output::Card card{{"WorkflowId", req.workflow_id()},
                      {"RunId", resp.run_id()},
                      {"Type", req.workflow_type().name()},
                      {"Namespace", req.namespace_()},
                      {"TaskQueue", req.task_queue().name()}};
    out.write(out.style().magenta("Running execution:") + "\n" + output::render_card(card));
  } else {
    nlohmann::ordered_json j{{"workflowId", req.workflow_id()},     {"runId", resp.run_id()},
                             {"type", req.workflow_type().name()},  {"namespace", req.namespace_()},
                             {"taskQueue", req.task_queue().name()}, {"started", resp.started()}};
    out.document(j);
  }
  if (!resp.started()) ctx.warn("a run with this workflow ID was already running; it was not started again");
  return 0;
}

}  // namespace twctl::ops::workflow
