#pragma once

#include "app/context.hpp"
#include "output/render.hpp"
#include "ops/bulk.hpp"
#include "ops/workflow/start_options.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace temporal::api::workflowservice::v1 {
class StartWorkflowExecutionRequest;
}
namespace temporal::api::common::v1 {
class Priority;
}

namespace twctl::ops::workflow {

// Validates every flag and builds the request; throws a usage Error naming the flag. Sends nothing. Warns
// (stderr) that --cron is deprecated.
temporal::api::workflowservice::v1::StartWorkflowExecutionRequest build_start_request(const StartOptions& opts,
                                                                                        Context& ctx);

// `workflow start`'s own options: a start's, and --from-file's (ops/workflow/from_file.hpp).
struct StartCommandOptions : StartOptions {
  BulkOptions bulk;
};

int start(const StartCommandOptions& opts, Context& ctx);

// --priority-key, --fairness-key and --fairness-weight into `out` (what was given); a usage Error naming the
// flag when a value is out of the range the server takes.
void set_priority(const SharedWorkflowStartOptions& opts, temporal::api::common::v1::Priority* out);
// The same from the three flags' texts (a standalone activity's start has them too).
void set_priority(const std::string& priority_key, const std::string& fairness_key, const std::string& fairness_weight,
                  temporal::api::common::v1::Priority* out);

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
