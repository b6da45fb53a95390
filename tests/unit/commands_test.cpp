// Whole argv vectors through the same entry point as main, against a fake gateway.
#include "fake_gateway.hpp"
#include "history_events.hpp"
#include "payload/payload.hpp"

#include <doctest/doctest.h>

#include "temporal/api/enums/v1/event_type.pb.h"
#include "temporal/api/enums/v1/workflow.pb.h"

namespace wsv = temporal::api::workflowservice::v1;

using namespace twctl;
using namespace twctl::testing;
namespace enums = temporal::api::enums::v1;

TEST_CASE("workflow start: sends one request with inputs, timeouts, policies and memo, and prints the IDs") {
  FakeCluster c;
  c.answer<wsv::StartWorkflowExecutionResponse>().set_run_id("run-1");
  c.answer<wsv::StartWorkflowExecutionResponse>().set_started(true);
  auto r = run_cli(c, {"workflow", "start", "--type", "SayHello", "-t", "hello-tasks", "-w", "hello-1", "-i",
                       "\"World\"", "--execution-timeout", "1h", "--id-reuse-policy", "RejectDuplicate", "--memo",
                       "owner=\"ops\"", "-n", "prod"});
  CHECK(r.code == 0);
  REQUIRE(c.requests<wsv::StartWorkflowExecutionRequest>().size() == 1);
  const auto req = c.requests<wsv::StartWorkflowExecutionRequest>()[0];
  CHECK(req.namespace_() == "prod");
  CHECK(req.workflow_id() == "hello-1");
  CHECK(req.workflow_type().name() == "SayHello");
  CHECK(req.task_queue().name() == "hello-tasks");
  CHECK(req.input().payloads(0).data() == "\"World\"");
  CHECK(req.workflow_execution_timeout().seconds() == 3600);
  CHECK(req.workflow_task_timeout().seconds() == 10);
  CHECK(req.workflow_id_reuse_policy() == enums::WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE);
  CHECK(req.memo().fields().at("owner").data() == "\"ops\"");
  CHECK_FALSE(req.request_id().empty());
  CHECK(r.out ==
        "Running execution:\n"
        "  WorkflowId  hello-1\n"
        "  RunId       run-1\n"
        "  Type        SayHello\n"
        "  Namespace   prod\n"
        "  TaskQueue   hello-tasks\n");
  CHECK(r.err.empty());
}

TEST_CASE("workflow start: without -w a UUID is used; -o json prints one object") {
  FakeCluster c;
  c.answer<wsv::StartWorkflowExecutionResponse>().set_run_id("run-2");
  c.answer<wsv::StartWorkflowExecutionResponse>().set_started(true);
  auto r = run_cli(c, {"workflow", "start", "--type", "T", "-t", "q", "-o", "json"});
  CHECK(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["workflowId"].get<std::string>().size() == 36);
  CHECK(j["workflowId"] == c.requests<wsv::StartWorkflowExecutionRequest>().at(0).workflow_id());
  CHECK(j["runId"] == "run-2");
  CHECK(j["taskQueue"] == "q");
}

TEST_CASE("workflow start: bad input exits 2, names the flag, and never makes a gateway") {
  struct Case {
    std::vector<std::string> extra;
    std::string needle;
  };
  std::vector<Case> cases{
      {{"-i", "{bad"}, "--input #1"},
      {{"-i", "1", "-i", "nope"}, "--input #2"},
      {{"--execution-timeout", "ten"}, "--execution-timeout"},
      {{"--run-timeout", "-1s"}, "--run-timeout"},
      {{"--memo", "novalue"}, "--memo"},
      {{"--search-attribute", "k=not json"}, "--search-attribute"},
      {{"--input-file", "/nonexistent/file.json"}, "--input-file"},
      {{"--bogus"}, "--bogus"},
      {{"--id-conflict-policy", "Maybe"}, "--id-conflict-policy"},
      {{"--command-timeout", "soon"}, "--command-timeout"},
  };
  for (const auto& tc : cases) {
    CAPTURE(tc.needle);
    FakeCluster c;
    std::vector<std::string> args{"workflow", "start", "--type", "T", "-t", "q"};
    args.insert(args.end(), tc.extra.begin(), tc.extra.end());
    auto r = run_cli(c, args);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("Error: ") == 0);
    CHECK(r.err.find(tc.needle) != std::string::npos);
    CHECK(c.gateways_made == 0);
  }
}

