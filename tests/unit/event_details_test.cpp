// The Details column of `workflow show`, with exact text.
#include "history_events.hpp"
#include "ops/workflow/event_details.hpp"

#include <doctest/doctest.h>

#include "temporal/api/enums/v1/failed_cause.pb.h"
#include "temporal/api/enums/v1/workflow.pb.h"

using namespace twctl;
using namespace twctl::testing;
using twctl::ops::workflow::detail_value;
using twctl::ops::workflow::EventDetails;
namespace enums = temporal::api::enums::v1;

TEST_CASE("event details: values with spaces, quotes or '=' are JSON-quoted; plain words are bare") {
  CHECK(detail_value("say_hello") == "say_hello");
  CHECK(detail_value("a b") == "\"a b\"");
  CHECK(detail_value("x=1") == "\"x=1\"");
  CHECK(detail_value("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(detail_value("line\nbreak") == "\"line\\nbreak\"");
  CHECK(detail_value("") == "\"\"");
  CHECK(detail_value("größe") == "größe");
}

TEST_CASE("event details: the started event names the workflow type and task queue, and its parent") {
  auto e = event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED);
  auto* a = e.mutable_workflow_execution_started_event_attributes();
  a->mutable_workflow_type()->set_name("SayHello");
  a->mutable_task_queue()->set_name("hello-tasks");
  a->set_attempt(1);
  EventDetails details;
  CHECK(details(e) == "workflowType=SayHello taskQueue=hello-tasks");
  a->mutable_parent_workflow_execution()->set_workflow_id("parent-1");
  a->set_attempt(3);
  CHECK(details(e) == "workflowType=SayHello taskQueue=hello-tasks parentWorkflowId=parent-1 attempt=3");
}

