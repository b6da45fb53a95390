// message_fields (output/proto_fields): a message as sorted "path  value" rows, with exact text.
#include "output/proto_fields.hpp"
#include "payload/payload.hpp"

#include <doctest/doctest.h>

#include "temporal/api/enums/v1/event_type.pb.h"
#include "temporal/api/history/v1/message.pb.h"

using namespace twctl;
using namespace twctl::output;
namespace enums = temporal::api::enums::v1;
namespace history = temporal::api::history::v1;

TEST_CASE("proto fields: every set field as a sorted path, payloads as JSON, times and durations readable") {
  history::WorkflowExecutionStartedEventAttributes a;
  a.mutable_workflow_type()->set_name("SayHello");
  a.mutable_task_queue()->set_name("hello-tasks");
  a.mutable_task_queue()->set_kind(enums::TASK_QUEUE_KIND_NORMAL);
  *a.mutable_input()->add_payloads() = payload::from_json_text("input", "{\"name\": \"Wörld\"}");
  auto* binary = a.mutable_input()->add_payloads();
  (*binary->mutable_metadata())["encoding"] = "binary/plain";
  binary->set_data(std::string("\x00\xff\x10 bytes", 9));
  a.mutable_workflow_run_timeout()->set_seconds(3600);
  a.mutable_first_workflow_task_backoff()->set_nanos(1'500'000);
  a.mutable_workflow_execution_timeout()->set_seconds(-2);
  a.mutable_workflow_execution_timeout()->set_nanos(-500'000'000);
  a.mutable_retry_policy()->set_backoff_coefficient(1.5);
  a.mutable_retry_policy()->add_non_retryable_error_types("Fatal");
  a.mutable_retry_policy()->add_non_retryable_error_types("two words");
  a.mutable_workflow_execution_expiration_time()->set_seconds(1'720'025'286);
  (*a.mutable_memo()->mutable_fields())["owner"] = payload::from_json_text("memo", "\"ops\"");
  a.set_attempt(1);
  a.set_parent_initiated_event_id(0);  // default: not shown

  auto rows = message_fields(a, FieldOptions{TimeFormat::Iso, TimePoint(), true});
  std::vector<std::string> lines;
  for (const auto& [k, v] : rows) lines.push_back(k + " = " + v);
  CHECK(lines == std::vector<std::string>{
                     "attempt = 1",
                     "firstWorkflowTaskBackoff = 1.5ms",
                     "input[0] = {\"name\":\"Wörld\"}",
                     "input[1] = {\"metadata\":{\"encoding\":\"YmluYXJ5L3BsYWlu\"},\"data\":\"AP8QIGJ5dGVz\"}",
                     "memo.fields.owner = \"ops\"",
                     "retryPolicy.backoffCoefficient = 1.5",
                     "retryPolicy.nonRetryableErrorTypes[0] = Fatal",
                     "retryPolicy.nonRetryableErrorTypes[1] = two words",
                     "taskQueue.kind = Normal",
                     "taskQueue.name = hello-tasks",
                     "workflowExecutionExpirationTime = 2024-07-03T16:48:06Z",
                     "workflowExecutionTimeout = -2.5s",
                     "workflowRunTimeout = 1h0m0s",
                     "workflowType.name = SayHello",
                 });

  auto raw = message_fields(a, FieldOptions{TimeFormat::Iso, TimePoint(), false});
  CHECK(raw[2].second == "{\"metadata\":{\"encoding\":\"anNvbi9wbGFpbg==\"},\"data\":\"eyJuYW1lIjogIlfDtnJsZCJ9\"}");
}

TEST_CASE("proto fields: list indexes sort as numbers; enum names lose their type's prefix") {
  temporal::api::common::v1::Payloads p;
  for (int i = 0; i < 11; ++i) *p.add_payloads() = payload::from_json_text("x", std::to_string(i));
  auto rows = message_fields(p, FieldOptions{});
  REQUIRE(rows.size() == 11);
  CHECK(rows[2].first == "[2]");
  CHECK(rows[10].first == "[10]");
  CHECK(enum_short_name(*enums::EventType_descriptor()->FindValueByNumber(
            enums::EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW)) == "WorkflowExecutionContinuedAsNew");
}