TEST_CASE("workflow start: a missing --task-queue is a usage error and nothing is sent") {
  FakeCluster c;
  auto r = run_cli(c, {"workflow", "start", "--type", "T"});
  CHECK(r.code == 2);
  // Not required by the parser (a --from-file line may give it): the command says so.
  CHECK(r.err.find("--task-queue is required (or --from-file") != std::string::npos);
  CHECK(c.calls.size() == 0);
  CHECK(c.gateways_made == 0);
}

TEST_CASE("errors: a cluster error maps to its exit code; JSON modes add an error object on stderr") {
  FakeCluster c;
  Error nf(ErrorKind::NotFound, "workflow not found for ID: nope");
  nf.grpc_code = 5;
  nf.grpc_code_name = "NOT_FOUND";
  c.fail_with = nf;
  auto text = run_cli(c, {"workflow", "describe", "-w", "nope"});
  CHECK(text.code == 4);
  CHECK(text.out.empty());
  CHECK(text.err == "Error: workflow not found for ID: nope\n");

  auto json = run_cli(c, {"workflow", "describe", "-w", "nope", "-o", "json"});
  CHECK(json.code == 4);
  CHECK(json.out.empty());
  auto line = json.err.substr(json.err.find('\n') + 1);
  auto j = nlohmann::json::parse(line);
  CHECK(j["error"]["code"] == 4);
  CHECK(j["error"]["kind"] == "not_found");
  CHECK(j["error"]["grpcStatus"]["name"] == "NOT_FOUND");
  CHECK(j["error"]["message"] == "workflow not found for ID: nope");
}

TEST_CASE("workflow result: long-polls past empty answers, follows continue-as-new, prints the result") {
  FakeCluster c;
  c.then(page({}, "poll-again"));
  auto can = event(5, enums::EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
  can.mutable_workflow_execution_continued_as_new_event_attributes()->set_new_execution_run_id("run-2");
  c.then(page({can}));
  c.then(page({completed(7, "\"liftoff\"")}));
  auto r = run_cli(c, {"workflow", "result", "-w", "countdown", "-r", "run-1"});
  CHECK(r.code == 0);
  REQUIRE(c.requests<wsv::GetWorkflowExecutionHistoryRequest>().size() == 3);
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>()[0].wait_new_event());
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>()[0].history_event_filter_type() == enums::HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT);
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>()[1].next_page_token() == "poll-again");
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>()[1].execution().run_id() == "run-1");
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>()[2].execution().run_id() == "run-2");
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>()[2].next_page_token().empty());
  CHECK(r.out ==
        "Results:\n"
        "  Status          COMPLETED\n"
        "  Result          \"liftoff\"\n"
        "  ResultEncoding  json/plain\n");
}

TEST_CASE("workflow result: a failed workflow prints its outcome, then exits 3 with the cause chain") {
  FakeCluster c;
  c.answer<wsv::DescribeWorkflowExecutionResponse>().mutable_workflow_execution_info()->mutable_execution()->set_run_id("latest");
  c.then(page({failed(9)}));
  auto r = run_cli(c, {"workflow", "result", "-w", "order-1"});
  CHECK(r.code == 3);
  // Without -r the latest run is pinned first, so the output can name the run that closed.
  CHECK(c.requests<wsv::DescribeWorkflowExecutionRequest>().size() == 1);
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>().at(0).execution().run_id() == "latest");
  CHECK(r.out ==
        "Results:\n"
        "  Status   FAILED\n"
        "  Failure  order processing failed (OrderError); caused by: database unreachable\n");
  CHECK(r.err == "Error: workflow failed: order processing failed (OrderError); caused by: database unreachable\n");

  FakeCluster cj;
  cj.then(page({failed(9)}));
  auto j = run_cli(cj, {"workflow", "result", "-w", "order-1", "-o", "json"});
  CHECK(j.code == 3);
  auto doc = nlohmann::json::parse(j.out);
  CHECK(doc["status"] == "FAILED");
  CHECK(doc["workflowId"] == "order-1");
  CHECK(doc["closeEvent"]["eventType"] == "EVENT_TYPE_WORKFLOW_EXECUTION_FAILED");
  CHECK_FALSE(doc.contains("result"));
  auto err = nlohmann::json::parse(j.err.substr(j.err.find('\n') + 1));
  CHECK(err["error"]["kind"] == "workflow_failed");
  CHECK(err["error"]["details"]["failure"]["cause"]["message"] == "database unreachable");
}