TEST_CASE("event details: every event of an activity names its type and ID, remembered from the scheduled event") {
  EventDetails details;
  auto scheduled = event(5, enums::EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
  scheduled.mutable_activity_task_scheduled_event_attributes()->set_activity_id("1");
  scheduled.mutable_activity_task_scheduled_event_attributes()->mutable_activity_type()->set_name("say_hello");
  CHECK(details(scheduled) == "activityType=say_hello activityId=1");

  auto started = event(6, enums::EVENT_TYPE_ACTIVITY_TASK_STARTED);
  started.mutable_activity_task_started_event_attributes()->set_scheduled_event_id(5);
  started.mutable_activity_task_started_event_attributes()->set_attempt(2);
  started.mutable_activity_task_started_event_attributes()->mutable_last_failure()->set_message("HTTP 500");
  CHECK(details(started) == "activityType=say_hello activityId=1 attempt=2 lastFailure=\"HTTP 500\"");

  auto failed_activity = event(7, enums::EVENT_TYPE_ACTIVITY_TASK_FAILED);
  auto* f = failed_activity.mutable_activity_task_failed_event_attributes();
  f->set_scheduled_event_id(5);
  f->mutable_failure()->set_message("card declined");
  f->mutable_failure()->mutable_application_failure_info()->set_type("PaymentError");
  f->mutable_failure()->mutable_cause()->set_message("insufficient funds");
  CHECK(details(failed_activity) ==
        "activityType=say_hello activityId=1 failure=\"card declined (PaymentError); caused by: insufficient funds\"");

  // Closed activities are forgotten; an event whose scheduling was not seen names the scheduled event.
  auto completed_activity = event(8, enums::EVENT_TYPE_ACTIVITY_TASK_COMPLETED);
  completed_activity.mutable_activity_task_completed_event_attributes()->set_scheduled_event_id(5);
  CHECK(details(completed_activity) == "scheduledEventId=5");
}

TEST_CASE("event details: a timed-out activity gives its timeout failure") {
  EventDetails details;
  auto scheduled = event(5, enums::EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
  scheduled.mutable_activity_task_scheduled_event_attributes()->set_activity_id("fetch-7");
  scheduled.mutable_activity_task_scheduled_event_attributes()->mutable_activity_type()->set_name("fetch");
  details(scheduled);
  auto timed_out = event(9, enums::EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT);
  timed_out.mutable_activity_task_timed_out_event_attributes()->set_scheduled_event_id(5);
  timed_out.mutable_activity_task_timed_out_event_attributes()->mutable_failure()->set_message(
      "activity StartToClose timeout");
  CHECK(details(timed_out) == "activityType=fetch activityId=fetch-7 failure=\"activity StartToClose timeout\"");
}

TEST_CASE("event details: timers give their ID and duration, signals and markers their names") {
  EventDetails details;
  auto started = event(5, enums::EVENT_TYPE_TIMER_STARTED);
  started.mutable_timer_started_event_attributes()->set_timer_id("1");
  started.mutable_timer_started_event_attributes()->mutable_start_to_fire_timeout()->set_seconds(90);
  CHECK(details(started) == "timerId=1 duration=1m30s");
  auto fired = event(7, enums::EVENT_TYPE_TIMER_FIRED);
  fired.mutable_timer_fired_event_attributes()->set_timer_id("1");
  fired.mutable_timer_fired_event_attributes()->set_started_event_id(5);
  CHECK(details(fired) == "timerId=1 duration=1m30s");

  auto signaled = event(8, enums::EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED);
  signaled.mutable_workflow_execution_signaled_event_attributes()->set_signal_name("add");
  CHECK(details(signaled) == "signalName=add");

  auto marker = event(9, enums::EVENT_TYPE_MARKER_RECORDED);
  marker.mutable_marker_recorded_event_attributes()->set_marker_name("core_patch");
  CHECK(details(marker) == "markerName=core_patch");
}

TEST_CASE("event details: updates give name and ID; the completion names the update accepted before it") {
  EventDetails details;
  auto accepted = event(6, enums::EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);
  auto* req = accepted.mutable_workflow_execution_update_accepted_event_attributes()->mutable_accepted_request();
  req->mutable_meta()->set_update_id("u-1");
  req->mutable_input()->set_name("add_item");
  CHECK(details(accepted) == "updateName=add_item updateId=u-1");
  auto done = event(7, enums::EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED);
  done.mutable_workflow_execution_update_completed_event_attributes()->mutable_meta()->set_update_id("u-1");
  done.mutable_workflow_execution_update_completed_event_attributes()->mutable_outcome()->mutable_failure()->set_message(
      "update failed on purpose");
  CHECK(details(done) == "updateName=add_item updateId=u-1 failure=\"update failed on purpose\"");
}

TEST_CASE("event details: child workflows give type and ID; failures, reasons and continue-as-new their text") {
  EventDetails details;
  auto initiated = event(5, enums::EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED);
  initiated.mutable_start_child_workflow_execution_initiated_event_attributes()->set_workflow_id("p-child-0");
  initiated.mutable_start_child_workflow_execution_initiated_event_attributes()->mutable_workflow_type()->set_name(
      "Child");
  CHECK(details(initiated) == "workflowType=Child workflowId=p-child-0");
  auto child_failed = event(9, enums::EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED);
  auto* cf = child_failed.mutable_child_workflow_execution_failed_event_attributes();
  cf->mutable_workflow_type()->set_name("Child");
  cf->mutable_workflow_execution()->set_workflow_id("p-child-2");
  cf->mutable_failure()->set_message("child 2 failed");
  CHECK(details(child_failed) == "workflowType=Child workflowId=p-child-2 failure=\"child 2 failed\"");

  CHECK(details(failed(12)) ==
        "failure=\"order processing failed (OrderError); caused by: database unreachable\"");

  auto terminated = event(13, enums::EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED);
  terminated.mutable_workflow_execution_terminated_event_attributes()->set_reason("stuck");
  terminated.mutable_workflow_execution_terminated_event_attributes()->set_identity("ops@host");
  CHECK(details(terminated) == "reason=stuck identity=ops@host");

  auto cancel = event(4, enums::EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED);
  cancel.mutable_workflow_execution_cancel_requested_event_attributes()->set_cause("user unsubscribed");
  CHECK(details(cancel) == "reason=\"user unsubscribed\"");

  auto can = event(10, enums::EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
  auto* ca = can.mutable_workflow_execution_continued_as_new_event_attributes();
  ca->set_new_execution_run_id("run-2");
  ca->mutable_workflow_type()->set_name("Interactive");
  ca->mutable_task_queue()->set_name("interactive-tasks");
  CHECK(details(can) == "newRunId=run-2 workflowType=Interactive taskQueue=interactive-tasks");

  auto task_failed = event(4, enums::EVENT_TYPE_WORKFLOW_TASK_FAILED);
  task_failed.mutable_workflow_task_failed_event_attributes()->set_cause(
      enums::WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND);
  CHECK(details(task_failed) == "cause=UnhandledCommand");

  auto timed_out = event(4, enums::EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT);
  timed_out.mutable_workflow_execution_timed_out_event_attributes()->set_retry_state(enums::RETRY_STATE_TIMEOUT);
  CHECK(details(timed_out) == "retryState=Timeout");

  CHECK(details(event(2, enums::EVENT_TYPE_WORKFLOW_TASK_SCHEDULED)).empty());
}
