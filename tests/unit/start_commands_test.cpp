// workflow execute, signal-with-start and the update-with-start commands, against a fake gateway.
#include "fake_gateway.hpp"
#include "payload/payload.hpp"

#include <doctest/doctest.h>

#include "temporal/api/enums/v1/event_type.pb.h"
#include "temporal/api/enums/v1/update.pb.h"
#include "temporal/api/enums/v1/workflow.pb.h"

using namespace twctl;
using namespace twctl::testing;
namespace enums = temporal::api::enums::v1;
namespace history = temporal::api::history::v1;

namespace {

history::HistoryEvent event(int64_t id, enums::EventType type) {
  history::HistoryEvent e;
  e.set_event_id(id);
  e.set_event_type(type);
  e.mutable_event_time()->set_seconds(1'700'000'000 + id);
  return e;
}

wsv::GetWorkflowExecutionHistoryResponse page(std::vector<history::HistoryEvent> events, std::string token = "") {
  wsv::GetWorkflowExecutionHistoryResponse r;
  for (auto& e : events) *r.mutable_history()->add_events() = e;
  r.set_next_page_token(token);
  return r;
}

history::HistoryEvent completed(int64_t id, const std::string& json) {
  auto e = event(id, enums::EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
  *e.mutable_workflow_execution_completed_event_attributes()->mutable_result()->add_payloads() =
      payload::from_json_text("result", json);
  return e;
}

void started(FakeCluster& c, const std::string& run_id, bool is_new = true) {
  c.answer<wsv::StartWorkflowExecutionResponse>("start_workflow").set_run_id(run_id);
  c.answer<wsv::StartWorkflowExecutionResponse>("start_workflow").set_started(is_new);
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& extra) {
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

}  // namespace

// --- execute ---------------------------------------------------------------------------------------------------

TEST_CASE("workflow execute: starts, streams progress to stderr following continue-as-new, result on stdout") {
  FakeCluster c;
  started(c, "run-1");
  c.then("get_history", page({event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)}, "more"));
  auto can = event(2, enums::EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
  can.mutable_workflow_execution_continued_as_new_event_attributes()->set_new_execution_run_id("run-2");
  c.then("get_history", page({can}));
  c.then("get_history", page({event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED), completed(2, "\"hi\"")}));
  auto r = run_cli(c, {"workflow", "execute", "--type", "SayHello", "-t", "hello-tasks", "-w", "hello-1", "-i",
                       "\"World\""});
  CHECK(r.code == 0);
  REQUIRE(c.requests<wsv::StartWorkflowExecutionRequest>("start_workflow").size() == 1);
  const auto start = c.requests<wsv::StartWorkflowExecutionRequest>("start_workflow")[0];
  CHECK(start.workflow_type().name() == "SayHello");
  CHECK(start.input().payloads(0).data() == "\"World\"");
  auto polls = c.requests<wsv::GetWorkflowExecutionHistoryRequest>("get_history");
  REQUIRE(polls.size() == 3);
  CHECK(polls[0].wait_new_event());
  CHECK(polls[0].history_event_filter_type() == enums::HISTORY_EVENT_FILTER_TYPE_UNSPECIFIED);
  CHECK(polls[0].execution().run_id() == "run-1");
  CHECK(polls[1].next_page_token() == "more");
  CHECK(polls[2].execution().run_id() == "run-2");
  CHECK(polls[2].next_page_token().empty());
  CHECK(r.out ==
        "Running execution:\n"
        "  WorkflowId  hello-1\n"
        "  RunId       run-1\n"
        "  Type        SayHello\n"
        "  Namespace   default\n"
        "  TaskQueue   hello-tasks\n"
        "\n"
        "Results:\n"
        "  RunTime         0.00s\n"
        "  Status          COMPLETED\n"
        "  Result          \"hi\"\n"
        "  ResultEncoding  json/plain\n");
  CHECK(r.err ==
        "Progress:\n"
        "   ID  Time                  Type\n"
        "    1  2023-11-14T22:13:21Z  WorkflowExecutionStarted\n"
        "    2  2023-11-14T22:13:22Z  WorkflowExecutionContinuedAsNew\n"
        "    1  2023-11-14T22:13:21Z  WorkflowExecutionStarted\n"
        "    2  2023-11-14T22:13:22Z  WorkflowExecutionCompleted\n");
}

TEST_CASE("workflow execute: -o json prints one object and nothing else; --detailed adds the history") {
  FakeCluster c;
  started(c, "run-1");
  c.then("get_history", page({completed(5, "{\"n\":1}")}));
  c.then("get_history", page({event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED), completed(5, "{\"n\":1}")}));
  auto r = run_cli(c, {"workflow", "execute", "--type", "T", "-t", "q", "-w", "w1", "-o", "json", "--detailed"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  auto polls = c.requests<wsv::GetWorkflowExecutionHistoryRequest>("get_history");
  REQUIRE(polls.size() == 2);
  CHECK(polls[0].history_event_filter_type() == enums::HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT);
  CHECK_FALSE(polls[1].wait_new_event());
  auto doc = nlohmann::json::parse(r.out);  // throws if there is anything but one document
  CHECK(doc["workflowId"] == "w1");
  CHECK(doc["runId"] == "run-1");
  CHECK(doc["type"] == "T");
  CHECK(doc["taskQueue"] == "q");
  CHECK(doc["status"] == "COMPLETED");
  CHECK(doc["result"] == nlohmann::json{{"n", 1}});
  CHECK(doc["durationMillis"] == 0);
  REQUIRE(doc["history"]["events"].size() == 2);
  // Protobuf form, not shorthand, as `workflow show -o json`.
  CHECK(doc["history"]["events"][1]["workflowExecutionCompletedEventAttributes"]["result"]["payloads"][0].contains("data"));
}

TEST_CASE("workflow execute: --detailed in text shows each event's fields as a section on stderr") {
  FakeCluster c;
  started(c, "run-1");
  c.then("get_history", page({completed(3, "\"ok\"")}));
  auto r = run_cli(c, {"workflow", "execute", "--type", "T", "-t", "q", "-w", "w1", "--detailed"});
  CHECK(r.code == 0);
  CHECK(r.err ==
        "Progress:\n"
        "--------------- [3] WorkflowExecutionCompleted ---------------\n"
        "eventTime: 2023-11-14T22:13:23Z\n"
        "result[0]: ok\n");
}

TEST_CASE("workflow execute: a failed workflow exits 3; an ID already running exits 5 and waits for nothing") {
  FakeCluster c;
  started(c, "run-1");
  auto failed = event(4, enums::EVENT_TYPE_WORKFLOW_EXECUTION_FAILED);
  failed.mutable_workflow_execution_failed_event_attributes()->mutable_failure()->set_message("boom");
  c.then("get_history", page({failed}));
  auto r = run_cli(c, {"workflow", "execute", "--type", "T", "-t", "q", "-o", "json"});
  CHECK(r.code == 3);
  CHECK(nlohmann::json::parse(r.out)["status"] == "FAILED");
  CHECK(r.err.find("Error: workflow failed: boom\n") == 0);

  FakeCluster busy;
  Error exists(ErrorKind::AlreadyExists, "a workflow with this ID is already running (run ID r0)");
  exists.grpc_code = 6;
  busy.fail_with = exists;
  auto b = run_cli(busy, {"workflow", "execute", "--type", "T", "-t", "q", "-w", "w1"});
  CHECK(b.code == 5);
  CHECK(b.out.empty());
  CHECK(busy.calls.size() == 1);
}

TEST_CASE("workflow execute: --id-conflict-policy UseExisting follows the run already there, with a warning") {
  FakeCluster c;
  started(c, "run-0", false);
  c.then("get_history", page({completed(9, "1")}));
  auto r = run_cli(c, {"workflow", "execute", "--type", "T", "-t", "q", "-w", "w1", "--id-conflict-policy",
                       "UseExisting", "-o", "json"});
  CHECK(r.code == 0);
  CHECK(c.requests<wsv::StartWorkflowExecutionRequest>("start_workflow")[0].workflow_id_conflict_policy() ==
        enums::WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING);
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>("get_history")[0].execution().run_id() == "run-0");
  CHECK(nlohmann::json::parse(r.out)["runId"] == "run-0");
  CHECK(r.err == "warning: a run with this workflow ID was already running; following it\n");
}

// --- signal-with-start -----------------------------------------------------------------------------------------

TEST_CASE("workflow signal-with-start: one request with the start fields, the signal and its inputs") {
  FakeCluster c;
  c.answer<wsv::SignalWithStartWorkflowExecutionResponse>("signal_with_start").set_run_id("run-1");
  c.answer<wsv::SignalWithStartWorkflowExecutionResponse>("signal_with_start").set_started(true);
  auto r = run_cli(c, {"workflow", "signal-with-start", "--type", "Interactive", "-t", "interactive-tasks", "-w",
                       "order-1", "-i", "[\"x\"]", "--signal-type", "add_pair", "--signal-input", "\"a\"",
                       "--signal-input", "{\"b\":2}", "--id-conflict-policy", "UseExisting", "--memo", "k=1", "-o",
                       "json"});
  CHECK(r.code == 0);
  REQUIRE(c.requests<wsv::SignalWithStartWorkflowExecutionRequest>("signal_with_start").size() == 1);
  const auto req = c.requests<wsv::SignalWithStartWorkflowExecutionRequest>("signal_with_start")[0];
  CHECK(req.workflow_id() == "order-1");
  CHECK(req.workflow_type().name() == "Interactive");
  CHECK(req.task_queue().name() == "interactive-tasks");
  CHECK(req.input().payloads(0).data() == "[\"x\"]");
  CHECK(req.signal_name() == "add_pair");
  REQUIRE(req.signal_input().payloads_size() == 2);
  CHECK(req.signal_input().payloads(1).data() == "{\"b\":2}");
  CHECK(req.workflow_id_conflict_policy() == enums::WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING);
  CHECK(req.workflow_task_timeout().seconds() == 10);
  CHECK(req.memo().fields().at("k").data() == "1");
  CHECK_FALSE(req.request_id().empty());
  auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["runId"] == "run-1");
  CHECK(doc["started"] == true);
  CHECK(doc["signalName"] == "add_pair");
}

TEST_CASE("workflow signal-with-start: the text card says whether a run started") {
  FakeCluster c;
  c.answer<wsv::SignalWithStartWorkflowExecutionResponse>("signal_with_start").set_run_id("run-0");
  auto r = run_cli(c, {"workflow", "signal-with-start", "--type", "T", "-t", "q", "-w", "w1", "--signal-name", "s"});
  CHECK(r.code == 0);
  CHECK(r.out.find("  Started     false (already running)\n") != std::string::npos);
  CHECK(r.out.find("  Signal      s\n") != std::string::npos);
}

TEST_CASE("workflow signal-with-start: bad input exits 2, names the flag, and sends nothing") {
  struct Case {
    std::vector<std::string> args;
    std::string needle;
  };
  std::vector<std::string> base{"workflow", "signal-with-start", "--type", "T", "-t", "q"};
  std::vector<Case> cases{
      {with(base, {"-w", "w1"}), "--signal-name"},
      {with(base, {"--signal-name", "s"}), "--workflow-id"},
      {with(base, {"-w", "w1", "--signal-name", "s", "--signal-input", "{bad"}), "--signal-input #1"},
      {with(base, {"-w", "w1", "--signal-name", "s", "--signal-input-meta", "novalue"}), "--signal-input-meta"},
      {with(base, {"-w", "w1", "--signal-name", "s", "-i", "nope"}), "--input #1"},
  };
  for (const auto& tc : cases) {
    CAPTURE(tc.needle);
    FakeCluster c;
    auto r = run_cli(c, tc.args);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("Error: ") == 0);
    CHECK(r.err.substr(0, r.err.find('\n')).find(tc.needle) != std::string::npos);
    CHECK(c.gateways_made == 0);
  }
}