TEST_CASE("workflow describe: a running workflow shows its pending activities with attempts and last failure") {
  FakeCluster c;
  auto* info = c.answer<wsv::DescribeWorkflowExecutionResponse>().mutable_workflow_execution_info();
  info->mutable_execution()->set_workflow_id("flaky-1");
  info->mutable_execution()->set_run_id("run-1");
  info->mutable_type()->set_name("FlakyApiWorkflow");
  info->set_task_queue("flaky-tasks");
  info->set_status(enums::WORKFLOW_EXECUTION_STATUS_RUNNING);
  info->mutable_start_time()->set_seconds(1'700'000'040);
  info->set_history_length(5);
  info->set_history_size_bytes(900);
  info->set_state_transition_count(4);
  auto* a = c.answer<wsv::DescribeWorkflowExecutionResponse>().add_pending_activities();
  a->set_activity_id("1");
  a->mutable_activity_type()->set_name("call_flaky_api");
  a->set_state(enums::PENDING_ACTIVITY_STATE_SCHEDULED);
  a->set_attempt(3);
  a->mutable_last_failure()->set_message("HTTP 500: service unavailable");
  auto r = run_cli(c, {"workflow", "describe", "-w", "flaky-1"});
  CHECK(r.code == 0);
  // The last event is asked for beside the describe (never the close-event filter, which would wait on a
  // running workflow); a running workflow has no close event, and no Results card shows.
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>().empty());
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryReverseRequest>().size() <= 1);
  CHECK(r.out.find("Results:") == std::string::npos);
  CHECK(r.out ==
        "Execution Info:\n"
        "  WorkflowId            flaky-1\n"
        "  RunId                 run-1\n"
        "  Type                  FlakyApiWorkflow\n"
        "  Namespace             default\n"
        "  TaskQueue             flaky-tasks\n"
        "  Status                Running\n"
        "  StartTime             1 minute ago\n"
        "  StateTransitionCount  4\n"
        "  HistoryLength         5\n"
        "  HistorySize           900\n"
        "\n"
        "Pending Activities: 1\n"
        "  ActivityId       1\n"
        "  Type             call_flaky_api\n"
        "  State            Scheduled\n"
        "  Attempt          3\n"
        "  MaximumAttempts  0\n"
        "  LastFailure      HTTP 500: service unavailable\n"
        "\n"
        "Pending Child Workflows: 0\n");
}

TEST_CASE("workflow describe: a closed workflow adds its close event and result to JSON") {
  FakeCluster c;
  auto* info = c.answer<wsv::DescribeWorkflowExecutionResponse>().mutable_workflow_execution_info();
  info->mutable_execution()->set_workflow_id("hello-1");
  info->set_status(enums::WORKFLOW_EXECUTION_STATUS_COMPLETED);
  info->set_history_length(11);
  wsv::GetWorkflowExecutionHistoryReverseResponse last;
  *last.mutable_history() = page({completed(11, "\"Hello, World!\"")}).history();
  c.then(last);
  auto r = run_cli(c, {"workflow", "describe", "-w", "hello-1", "-o", "json"});
  CHECK(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["workflowExecutionInfo"]["status"] == "WORKFLOW_EXECUTION_STATUS_COMPLETED");
  CHECK(j["closeEvent"]["eventId"] == "11");
  CHECK(j["result"] == "Hello, World!");
  // One event, newest first, asked for beside the describe: no second round trip.
  auto asked = c.requests<wsv::GetWorkflowExecutionHistoryReverseRequest>();
  REQUIRE(asked.size() == 1);
  CHECK(asked[0].maximum_page_size() == 1);
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>().empty());
}

