#include "ops/workflow/update.hpp"

#include "ops/outcome.hpp"

#include "ops/workflow/common.hpp"
#include "payload/payload.hpp"

#include "core/error.hpp"
#include "core/ids.hpp"
#include "output/proto_json.hpp"

#include <fmt/format.h>

#include "temporal/api/enums/v1/update.pb.h"

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace enums = temporal::api::enums::v1;
namespace update = temporal::api::update::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

std::string stage_name(enums::UpdateWorkflowExecutionLifecycleStage s) {
  return pascal_name(enums::UpdateWorkflowExecutionLifecycleStage_Name(s),
                     "UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_");
}

// Waits for the outcome of an update that was admitted, re-polling while the server's long poll expires.
update::Outcome poll_outcome(Context& ctx, const update::UpdateRef& ref) {
  wsv::PollWorkflowExecutionUpdateRequest req;
  req.set_namespace_(ctx.namespace_());
  *req.mutable_update_ref() = ref;
  req.set_identity(ctx.identity());
  req.mutable_wait_policy()->set_lifecycle_stage(enums::UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED);
  for (;;) {
    if (ctx.cancel.cancelled()) throw Error(ErrorKind::Interrupted, "interrupted");
    auto asked = ctx.now();
    auto resp = client::call<wsv::PollWorkflowExecutionUpdateResponse>(ctx.gateway(), req);
    if (resp.has_outcome()) return resp.outcome();
    pause_before_repoll(ctx, asked);
  }
}

// Prints the card or JSON object (after `head`), then fails with update_failed when the outcome is a failure.
int print_update_outcome(Context& ctx, const std::string& name, const std::string& update_id,
                         const update::Outcome* outcome, std::string_view how_failed, const UpdateHead& head = {}) {
  auto& out = ctx.printer();
  bool shorthand = ctx.globals.shorthand_payloads;
  bool failed = outcome && outcome->has_failure();
  if (out.text()) {
    output::Card card;
    if (!name.empty()) card.emplace_back("Name", name);
    card.emplace_back("UpdateId", update_id);
    if (outcome && outcome->has_success()) card.emplace_back("Result", payload::result_to_json(outcome->success(), shorthand).dump());
    if (failed) card.emplace_back("Failure", failure_text(outcome->failure()));
    out.write(head.text + output::render_card(card, out.style()));
  } else {
    bool with_head = head.json.is_object();
    nlohmann::ordered_json j = with_head ? head.json : nlohmann::ordered_json::object();
    if (!name.empty()) j[with_head ? "updateName" : "name"] = name;
    j["updateId"] = update_id;
    if (outcome && outcome->has_success()) j["result"] = payload::result_to_json(outcome->success(), shorthand);
    if (failed) j["failure"] = output::proto_to_json(outcome->failure(), shorthand);
    out.document(j);
  }
  if (failed) {
    Error err(ErrorKind::UpdateFailed, fmt::format("update {}: {}", how_failed, failure_text(outcome->failure())));
    err.details = {{"updateId", update_id}, {"failure", output::proto_to_json(outcome->failure(), shorthand)}};
    throw err;
  }
  return 0;
}

}  // namespace

wsv::UpdateWorkflowExecutionRequest build_update_request(const UpdateStartOptions& opts, Context& ctx,
                                                         std::string_view flag_prefix) {
  std::string prefix(flag_prefix);
  if (opts.name.empty()) throw usage_error("--" + prefix + "name must not be empty");
  auto args = payload::build(opts.input, prefix + "input", &ctx.in);
  auto headers = payload::key_json_map("--headers", opts.headers);
  wsv::UpdateWorkflowExecutionRequest req;
  req.set_namespace_(ctx.namespace_());
  *req.mutable_workflow_execution() = to_proto(opts.ref);
  req.set_first_execution_run_id(opts.first_execution_run_id);
  // Accepted first, whatever the caller waits for. An outcome may already come with this answer: a rejection,
  // or a handler that finished (or failed) at once; the server does not say which.
  req.mutable_wait_policy()->set_lifecycle_stage(enums::UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED);
  auto* r = req.mutable_request();
  r->mutable_meta()->set_update_id(opts.update_id.empty() ? new_uuid() : opts.update_id);
  r->mutable_meta()->set_identity(ctx.identity());
  r->mutable_input()->set_name(opts.name);
  if (args.payloads_size() > 0) *r->mutable_input()->mutable_args() = std::move(args);
  if (!headers.empty()) *r->mutable_input()->mutable_header()->mutable_fields() = std::move(headers);
  return req;
}