// --- update-with-start -----------------------------------------------------------------------------------------

namespace {

wsv::ExecuteMultiOperationResponse multi(const std::string& run_id, bool is_new, wsv::UpdateWorkflowExecutionResponse u) {
  wsv::ExecuteMultiOperationResponse r;
  auto* s = r.add_responses()->mutable_start_workflow();
  s->set_run_id(run_id);
  s->set_started(is_new);
  *r.add_responses()->mutable_update_workflow() = std::move(u);
  return r;
}

wsv::UpdateWorkflowExecutionResponse accepted(const std::string& update_id) {
  wsv::UpdateWorkflowExecutionResponse u;
  u.set_stage(enums::UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED);
  u.mutable_update_ref()->set_update_id(update_id);
  return u;
}

const std::vector<std::string> kUws{"--type", "Interactive", "-t", "interactive-tasks", "-w", "order-1",
                                    "--id-conflict-policy", "UseExisting", "--update-name", "add_item"};

}  // namespace

TEST_CASE("workflow execute-update-with-start: sends start then update in one call, waits for the result") {
  FakeCluster c;
  c.then("execute_multi_operation", multi("run-1", true, accepted("u-1")));
  wsv::PollWorkflowExecutionUpdateResponse done;
  *done.mutable_outcome()->mutable_success()->add_payloads() = payload::from_json_text("r", "3");
  c.then("poll_update", done);
  auto r = run_cli(c, with(with({"workflow", "execute-update-with-start"}, kUws),
                           {"--update-id", "u-1", "--update-input", "\"apple\"", "-i", "[1]", "-o", "json"}));
  CHECK(r.code == 0);
  REQUIRE(c.requests<wsv::ExecuteMultiOperationRequest>("execute_multi_operation").size() == 1);
  const auto req = c.requests<wsv::ExecuteMultiOperationRequest>("execute_multi_operation")[0];
  REQUIRE(req.operations_size() == 2);
  const auto& start = req.operations(0).start_workflow();
  const auto& update = req.operations(1).update_workflow();
  CHECK(start.workflow_id() == "order-1");
  CHECK(start.workflow_id_conflict_policy() == enums::WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING);
  CHECK(start.input().payloads(0).data() == "[1]");
  CHECK(update.workflow_execution().workflow_id() == "order-1");
  CHECK(update.workflow_execution().run_id().empty());
  CHECK(update.request().input().name() == "add_item");
  CHECK(update.request().meta().update_id() == "u-1");
  CHECK(update.request().input().args().payloads(0).data() == "\"apple\"");
  CHECK(update.wait_policy().lifecycle_stage() == enums::UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED);
  CHECK(c.requests<wsv::PollWorkflowExecutionUpdateRequest>("poll_update").size() == 1);
  auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["workflowId"] == "order-1");
  CHECK(doc["runId"] == "run-1");
  CHECK(doc["started"] == true);
  CHECK(doc["updateName"] == "add_item");
  CHECK(doc["updateId"] == "u-1");
  CHECK(doc["result"] == 3);
}