TEST_CASE("workflow describe: a close event fetched beside the describe is asked again when it is not the last") {
  // The history call goes out with the describe; a run that went on between the two answers is asked again.
  FakeCluster c;
  auto* info = c.answer<wsv::DescribeWorkflowExecutionResponse>().mutable_workflow_execution_info();
  info->mutable_execution()->set_workflow_id("hello-1");
  info->set_status(enums::WORKFLOW_EXECUTION_STATUS_COMPLETED);
  info->set_history_length(12);
  wsv::GetWorkflowExecutionHistoryReverseResponse last;
  *last.mutable_history() = page({completed(11, "\"old\"")}).history();
  c.then(last);
  c.then(page({completed(12, "\"new\"")}));
  auto r = run_cli(c, {"workflow", "describe", "-w", "hello-1", "-o", "json"});
  CHECK(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["closeEvent"]["eventId"] == "12");
  CHECK(j["result"] == "new");
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryReverseRequest>().size() == 1);
  auto asked = c.requests<wsv::GetWorkflowExecutionHistoryRequest>();
  REQUIRE(asked.size() == 1);
  CHECK(asked[0].history_event_filter_type() == enums::HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT);
}

TEST_CASE("workflow query: sends name and args; a rejected query exits 9") {
  FakeCluster c;
  *c.answer<wsv::QueryWorkflowResponse>().mutable_query_result()->add_payloads() = payload::from_json_text("r", "3");
  auto r = run_cli(c, {"workflow", "query", "-w", "sub-1", "--name", "count"});
  CHECK(r.code == 0);
  CHECK(c.requests<wsv::QueryWorkflowRequest>().at(0).query().query_type() == "count");
  CHECK(r.out == "Query result:\n  QueryResult  3\n");

  auto json = run_cli(c, {"workflow", "query", "-w", "sub-1", "--name", "count", "-o", "json"});
  CHECK(nlohmann::json::parse(json.out)["queryResult"] == nlohmann::json::parse("[3]"));

  FakeCluster rejected;
  rejected.answer<wsv::QueryWorkflowResponse>().mutable_query_rejected()->set_status(enums::WORKFLOW_EXECUTION_STATUS_COMPLETED);
  auto rj = run_cli(rejected, {"workflow", "query", "-w", "sub-1", "--name", "count", "--reject-condition", "not_open"});
  CHECK(rejected.requests<wsv::QueryWorkflowRequest>().at(0).query_reject_condition() == enums::QUERY_REJECT_CONDITION_NOT_OPEN);
  CHECK(rj.code == 9);
  CHECK(rj.err == "Error: query was rejected, workflow has status: Completed\n");
}

TEST_CASE("workflow list: streams pages, stops at --limit, and lowers the page size to it") {
  FakeCluster c;
  for (int p = 0; p < 2; ++p) {
    wsv::ListWorkflowExecutionsResponse resp;
    for (int i = 0; i < 2; ++i) {
      auto* e = resp.add_executions();
      e->mutable_execution()->set_workflow_id("wf-" + std::to_string(p * 2 + i));
      e->mutable_type()->set_name("Echo");
      e->set_status(enums::WORKFLOW_EXECUTION_STATUS_COMPLETED);
    }
    resp.set_next_page_token(p == 0 ? "next" : "more");
    c.then(resp);
  }
  auto r = run_cli(c, {"workflow", "list", "--limit", "3", "--page-size", "2", "-o", "jsonl"});
  CHECK(r.code == 0);
  REQUIRE(c.requests<wsv::ListWorkflowExecutionsRequest>().size() == 2);
  CHECK(c.requests<wsv::ListWorkflowExecutionsRequest>()[0].page_size() == 2);
  CHECK(c.requests<wsv::ListWorkflowExecutionsRequest>()[1].next_page_token() == "next");
  CHECK(r.out ==
        "{\"execution\":{\"workflowId\":\"wf-0\"},\"type\":{\"name\":\"Echo\"},\"status\":\"WORKFLOW_EXECUTION_STATUS_COMPLETED\"}\n"
        "{\"execution\":{\"workflowId\":\"wf-1\"},\"type\":{\"name\":\"Echo\"},\"status\":\"WORKFLOW_EXECUTION_STATUS_COMPLETED\"}\n"
        "{\"execution\":{\"workflowId\":\"wf-2\"},\"type\":{\"name\":\"Echo\"},\"status\":\"WORKFLOW_EXECUTION_STATUS_COMPLETED\"}\n");

  FakeCluster small;
  run_cli(small, {"workflow", "list", "--limit", "5"});
  CHECK(small.requests<wsv::ListWorkflowExecutionsRequest>().at(0).page_size() == 5);
}

