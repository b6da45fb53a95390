#include "ops/workflow/update_with_start.hpp"

#include "ops/outcome.hpp"

#include "core/error.hpp"

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;

namespace {

int run(const UpdateWithStartOptions& opts, Context& ctx, bool wait_completed) {
  const auto& s = opts.start;
  if (s.workflow_id.empty()) throw usage_error("--workflow-id is required for update-with-start");
  if (s.id_conflict_policy.empty()) {
    throw usage_error("--id-conflict-policy is required for update-with-start: Fail, UseExisting or TerminateExisting");
  }
  // The server refuses these in an update-with-start (the workflow may not be running yet).
  if (!s.cron.empty()) throw usage_error("--cron cannot be used with update-with-start");
  if (!s.start_delay.empty()) throw usage_error("--start-delay cannot be used with update-with-start");
  if (!opts.update.first_execution_run_id.empty()) {
    throw usage_error("--update-first-execution-run-id cannot be used with update-with-start: the workflow may not "
                      "be running yet");
  }
  auto start = build_start_request(s, ctx);
  auto update_opts = opts.update;
  update_opts.ref = {start.workflow_id(), ""};
  auto update = build_update_request(update_opts, ctx, "update-");

  wsv::ExecuteMultiOperationRequest req;
  req.set_namespace_(start.namespace_());
  *req.add_operations()->mutable_start_workflow() = start;
  *req.add_operations()->mutable_update_workflow() = update;
  auto resp = call_change<wsv::ExecuteMultiOperationResponse>(
      ctx, req,
      check_with(ctx, fmt::format("workflow update describe -w {} --update-id {}", start.workflow_id(),
                                  update.request().meta().update_id())));
  if (resp.responses_size() != 2 || !resp.responses(0).has_start_workflow() ||
      !resp.responses(1).has_update_workflow()) {
    throw Error(ErrorKind::General, "the server's answer to update-with-start lacks the start or the update");
  }
  const auto& started = resp.responses(0).start_workflow();
  auto updated = resp.responses(1).update_workflow();
  // The server's long poll ended before the workflow accepted the update: wait on as `update start` does (the
  // update ID de-duplicates; the start is done).
  if (!admitted(updated)) updated = send_until_accepted(ctx, update);

  UpdateHead head;
  auto& out = ctx.printer();
  if (out.text()) {
    auto card = started_card(start, started.run_id());
    card.emplace_back("Started", started.started() ? "true" : "false (already running)");
    head.text = out.style().magenta("Running execution:") + "\n" + output::render_card(card, out.style()) + "\n" +
                out.style().magenta("Update:") + "\n";
  } else {
    head.json = started_json(start, started.run_id(), started.started());
  }
  return finish_update(ctx, update, updated, wait_completed, head);
}

}  // namespace

int start_update_with_start(const UpdateWithStartOptions& opts, Context& ctx) { return run(opts, ctx, false); }

int execute_update_with_start(const UpdateWithStartOptions& opts, Context& ctx) { return run(opts, ctx, true); }

}  // namespace twctl::ops::workflow
