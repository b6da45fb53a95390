#pragma once

#include "core/context.hpp"
#include "output/render.hpp"
#include "payload/payload.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

struct StartOptions {
  std::string workflow_id;  // a UUID when empty
  std::string type;
  std::string task_queue;
  payload::Input input;
  std::string execution_timeout;
  std::string run_timeout;
  std::string task_timeout = "10s";
  std::string id_reuse_policy;
  std::string id_conflict_policy;
  std::vector<std::string> memo;
  std::vector<std::string> search_attributes;
  std::vector<std::string> headers;
  std::string start_delay;
  std::string cron;
  bool fail_existing = false;
  std::string static_summary;
  std::string static_details;
};

// Enum flag values, as the official CLI spells them.
const std::vector<std::string>& id_reuse_policies();
const std::vector<std::string>& id_conflict_policies();

// Validates every flag and builds the request; throws a usage Error naming the flag. Sends nothing. Warns
// (stderr) that --cron is deprecated.
temporal::api::workflowservice::v1::StartWorkflowExecutionRequest build_start_request(const StartOptions& opts,
                                                                                        Context& ctx);

int start(const StartOptions& opts, Context& ctx);

// The rows of the "Running execution:" card, and the JSON object {"workflowId", "runId", "type", "namespace",
// "taskQueue", "started"}: shared by the commands that start a workflow.
output::Card started_card(const temporal::api::workflowservice::v1::StartWorkflowExecutionRequest& req,
                          const std::string& run_id);
nlohmann::ordered_json started_json(const temporal::api::workflowservice::v1::StartWorkflowExecutionRequest& req,
                                    const std::string& run_id, bool started);

// The "Running execution:" card (text) or {"workflowId", "runId", "type", "namespace", "taskQueue", "started"};
// when no new run started, a warning ending in `not_started`.
void print_started(Context& ctx, const temporal::api::workflowservice::v1::StartWorkflowExecutionRequest& req,
                   const std::string& run_id, bool started,
                   std::string_view not_started = "it was not started again");

}  // namespace twctl::ops::workflow