bool admitted(const wsv::UpdateWorkflowExecutionResponse& resp) {
  return resp.has_outcome() || resp.stage() >= enums::UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED;
}

wsv::UpdateWorkflowExecutionResponse send_until_accepted(Context& ctx, const wsv::UpdateWorkflowExecutionRequest& req) {
  for (;;) {
    auto asked = ctx.now();
    auto resp = call_change<wsv::UpdateWorkflowExecutionResponse>(
        ctx, req,
        check_with(ctx, fmt::format("workflow update describe -w {} --update-id {}",
                                    req.workflow_execution().workflow_id(), req.request().meta().update_id())));
    // The server answers at its long-poll limit with an earlier stage: ask again (the update ID de-duplicates).
    if (admitted(resp)) return resp;
    pause_before_repoll(ctx, asked);
  }
}

int finish_update(Context& ctx, const wsv::UpdateWorkflowExecutionRequest& req,
                  const wsv::UpdateWorkflowExecutionResponse& resp, bool wait_completed, const UpdateHead& head) {
  const auto& name = req.request().input().name();
  const auto& update_id = req.request().meta().update_id();
  if (resp.has_outcome() || !wait_completed) {
    return print_update_outcome(ctx, name, update_id, resp.has_outcome() ? &resp.outcome() : nullptr,
                                "rejected or failed", head);
  }
  auto outcome = poll_outcome(ctx, resp.update_ref());
  return print_update_outcome(ctx, name, update_id, &outcome, "failed", head);
}

int update_start(const UpdateStartOptions& opts, Context& ctx) {
  auto req = build_update_request(opts, ctx);
  return finish_update(ctx, req, send_until_accepted(ctx, req), false);
}

int update_execute(const UpdateStartOptions& opts, Context& ctx) {
  auto req = build_update_request(opts, ctx);
  return finish_update(ctx, req, send_until_accepted(ctx, req), true);
}

int update_result(const UpdateRefOptions& opts, Context& ctx) {
  update::UpdateRef ref;
  *ref.mutable_workflow_execution() = to_proto(opts.ref);
  ref.set_update_id(opts.update_id);
  auto outcome = poll_outcome(ctx, ref);
  return print_update_outcome(ctx, "", opts.update_id, &outcome, "failed");
}

int update_describe(const UpdateRefOptions& opts, Context& ctx) {
  wsv::PollWorkflowExecutionUpdateRequest req;
  req.set_namespace_(ctx.namespace_());
  *req.mutable_update_ref()->mutable_workflow_execution() = to_proto(opts.ref);
  req.mutable_update_ref()->set_update_id(opts.update_id);
  req.set_identity(ctx.identity());
  auto resp = client::call<wsv::PollWorkflowExecutionUpdateResponse>(ctx.gateway(), req);  // no wait policy: the stage now
  auto& out = ctx.printer();
  bool shorthand = ctx.globals.shorthand_payloads;
  if (out.text()) {
    output::Card card{{"UpdateId", opts.update_id}, {"Stage", stage_name(resp.stage())}};
    if (resp.outcome().has_success()) {
      card.emplace_back("Result", payload::result_to_json(resp.outcome().success(), shorthand).dump());
    }
    if (resp.outcome().has_failure()) card.emplace_back("Failure", failure_text(resp.outcome().failure()));
    out.write(output::render_card(card, out.style()));
  } else {
    nlohmann::ordered_json j{{"updateId", opts.update_id}, {"stage", stage_name(resp.stage())}};
    if (resp.outcome().has_success()) j["result"] = payload::result_to_json(resp.outcome().success(), shorthand);
    if (resp.outcome().has_failure()) j["failure"] = output::proto_to_json(resp.outcome().failure(), shorthand);
    out.document(j);
  }
  return 0;
}

}  // namespace twctl::ops::workflow
