#pragma once
// What the workflow commands share: the workflow reference, names of enums as people read them, and the
// outcome of a closed run.

#include "app/context.hpp"
#include "core/error.hpp"
#include "ops/workflow/reference_options.hpp"
#include "output/render.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "temporal/api/common/v1/message.pb.h"
#include "temporal/api/failure/v1/message.pb.h"
#include "temporal/api/history/v1/message.pb.h"

namespace twctl::ops::workflow {

temporal::api::common::v1::WorkflowExecution to_proto(const WorkflowRef& ref);

// The confirmation of an action on one workflow: {"workflowId", "runId", <field>: true} on stdout in JSON
// modes, "<line> <workflow ID>" on stderr in text (it is not data).
void confirm_done(Context& ctx, const WorkflowRef& ref, std::string_view field, std::string_view line);

// "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED" with prefix "EVENT_TYPE_" → "WorkflowExecutionStarted".
// Before asking a long poll again after it came back with nothing (`asked`: when it was sent). The server
// shortens a long poll to the caller's deadline, to nothing when --command-timeout is near, so an empty answer
// can come back at once, and re-asking at once would spin into its rate limit: an answer that came back within
// a second is followed by a 250 ms interruptible pause. Throws on Ctrl-C.
void pause_before_repoll(Context& ctx, TimePoint asked);

std::string pascal_name(std::string_view enum_name, std::string_view prefix);
std::string event_type_name(const temporal::api::history::v1::HistoryEvent& e);
// "Running", "Completed", ... for text.
std::string status_text(int workflow_execution_status);
// Running or paused: the run is not closed (no close event yet, pending activities and children may exist).
bool is_open(int workflow_execution_status);

bool is_close_event(const temporal::api::history::v1::HistoryEvent& e);

// How a run ended, from its close event.
struct Outcome {
  std::string status;  // COMPLETED, FAILED, CANCELED, TERMINATED, TIMED_OUT, CONTINUED_AS_NEW
  bool has_result = false;
  temporal::api::common::v1::Payloads result;
  bool has_failure = false;
  temporal::api::failure::v1::Failure failure;
  std::string reason;          // terminate reason or similar
  std::string new_run_id;      // continued as new
};

Outcome outcome_of(const temporal::api::history::v1::HistoryEvent& close);

// "Results:" card rows: Status, Result and ResultEncoding, or Failure with its cause chain.
output::Card outcome_card(const Outcome& o, bool shorthand, const output::Style& style);

// One line for a failure and its causes: "order processing failed (OrderError): caused by: database unreachable".
std::string failure_text(const temporal::api::failure::v1::Failure& f);

// The error `result`/`execute` raise after printing an unsuccessful outcome (exit code: workflow_failed);
// `noun` starts the message ("workflow failed: …", "activity failed: …").
Error outcome_error(const Outcome& o, bool shorthand, std::string_view noun = "workflow");

}  // namespace twctl::ops::workflow
