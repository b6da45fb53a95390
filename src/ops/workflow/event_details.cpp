#include "ops/workflow/event_details.hpp"

#include "core/duration.hpp"
#include "ops/workflow/common.hpp"
#include "output/proto_fields.hpp"

#include <nlohmann/json.hpp>

#include "temporal/api/enums/v1/event_type.pb.h"
#include "temporal/api/enums/v1/failed_cause.pb.h"
#include "temporal/api/enums/v1/workflow.pb.h"

namespace twctl::ops::workflow {

namespace enums = temporal::api::enums::v1;
namespace history = temporal::api::history::v1;

std::string detail_value(std::string_view value) {
  bool plain = !value.empty();
  for (unsigned char c : value) {
    if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f) {
      plain = false;
      break;
    }
  }
  if (plain) return std::string(value);
  return nlohmann::json(std::string(value)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

// Pairs joined by spaces; empty values are left out.
class Pairs {
 public:
  Pairs& add(std::string_view key, std::string_view value) {
    if (value.empty()) return *this;
    if (!text_.empty()) text_ += ' ';
    text_.append(key).append("=").append(detail_value(value));
    return *this;
  }
  Pairs& raw(const std::string& pairs) {
    if (pairs.empty()) return *this;
    if (!text_.empty()) text_ += ' ';
    text_ += pairs;
    return *this;
  }
  Pairs& failure(const temporal::api::failure::v1::Failure& f) { return add("failure", failure_text(f)); }
  Pairs& number(std::string_view key, int64_t n) { return add(key, std::to_string(n)); }
  template <typename Enum>
  Pairs& enumeration(std::string_view key, const google::protobuf::EnumDescriptor* d, Enum v) {
    if (static_cast<int>(v) == 0) return *this;  // unspecified
    const auto* value = d->FindValueByNumber(static_cast<int>(v));
    return value ? add(key, output::enum_short_name(*value)) : number(key, static_cast<int>(v));
  }
  std::string str() const { return text_; }

 private:
  std::string text_;
};

std::string child(const temporal::api::common::v1::WorkflowType& type,
                  const temporal::api::common::v1::WorkflowExecution& ex) {
  return Pairs().add("workflowType", type.name()).add("workflowId", ex.workflow_id()).str();
}

}  // namespace

std::string EventDetails::operator()(const history::HistoryEvent& e) {
  Pairs p;
  // What an activity event names: its scheduling event's type and ID when seen, else the scheduled event ID.
  auto activity = [&](int64_t scheduled, bool closes) {
    auto it = activities_.find(scheduled);
    if (it == activities_.end()) {
      p.number("scheduledEventId", scheduled);
      return;
    }
    p.raw(it->second);
    if (closes) activities_.erase(it);
  };
  auto timer = [&](const std::string& id, int64_t started) {
    p.add("timerId", id);
    if (auto it = timers_.find(started); it != timers_.end()) {
      p.raw(it->second);
      timers_.erase(it);
    }
  };
  auto update = [&](const std::string& id, std::string name, bool closes) {
    auto it = updates_.find(id);
    if (name.empty() && it != updates_.end()) name = it->second;
    p.add("updateName", name).add("updateId", id);
    if (closes) {
      if (it != updates_.end()) updates_.erase(it);
    } else if (!name.empty()) {
      updates_[id] = name;
    }
  };

  switch (e.event_type()) {
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED: {
      const auto& a = e.workflow_execution_started_event_attributes();
      p.add("workflowType", a.workflow_type().name()).add("taskQueue", a.task_queue().name());
      if (a.has_parent_workflow_execution()) p.add("parentWorkflowId", a.parent_workflow_execution().workflow_id());
      if (a.attempt() > 1) p.number("attempt", a.attempt());
      break;
    }
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_FAILED:
      p.failure(e.workflow_execution_failed_event_attributes().failure());
      break;
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT:
      p.enumeration("retryState", enums::RetryState_descriptor(),
                    e.workflow_execution_timed_out_event_attributes().retry_state());
      break;
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW: {
      const auto& a = e.workflow_execution_continued_as_new_event_attributes();
      p.add("newRunId", a.new_execution_run_id())
          .add("workflowType", a.workflow_type().name())
          .add("taskQueue", a.task_queue().name());
      break;
    }
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED: {
      const auto& a = e.workflow_execution_cancel_requested_event_attributes();
      p.add("reason", a.cause()).add("identity", a.identity());
      break;
    }
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED: {
      const auto& a = e.workflow_execution_terminated_event_attributes();
      p.add("reason", a.reason()).add("identity", a.identity());
      break;
    }
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED:
      p.add("signalName", e.workflow_execution_signaled_event_attributes().signal_name());
      break;
    case enums::EVENT_TYPE_WORKFLOW_TASK_FAILED: {
      const auto& a = e.workflow_task_failed_event_attributes();
      p.enumeration("cause", enums::WorkflowTaskFailedCause_descriptor(), a.cause());
      if (a.has_failure()) p.failure(a.failure());
      break;
    }
    case enums::EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT:
      p.enumeration("timeoutType", enums::TimeoutType_descriptor(),
                    e.workflow_task_timed_out_event_attributes().timeout_type());
      break;

    case enums::EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: {
      const auto& a = e.activity_task_scheduled_event_attributes();
      auto names = Pairs().add("activityType", a.activity_type().name()).add("activityId", a.activity_id()).str();
      activities_[e.event_id()] = names;
      p.raw(names);
      break;
    }
    case enums::EVENT_TYPE_ACTIVITY_TASK_STARTED: {
      const auto& a = e.activity_task_started_event_attributes();
      activity(a.scheduled_event_id(), false);
      p.number("attempt", a.attempt());
      if (a.has_last_failure()) p.add("lastFailure", failure_text(a.last_failure()));
      break;
    }
    case enums::EVENT_TYPE_ACTIVITY_TASK_COMPLETED:
      activity(e.activity_task_completed_event_attributes().scheduled_event_id(), true);
      break;
    case enums::EVENT_TYPE_ACTIVITY_TASK_FAILED: {
      const auto& a = e.activity_task_failed_event_attributes();
      activity(a.scheduled_event_id(), true);
      p.failure(a.failure());
      break;
    }
    case enums::EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT: {
      const auto& a = e.activity_task_timed_out_event_attributes();
      activity(a.scheduled_event_id(), true);
      p.failure(a.failure());
      break;
    }
    case enums::EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED:
      activity(e.activity_task_cancel_requested_event_attributes().scheduled_event_id(), false);
      break;
    case enums::EVENT_TYPE_ACTIVITY_TASK_CANCELED:
      activity(e.activity_task_canceled_event_attributes().scheduled_event_id(), true);
      break;

    case enums::EVENT_TYPE_TIMER_STARTED: {
      const auto& a = e.timer_started_event_attributes();
      auto duration = Pairs().add("duration", format_duration(a.start_to_fire_timeout())).str();
      timers_[e.event_id()] = duration;
      p.add("timerId", a.timer_id()).raw(duration);
      break;
    }
    case enums::EVENT_TYPE_TIMER_FIRED:
      timer(e.timer_fired_event_attributes().timer_id(), e.timer_fired_event_attributes().started_event_id());
      break;
    case enums::EVENT_TYPE_TIMER_CANCELED:
      timer(e.timer_canceled_event_attributes().timer_id(), e.timer_canceled_event_attributes().started_event_id());
      break;

    case enums::EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED: {
      const auto& a = e.start_child_workflow_execution_initiated_event_attributes();
      p.add("workflowType", a.workflow_type().name()).add("workflowId", a.workflow_id());
      break;
    }
    case enums::EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_FAILED: {
      const auto& a = e.start_child_workflow_execution_failed_event_attributes();
      p.add("workflowType", a.workflow_type().name()).add("workflowId", a.workflow_id());
      p.enumeration("cause", enums::StartChildWorkflowExecutionFailedCause_descriptor(), a.cause());
      break;
    }
    case enums::EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED: {
      const auto& a = e.child_workflow_execution_started_event_attributes();
      p.raw(child(a.workflow_type(), a.workflow_execution()));
      break;
    }
    case enums::EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED: {
      const auto& a = e.child_workflow_execution_completed_event_attributes();
      p.raw(child(a.workflow_type(), a.workflow_execution()));
      break;
    }
    case enums::EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED: {
      const auto& a = e.child_workflow_execution_failed_event_attributes();
      p.raw(child(a.workflow_type(), a.workflow_execution())).failure(a.failure());
      break;
    }
    case enums::EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_CANCELED: {
      const auto& a = e.child_workflow_execution_canceled_event_attributes();
      p.raw(child(a.workflow_type(), a.workflow_execution()));
      break;
    }
    case enums::EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TIMED_OUT: {
      const auto& a = e.child_workflow_execution_timed_out_event_attributes();
      p.raw(child(a.workflow_type(), a.workflow_execution()));
      break;
    }
    case enums::EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TERMINATED: {
      const auto& a = e.child_workflow_execution_terminated_event_attributes();
      p.raw(child(a.workflow_type(), a.workflow_execution()));
      break;
    }

    case enums::EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED: {
      const auto& a = e.signal_external_workflow_execution_initiated_event_attributes();
      p.add("signalName", a.signal_name()).add("workflowId", a.workflow_execution().workflow_id());
      break;
    }
    case enums::EVENT_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED: {
      const auto& a = e.request_cancel_external_workflow_execution_initiated_event_attributes();
      p.add("workflowId", a.workflow_execution().workflow_id()).add("reason", a.reason());
      break;
    }
    case enums::EVENT_TYPE_MARKER_RECORDED:
      p.add("markerName", e.marker_recorded_event_attributes().marker_name());
      break;

    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ADMITTED: {
      const auto& r = e.workflow_execution_update_admitted_event_attributes().request();
      update(r.meta().update_id(), r.input().name(), false);
      break;
    }
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED: {
      const auto& a = e.workflow_execution_update_accepted_event_attributes();
      auto id = a.accepted_request().meta().update_id();
      update(id.empty() ? a.protocol_instance_id() : id, a.accepted_request().input().name(), false);
      break;
    }
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_REJECTED: {
      const auto& a = e.workflow_execution_update_rejected_event_attributes();
      auto id = a.rejected_request().meta().update_id();
      update(id.empty() ? a.protocol_instance_id() : id, a.rejected_request().input().name(), true);
      p.failure(a.failure());
      break;
    }
    case enums::EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED: {
      const auto& a = e.workflow_execution_update_completed_event_attributes();
      update(a.meta().update_id(), "", true);
      if (a.outcome().has_failure()) p.failure(a.outcome().failure());
      break;
    }

    case enums::EVENT_TYPE_NEXUS_OPERATION_SCHEDULED: {
      const auto& a = e.nexus_operation_scheduled_event_attributes();
      p.add("endpoint", a.endpoint()).add("service", a.service()).add("operation", a.operation());
      break;
    }
    case enums::EVENT_TYPE_NEXUS_OPERATION_FAILED:
      p.failure(e.nexus_operation_failed_event_attributes().failure());
      break;
    case enums::EVENT_TYPE_NEXUS_OPERATION_TIMED_OUT:
      p.failure(e.nexus_operation_timed_out_event_attributes().failure());
      break;
    default:
      break;
  }
  return p.str();
}

}  // namespace twctl::ops::workflow
