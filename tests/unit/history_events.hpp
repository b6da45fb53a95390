#pragma once
// History events and pages for command tests.

#include "client/gateway.hpp"
#include "payload/payload.hpp"

#include <string>
#include <vector>

#include "temporal/api/enums/v1/event_type.pb.h"
#include "temporal/api/history/v1/message.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::testing {

namespace history = temporal::api::history::v1;
namespace wsv = temporal::api::workflowservice::v1;

inline wsv::GetWorkflowExecutionHistoryResponse page(std::vector<history::HistoryEvent> events,
                                                     std::string token = "") {
  wsv::GetWorkflowExecutionHistoryResponse r;
  for (auto& e : events) *r.mutable_history()->add_events() = e;
  r.set_next_page_token(token);
  return r;
}

// Event `id` of `type`, at 1'700'000'000 + id seconds.
inline history::HistoryEvent event(int64_t id, temporal::api::enums::v1::EventType type) {
  history::HistoryEvent e;
  e.set_event_id(id);
  e.set_event_type(type);
  e.mutable_event_time()->set_seconds(1'700'000'000 + id);
  return e;
}

inline history::HistoryEvent completed(int64_t id, const std::string& json) {
  auto e = event(id, temporal::api::enums::v1::EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
  *e.mutable_workflow_execution_completed_event_attributes()->mutable_result()->add_payloads() =
      payload::from_json_text("result", json);
  return e;
}

// Failed with "order processing failed" (OrderError), caused by "database unreachable".
inline history::HistoryEvent failed(int64_t id) {
  auto e = event(id, temporal::api::enums::v1::EVENT_TYPE_WORKFLOW_EXECUTION_FAILED);
  auto* f = e.mutable_workflow_execution_failed_event_attributes()->mutable_failure();
  f->set_message("order processing failed");
  f->mutable_application_failure_info()->set_type("OrderError");
  f->mutable_cause()->set_message("database unreachable");
  return e;
}

}  // namespace twctl::testing