TEST_CASE("workflow start-update-with-start: a rejected update exits 12 with the failure; text shows both cards") {
  FakeCluster c;
  auto rejected = accepted("u-2");
  rejected.set_stage(enums::UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED);
  rejected.mutable_outcome()->mutable_failure()->set_message("value rejected: bad");
  c.then("execute_multi_operation", multi("run-1", false, rejected));
  auto r = run_cli(c, with(with({"workflow", "start-update-with-start"}, kUws),
                           {"--update-id", "u-2", "--update-wait-for-stage", "accepted", "-o", "json"}));
  CHECK(r.code == 12);
  CHECK(nlohmann::json::parse(r.out)["failure"]["message"] == "value rejected: bad");
  auto err = nlohmann::json::parse(r.err.substr(r.err.find('\n') + 1));
  CHECK(err["error"]["kind"] == "update_failed");
  CHECK(err["error"]["details"]["failure"]["message"] == "value rejected: bad");

  FakeCluster t;
  t.then("execute_multi_operation", multi("run-1", true, accepted("u-3")));
  auto text = run_cli(t, with(with({"workflow", "start-update-with-start"}, kUws),
                              {"--update-id", "u-3", "--update-wait-for-stage", "accepted"}));
  CHECK(text.code == 0);
  CHECK(text.out ==
        "Running execution:\n"
        "  WorkflowId  order-1\n"
        "  RunId       run-1\n"
        "  Type        Interactive\n"
        "  Namespace   default\n"
        "  TaskQueue   interactive-tasks\n"
        "  Started     true\n"
        "\n"
        "Update:\n"
        "  Name      add_item\n"
        "  UpdateId  u-3\n");
}

