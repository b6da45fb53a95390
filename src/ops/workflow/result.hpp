#pragma once

#include "app/context.hpp"
#include "ops/workflow/reference_options.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <string>

namespace temporal::api::common::v1 {
class WorkflowExecution;
}
namespace temporal::api::history::v1 {
class HistoryEvent;
}

namespace twctl::ops::workflow {

struct ResultOptions {
  WorkflowRef ref;
};

// Waits for the run to close (following continue-as-new), prints the outcome, and fails with the
// workflow_failed kind unless it completed.
int result(const ResultOptions& opts, Context& ctx);

// What `execute` adds to the output of `result`.
struct ResultExtras {
  std::string type;
  std::string task_queue;
  std::optional<std::chrono::milliseconds> run_time;  // how long the command waited for the close
  std::optional<nlohmann::ordered_json> history;      // --detailed in JSON: the closed run's events
};

// The "Results:" card, or {"workflowId", "runId", ["type",] "namespace", ["taskQueue", "durationMillis",]
// "status", "closeEvent", "result" (when completed), ["history"]}; then throws outcome_error unless the run
// completed. `ex` names the run that closed.
int print_result(Context& ctx, const temporal::api::common::v1::WorkflowExecution& ex,
                 const temporal::api::history::v1::HistoryEvent& close, const ResultExtras& extras = {});

}  // namespace twctl::ops::workflow