TEST_CASE("workflow list: text prints one header for all pages") {
  FakeCluster c;
  for (int p = 0; p < 2; ++p) {
    wsv::ListWorkflowExecutionsResponse resp;
    auto* e = resp.add_executions();
    e->mutable_execution()->set_workflow_id("wf-" + std::to_string(p));
    e->mutable_type()->set_name("Echo");
    e->set_status(enums::WORKFLOW_EXECUTION_STATUS_RUNNING);
    if (p == 0) resp.set_next_page_token("next");
    c.then(resp);
  }
  auto r = run_cli(c, {"workflow", "list"});
  CHECK(r.out ==
        "  Status   WorkflowId  Type  StartTime\n"
        "  Running  wf-0        Echo\n"
        "  Running  wf-1        Echo\n");
}

TEST_CASE("workflow show: streams every page as {\"events\": [...]} in json and one event per line in jsonl") {
  auto pages = [] {
    std::deque<wsv::GetWorkflowExecutionHistoryResponse> d;
    d.push_back(page({event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)}, "p2"));
    d.push_back(page({completed(2, "1")}));
    return d;
  };
  FakeCluster c;
  for (auto& p : pages()) c.then(p);
  auto r = run_cli(c, {"workflow", "show", "-w", "w", "-o", "json"});
  CHECK(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["events"].size() == 2);
  CHECK(j["events"][1]["workflowExecutionCompletedEventAttributes"]["result"]["payloads"][0]["data"] == "MQ==");
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>().at(1).next_page_token() == "p2");

  FakeCluster cl;
  for (auto& p : pages()) cl.then(p);
  auto l = run_cli(cl, {"workflow", "show", "-w", "w", "-o", "jsonl"});
  CHECK(std::count(l.out.begin(), l.out.end(), '\n') == 2);

  FakeCluster ct;
  for (auto& p : pages()) ct.then(p);
  auto t = run_cli(ct, {"workflow", "show", "-w", "w"});
  CHECK(t.out ==
        "Progress:\n"
        "  ID  Time                  Type                        Details\n"
        "   1  2023-11-14T22:13:21Z  WorkflowExecutionStarted\n"
        "   2  2023-11-14T22:13:22Z  WorkflowExecutionCompleted\n"
        "\n"
        "Results:\n"
        "  Status          COMPLETED\n"
        "  Result          1\n"
        "  ResultEncoding  json/plain\n");
}

TEST_CASE("workflow cancel: sends the reason; the confirmation goes to stderr, not stdout") {
  FakeCluster c;
  auto r = run_cli(c, {"workflow", "cancel", "-w", "sub-1", "--reason", "unsubscribe"});
  CHECK(r.code == 0);
  CHECK(c.requests<wsv::RequestCancelWorkflowExecutionRequest>().at(0).reason() == "unsubscribe");
  CHECK(c.requests<wsv::RequestCancelWorkflowExecutionRequest>().at(0).workflow_execution().workflow_id() == "sub-1");
  CHECK(r.out.empty());
  CHECK(r.err == "Cancellation requested for workflow sub-1\n");
}

TEST_CASE("cli: --version and --help print to stdout and exit 0") {
  FakeCluster c;
  auto v = run_cli(c, {"--version"});
  CHECK(v.code == 0);
  CHECK(v.out == "twctl " TWCTL_VERSION "\n");
  auto h = run_cli(c, {"workflow", "start", "--help"});
  CHECK(h.code == 0);
  CHECK(h.out.find("--task-queue") != std::string::npos);
  CHECK(h.out.find("Examples:") != std::string::npos);
}

TEST_CASE("cli: a mistyped command names the word and suggests the nearest command; a group alone lists its commands") {
  FakeCluster c;
  auto typo = run_cli(c, {"workflow", "strat", "--type", "X"});
  CHECK(typo.code == 2);
  CHECK(typo.err.rfind("Error: unknown command \"strat\" for \"twctl workflow\" (did you mean \"start\"?)\n", 0) == 0);
  auto group = run_cli(c, {"workflow"});
  CHECK(group.code == 2);
  CHECK(group.err.rfind("Error: \"twctl workflow\" needs a command: start, describe, query, ", 0) == 0);
  CHECK(group.err.find(", show") != std::string::npos);
  CHECK(c.gateways_made == 0);
}
