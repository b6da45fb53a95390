#pragma once
// Workflow updates: send one and wait until it is accepted or completed, wait for an earlier one's outcome,
// or look at its stage without waiting.

#include "app/context.hpp"
#include "ops/workflow/reference_options.hpp"
#include "payload/input.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>


namespace temporal::api::workflowservice::v1 {
class UpdateWorkflowExecutionRequest;
class UpdateWorkflowExecutionResponse;
}  // namespace temporal::api::workflowservice::v1

namespace twctl::ops::workflow {

struct UpdateStartOptions {
  WorkflowRef ref;
  std::string name;
  std::string update_id;  // a UUID when empty
  std::string first_execution_run_id;
  payload::Input input;
  std::vector<std::string> headers;
  std::string wait_for_stage;  // "accepted" (start) or "completed" (execute)
};

struct UpdateRefOptions {
  WorkflowRef ref;
  std::string update_id;
};

// What the update-with-start commands print before the update's own fields: text before its card, JSON fields
// before its own (then named "updateName", "updateId", "result"/"failure").
struct UpdateHead {
  std::string text;
  nlohmann::ordered_json json;  // null: none
};

// The request `update start|execute` send, validated (errors name the flags: `flag_prefix` is "" or
// "update-"), with a new update ID unless one was given. Sends nothing.
temporal::api::workflowservice::v1::UpdateWorkflowExecutionRequest build_update_request(
    const UpdateStartOptions& opts, Context& ctx, std::string_view flag_prefix = "");
// Whether the answer says the update passed the validator or already has an outcome (rejected, done).
bool admitted(const temporal::api::workflowservice::v1::UpdateWorkflowExecutionResponse& resp);
// Sends the request again while the server's long poll ends before the update was accepted.
temporal::api::workflowservice::v1::UpdateWorkflowExecutionResponse send_until_accepted(
    Context& ctx, const temporal::api::workflowservice::v1::UpdateWorkflowExecutionRequest& req);
// Prints the update's card or JSON object (after `head`); with `wait_completed`, polls for the outcome first if
// the answer had none. A rejected or failed update throws the update_failed kind, its failure in the details.
int finish_update(Context& ctx, const temporal::api::workflowservice::v1::UpdateWorkflowExecutionRequest& req,
                  const temporal::api::workflowservice::v1::UpdateWorkflowExecutionResponse& resp,
                  bool wait_completed, const UpdateHead& head = {});

int update_start(const UpdateStartOptions& opts, Context& ctx);    // waits until accepted (or rejected)
int update_execute(const UpdateStartOptions& opts, Context& ctx);  // waits until completed
int update_result(const UpdateRefOptions& opts, Context& ctx);     // waits for the outcome
int update_describe(const UpdateRefOptions& opts, Context& ctx);   // the stage now, and the outcome if any

}  // namespace twctl::ops::workflow
