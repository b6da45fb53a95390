#include "ops/workflow/common.hpp"

#include "core/error.hpp"

#include "output/proto_fields.hpp"
#include "output/proto_json.hpp"
#include "payload/payload.hpp"

#include <fmt/format.h>

#include "temporal/api/enums/v1/event_type.pb.h"
#include "temporal/api/enums/v1/workflow.pb.h"

namespace twctl::ops::workflow {

namespace enums = temporal::api::enums::v1;
namespace history = temporal::api::history::v1;

temporal::api::common::v1::WorkflowExecution to_proto(const WorkflowRef& ref) {
  temporal::api::common::v1::WorkflowExecution ex;
  ex.set_workflow_id(ref.workflow_id);
  ex.set_run_id(ref.run_id);
  return ex;
}

void confirm_done(Context& ctx, const WorkflowRef& ref, std::string_view field, std::string_view line) {
  auto& out = ctx.printer();
  if (out.json()) {
    out.document({{"workflowId", ref.workflow_id}, {"runId", ref.run_id}, {std::string(field), true}});
  } else if (out.text()) {
    ctx.err << line << " " << ref.workflow_id << "\n";
  }
}

void pause_before_repoll(Context& ctx, TimePoint asked) {
  if (ctx.now() - asked >= std::chrono::seconds(1)) return;
  if (!ctx.pause(std::chrono::milliseconds(250))) throw Error(ErrorKind::Interrupted, "interrupted");
}

std::string pascal_name(std::string_view name, std::string_view prefix) {
  return output::pascal_case(name, prefix);
}

std::string event_type_name(const history::HistoryEvent& e) {
  return pascal_name(enums::EventType_Name(e.event_type()), "EVENT_TYPE_");
}

std::string status_text(int status) {
  return pascal_name(enums::WorkflowExecutionStatus_Name(static_cast<enums::WorkflowExecutionStatus>(status)),
                     "WORKFLOW_EXECUTION_STATUS_");
}

bool is_open(int status) {
  return status == enums::WORKFLOW_EXECUTION_STATUS_RUNNING || status == enums::WORKFLOW_EXECUTION_STATUS_PAUSED;
}

bool is_close_event(const history::HistoryEvent& e) {
  switch (e.event_type()) {
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED:
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_FAILED:
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT:
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED:
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED:
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW:
      return true;
    default:
      return false;
  }
}

Outcome outcome_of(const history::HistoryEvent& e) {
  Outcome o;
  switch (e.event_type()) {
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED:
      o.status = "COMPLETED";
      o.has_result = e.workflow_execution_completed_event_attributes().has_result();
      o.result = e.workflow_execution_completed_event_attributes().result();
      break;
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_FAILED:
      o.status = "FAILED";
      o.has_failure = e.workflow_execution_failed_event_attributes().has_failure();
      o.failure = e.workflow_execution_failed_event_attributes().failure();
      break;
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT:
      o.status = "TIMED_OUT";
      break;
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED:
      o.status = "CANCELED";
      o.has_result = e.workflow_execution_canceled_event_attributes().has_details();
      o.result = e.workflow_execution_canceled_event_attributes().details();
      break;
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED:
      o.status = "TERMINATED";
      o.reason = e.workflow_execution_terminated_event_attributes().reason();
      break;
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW:
      o.status = "CONTINUED_AS_NEW";
      o.new_run_id = e.workflow_execution_continued_as_new_event_attributes().new_execution_run_id();
      break;
    default:
      o.status = "UNKNOWN";
      break;
  }
  return o;
}

std::string failure_text(const temporal::api::failure::v1::Failure& f) {
  std::string out = f.message();
  if (f.has_application_failure_info() && !f.application_failure_info().type().empty()) {
    out += " (" + f.application_failure_info().type() + ")";
  }
  if (f.has_cause()) out += "; caused by: " + failure_text(f.cause());
  return out;
}

output::Card outcome_card(const Outcome& o, bool shorthand, const output::Style& style) {
  output::Card card;
  card.emplace_back("Status", style.status(o.status));
  if (o.has_result) {
    card.emplace_back("Result", payload::result_to_json(o.result, shorthand).dump());
    if (o.result.payloads_size() > 0) card.emplace_back("ResultEncoding", payload::encoding(o.result.payloads(0)));
  }
  if (o.has_failure) card.emplace_back("Failure", failure_text(o.failure));
  if (!o.reason.empty()) card.emplace_back("Reason", o.reason);
  if (!o.new_run_id.empty()) card.emplace_back("NewRunId", o.new_run_id);
  return card;
}

Error outcome_error(const Outcome& o, bool shorthand, std::string_view noun) {
  std::string what = o.status == "FAILED"       ? "failed"
                     : o.status == "TIMED_OUT"  ? "timed out"
                     : o.status == "CANCELED"   ? "was canceled"
                     : o.status == "TERMINATED" ? "was terminated"
                                                : "closed with status " + o.status;
  std::string message = std::string(noun) + " " + what;
  if (o.has_failure) message += ": " + failure_text(o.failure);
  if (!o.reason.empty()) message += ": " + o.reason;
  Error err(ErrorKind::WorkflowFailed, message);
  err.details = nlohmann::ordered_json::object();
  err.details["status"] = o.status;
  if (o.has_failure) err.details["failure"] = output::proto_to_json(o.failure, shorthand);
  return err;
}

}  // namespace twctl::ops::workflow