TEST_CASE("workflow start-update-with-start: asks again with a plain update while the server's poll ends early") {
  FakeCluster c;
  wsv::UpdateWorkflowExecutionResponse early;
  early.set_stage(enums::UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED);
  c.then("execute_multi_operation", multi("run-1", true, early));
  c.then("update_workflow", accepted("u-4"));
  auto r = run_cli(c, with(with({"workflow", "start-update-with-start"}, kUws),
                           {"--update-id", "u-4", "--update-wait-for-stage", "accepted", "-o", "json"}));
  CHECK(r.code == 0);
  REQUIRE(c.requests<wsv::UpdateWorkflowExecutionRequest>("update_workflow").size() == 1);
  CHECK(c.requests<wsv::UpdateWorkflowExecutionRequest>("update_workflow")[0].request().meta().update_id() == "u-4");
  CHECK(c.requests<wsv::ExecuteMultiOperationRequest>("execute_multi_operation").size() == 1);
}

TEST_CASE("update-with-start: bad input exits 2, names the flag, and sends nothing") {
  struct Case {
    std::vector<std::string> args;
    std::string needle;
  };
  const std::vector<std::string> exec{"workflow", "execute-update-with-start", "--type", "T", "-t", "q"};
  std::vector<Case> cases{
      {with(exec, {"-w", "w1", "--update-name", "u"}), "--id-conflict-policy"},
      {with(exec, {"-w", "w1", "--id-conflict-policy", "Fail"}), "--update-name"},
      {with(exec, {"--update-name", "u", "--id-conflict-policy", "Fail"}), "--workflow-id"},
      {with(exec, {"-w", "w1", "--update-name", "u", "--id-conflict-policy", "Fail", "--update-input", "{bad"}),
       "--update-input #1"},
      {with(exec, {"-w", "w1", "--update-name", "u", "--id-conflict-policy", "Fail", "--start-delay", "1m"}),
       "--start-delay"},
      {with(exec, {"-w", "w1", "--update-name", "u", "--id-conflict-policy", "Fail",
                   "--update-first-execution-run-id", "r0"}),
       "--update-first-execution-run-id"},
      {with(exec, {"-w", "w1", "--update-name", "u", "--id-conflict-policy", "Sometimes"}), "--id-conflict-policy"},
      {with(with({"workflow", "start-update-with-start"}, kUws), {}), "--update-wait-for-stage"},
  };
  for (const auto& tc : cases) {
    CAPTURE(tc.needle);
    FakeCluster c;
    auto r = run_cli(c, tc.args);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    // One line naming the flag (a parse error adds where to find the usage).
    CHECK(r.err.find("Error: ") == 0);
    CHECK(r.err.substr(0, r.err.find('\n')).find(tc.needle) != std::string::npos);
    CHECK(c.gateways_made == 0);
  }
}
