// Protobuf messages to JSON text (output/json_text) against protobuf's own MessageToJsonString, byte for byte.
#include "output/json_text.hpp"
#include "payload/payload.hpp"

#include <doctest/doctest.h>
#include <iterator>
#include <limits>
#include <google/protobuf/util/json_util.h>
#include <nlohmann/json.hpp>

#include "temporal/api/enums/v1/event_type.pb.h"
#include "temporal/api/history/v1/message.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

using namespace twctl;
using namespace twctl::output;
namespace enums = temporal::api::enums::v1;
namespace history = temporal::api::history::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

std::string protobuf_json(const google::protobuf::Message& m) {
  std::string out;
  REQUIRE(google::protobuf::util::MessageToJsonString(m, &out).ok());
  return out;
}

std::string ours(const google::protobuf::Message& m, JsonLayout layout = {}) {
  std::string out;
  append_json(m, out, layout);
  return out;
}

history::HistoryEvent started_event() {
  history::HistoryEvent e;
  e.set_event_id(1);
  e.set_event_type(enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED);
  e.mutable_event_time()->set_seconds(1'720'025'286);
  e.mutable_event_time()->set_nanos(123'456'789);
  e.set_task_id(1'048'576);
  auto* a = e.mutable_workflow_execution_started_event_attributes();
  a->mutable_workflow_type()->set_name("SayHello");
  a->mutable_task_queue()->set_name("hello-tasks");
  a->mutable_task_queue()->set_kind(enums::TASK_QUEUE_KIND_NORMAL);
  *a->mutable_input()->add_payloads() = payload::from_json_text("input", "{\"name\": \"Wörld <&>\"}");
  auto* binary = a->mutable_input()->add_payloads();
  (*binary->mutable_metadata())["encoding"] = "binary/plain";
  binary->set_data(std::string("\x00\xff\x10 bytes", 9));
  a->mutable_workflow_run_timeout()->set_seconds(3600);
  a->mutable_workflow_task_timeout()->set_seconds(10);
  a->mutable_first_workflow_task_backoff()->set_nanos(1'500'000);  // 0.0015s
  a->mutable_workflow_execution_timeout()->set_seconds(-2);
  a->mutable_workflow_execution_timeout()->set_nanos(-500'000'000);
  a->mutable_retry_policy()->set_backoff_coefficient(1.5);
  a->mutable_retry_policy()->set_maximum_attempts(5);
  a->mutable_retry_policy()->add_non_retryable_error_types("Fatal");
  a->mutable_retry_policy()->add_non_retryable_error_types("tab\there \"quoted\" \\ \x01");
  a->mutable_workflow_execution_expiration_time()->set_seconds(-86'401);  // before 1970
  a->mutable_workflow_execution_expiration_time()->set_nanos(1000);
  (*a->mutable_memo()->mutable_fields())["owner"] = payload::from_json_text("memo", "\"ops\"");
  a->mutable_header();  // set but empty: {}
  a->set_attempt(1);
  a->set_parent_initiated_event_id(0);
  return e;
}

}  // namespace

TEST_CASE("json text: the same bytes as protobuf's MessageToJsonString") {
  CHECK(ours(started_event()) == protobuf_json(started_event()));

  history::HistoryEvent failed;
  failed.set_event_id(9);
  failed.set_event_type(enums::EVENT_TYPE_ACTIVITY_TASK_FAILED);
  failed.mutable_event_time()->set_seconds(1'700'000'000);
  failed.mutable_event_time()->set_nanos(120'000);  // microseconds: 6 digits
  auto* f = failed.mutable_activity_task_failed_event_attributes()->mutable_failure();
  f->set_message("boom\nline two");
  f->set_stack_trace("at x (file.py:1)\n\tat y");
  f->mutable_application_failure_info()->set_type("ValueError");
  f->mutable_application_failure_info()->set_non_retryable(true);
  f->mutable_cause()->set_message("root cause");
  failed.mutable_activity_task_failed_event_attributes()->set_retry_state(enums::RETRY_STATE_NON_RETRYABLE_FAILURE);
  CHECK(ours(failed) == protobuf_json(failed));

  wsv::DescribeWorkflowExecutionResponse described;
  auto* info = described.mutable_workflow_execution_info();
  info->mutable_execution()->set_workflow_id("w");
  info->set_history_length(12);
  info->set_status(enums::WORKFLOW_EXECUTION_STATUS_RUNNING);
  auto* pending = described.add_pending_activities();
  pending->set_activity_id("1");
  pending->set_attempt(3);
  pending->mutable_last_failure()->set_message("HTTP 500");
  described.add_pending_activities()->set_activity_id("2");
  CHECK(ours(described) == protobuf_json(described));

  history::HistoryEvent empty;
  CHECK(ours(empty) == protobuf_json(empty));
  CHECK(ours(empty) == "{}");
}

TEST_CASE("json text: pretty layout is nlohmann's dump(2), nested at any depth") {
  auto e = started_event();
  auto compact = ours(e);
  auto doc = nlohmann::ordered_json::parse(compact);
  CHECK(ours(e, {2, 0}) == doc.dump(2));
  // Nested 4 deep: every line after the first is indented by 4 more.
  std::string nested;
  for (char c : doc.dump(2)) {
    nested += c;
    if (c == '\n') nested += "    ";
  }
  CHECK(ours(e, {2, 4}) == nested);
  history::HistoryEvent empty;
  CHECK(ours(empty, {2, 4}) == "{}");
}

TEST_CASE("json text: times and durations as protobuf writes them, over their whole range") {
  // Timestamps are written digit by digit: every date from year 1 to 9999 in steps that hit each month and
  // leap day, at each precision protobuf picks (none, milli, micro, nano).
  history::HistoryEvent e;
  auto* started = e.mutable_workflow_execution_started_event_attributes();
  constexpr int64_t kFirst = -62'135'596'800;  // 0001-01-01T00:00:00Z
  constexpr int64_t kLast = 253'402'300'799;   // 9999-12-31T23:59:59Z
  const int32_t nanos[] = {0, 7'000'000, 999'000'000, 5'000, 123'456'000, 1, 999'999'999};
  int checked = 0;
  for (int64_t s = kFirst; s <= kLast; s += 86'400 * 97 + 3'671) {
    int32_t n = nanos[checked % std::size(nanos)];
    e.mutable_event_time()->set_seconds(s);
    e.mutable_event_time()->set_nanos(n);
    auto* d = started->mutable_workflow_run_timeout();
    d->set_seconds((s % 315'576'000'000) / 2);  // within a Duration's range, either sign
    d->set_nanos(d->seconds() < 0 ? -n : n);
    REQUIRE(ours(e) == protobuf_json(e));
    ++checked;
  }
  CHECK(checked > 37'000);
  e.mutable_event_time()->set_seconds(kLast);
  e.mutable_event_time()->set_nanos(999'999'999);
  CHECK(ours(e).find("\"eventTime\":\"9999-12-31T23:59:59.999999999Z\"") != std::string::npos);

  // Out of range (a damaged answer): written without overflow, however odd the text.
  e.mutable_event_time()->set_seconds(std::numeric_limits<int64_t>::min());
  e.mutable_event_time()->set_nanos(std::numeric_limits<int32_t>::min());
  started->mutable_workflow_run_timeout()->set_seconds(std::numeric_limits<int64_t>::min());
  started->mutable_workflow_run_timeout()->set_nanos(std::numeric_limits<int32_t>::min());
  auto text = ours(e);
  CHECK(text.find("\"workflowRunTimeout\":\"-9223372036854775808.2147483648s\"") != std::string::npos);
  CHECK(nlohmann::json::accept(text));
}
