// workflow execute: argv → options, and the command against a fake gateway.
#include "fake_gateway.hpp"
#include "ops/workflow/execute.hpp"
#include "ops/workflow/history.hpp"
#include "payload/payload.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

#include "temporal/api/enums/v1/event_type.pb.h"
#include "temporal/api/enums/v1/workflow.pb.h"

namespace wsv = temporal::api::workflowservice::v1;

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
  c.answer<wsv::StartWorkflowExecutionResponse>().set_run_id(run_id);
  c.answer<wsv::StartWorkflowExecutionResponse>().set_started(is_new);
}

template <typename T>
const T& options_of(const cli::CommandTree& tree) {
  return *std::any_cast<std::shared_ptr<T>>(tree.selected.options);
}

}  // namespace

// --- parse ---------------------------------------------------------------------------------------------------

TEST_CASE("parse: execute takes the start flags and --detailed") {
  auto tree = cli::parse({"workflow", "execute", "--name", "SayHello", "-t", "q", "-w", "w1", "-i", "1",
                          "--id-conflict-policy", "UseExisting", "--detailed"});
  CHECK(tree->selected.command == "workflow execute");
  const auto& o = options_of<ops::workflow::ExecuteOptions>(*tree);
  CHECK(o.start.type == "SayHello");
  CHECK(o.start.input.inputs == std::vector<std::string>{"1"});
  CHECK(o.start.id_conflict_policy == "UseExisting");
  CHECK(o.detailed);
}

// --- execute ---------------------------------------------------------------------------------------------------

TEST_CASE("workflow execute: starts, streams progress to stderr following continue-as-new, result on stdout") {
  FakeCluster c;
  started(c, "run-1");
  c.then(page({event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)}, "more"));
  auto can = event(2, enums::EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
  can.mutable_workflow_execution_continued_as_new_event_attributes()->set_new_execution_run_id("run-2");
  c.then(page({can}));
  c.then(page({event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED), completed(2, "\"hi\"")}));
  auto r = run_cli(c, {"workflow", "execute", "--type", "SayHello", "-t", "hello-tasks", "-w", "hello-1", "-i",
                       "\"World\""});
  CHECK(r.code == 0);
  REQUIRE(c.requests<wsv::StartWorkflowExecutionRequest>().size() == 1);
  const auto start = c.requests<wsv::StartWorkflowExecutionRequest>()[0];
  CHECK(start.workflow_type().name() == "SayHello");
  CHECK(start.input().payloads(0).data() == "\"World\"");
  auto polls = c.requests<wsv::GetWorkflowExecutionHistoryRequest>();
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
  c.then(page({completed(5, "{\"n\":1}")}));
  c.then(page({event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED), completed(5, "{\"n\":1}")}));
  auto r = run_cli(c, {"workflow", "execute", "--type", "T", "-t", "q", "-w", "w1", "-o", "json", "--detailed"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  auto polls = c.requests<wsv::GetWorkflowExecutionHistoryRequest>();
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
  c.then(page({completed(3, "\"ok\"")}));
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
  c.then(page({failed}));
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
  c.then(page({completed(9, "1")}));
  auto r = run_cli(c, {"workflow", "execute", "--type", "T", "-t", "q", "-w", "w1", "--id-conflict-policy",
                       "UseExisting", "-o", "json"});
  CHECK(r.code == 0);
  CHECK(c.requests<wsv::StartWorkflowExecutionRequest>()[0].workflow_id_conflict_policy() ==
        enums::WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING);
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>()[0].execution().run_id() == "run-0");
  CHECK(nlohmann::json::parse(r.out)["runId"] == "run-0");
  CHECK(r.err == "warning: a run with this workflow ID was already running; following it\n");
}

TEST_CASE("history long polls pause after an empty answer, so a too-short deadline cannot make them spin") {
  FakeCluster c;
  std::istringstream in;
  std::ostringstream out, err;
  CancelToken cancel;
  Context ctx(in, out, err, cancel);
  int pauses = 0;
  ctx.pause = [&](std::chrono::milliseconds) {
    ++pauses;
    return true;
  };
  ctx.gateway_factory = [&c](const client::ConnectionOptions&, CancelToken&) {
    return std::make_unique<FakeGateway>(c);
  };
  ops::workflow::WorkflowExecution ex;
  ex.set_workflow_id("w");
  ex.set_run_id("r");

  c.then(page({}, "again"));
  c.then(page({}, "again"));
  c.then(page({completed(3, "1")}));
  ops::workflow::wait_for_close(ctx, ex, true);
  CHECK(pauses == 2);

  pauses = 0;
  c.then(page({event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)}, "next"));
  c.then(page({}, "again"));
  c.then(page({completed(3, "1")}));
  int events = 0;
  ops::workflow::follow_history(ctx, ex, [&](const history::HistoryEvent&) { ++events; });
  CHECK(events == 2);
  CHECK(pauses == 1);  // only after the answer that brought nothing
}

TEST_CASE("history pages: each next page is sized from the one before to stay near 256 KiB on the wire") {
  using twctl::ops::workflow::next_history_page_size;
  CHECK(next_history_page_size(100, 128 << 10) == 200);   // small batches: pages grow
  CHECK(next_history_page_size(100, 4 << 20) == 10);       // huge batches: down to the floor of 10
  CHECK(next_history_page_size(100, 512 << 10) == 50);
  CHECK(next_history_page_size(1000, 1000) == 1000);       // never past the server's default
  CHECK(next_history_page_size(100, 0) == 1000);           // an empty page says nothing: ask for the most
}
