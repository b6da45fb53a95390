// `workflow show` (--follow, --reverse, --detailed, the Details column) and describe's history warnings,
// through cli::run against a fake gateway.
#include "fake_gateway.hpp"
#include "history_events.hpp"

#include <doctest/doctest.h>

#include "temporal/api/enums/v1/workflow.pb.h"

namespace wsv = temporal::api::workflowservice::v1;

using namespace twctl;
using namespace twctl::testing;
namespace enums = temporal::api::enums::v1;

namespace {

history::HistoryEvent scheduled(int64_t id, const std::string& type, const std::string& activity_id) {
  auto e = event(id, enums::EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
  e.mutable_activity_task_scheduled_event_attributes()->mutable_activity_type()->set_name(type);
  e.mutable_activity_task_scheduled_event_attributes()->set_activity_id(activity_id);
  return e;
}

history::HistoryEvent continued(int64_t id, const std::string& new_run) {
  auto e = event(id, enums::EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
  e.mutable_workflow_execution_continued_as_new_event_attributes()->set_new_execution_run_id(new_run);
  return e;
}

void pin_run(FakeCluster& c, const std::string& run_id) {
  c.answer<wsv::DescribeWorkflowExecutionResponse>()
      .mutable_workflow_execution_info()
      ->mutable_execution()
      ->set_run_id(run_id);
}

// A run that waits, continues as new, and whose new run completes: the answers a follower gets.
// `pinned`: the command names the run (-r), so it asks no DescribeWorkflowExecution to pin it.
void queue_followed_history(FakeCluster& c, bool pinned = false) {
  if (!pinned) pin_run(c, "run-1");
  c.then(page({event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)}, "t1"));
  c.then(page({}, "t2"));  // the long poll ended with nothing new
  c.then(page({event(2, enums::EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED), continued(3, "run-2")}));
  c.then(page({event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)}, "t3"));
  c.then(page({completed(2, "\"done\"")}));
}

}  // namespace

TEST_CASE("workflow show: --reverse with --follow is a usage error and nothing is sent") {
  FakeCluster c;
  auto r = run_cli(c, {"workflow", "show", "-w", "w", "--reverse", "--follow"});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.rfind("Error: ", 0) == 0);
  CHECK(r.err.find("--reverse") != std::string::npos);
  CHECK(r.err.find("--follow") != std::string::npos);
  CHECK(c.gateways_made == 0);
}

TEST_CASE("workflow show --follow: long-polls with the run pinned, follows continue-as-new, streams jsonl") {
  FakeCluster c;
  queue_followed_history(c);
  auto r = run_cli(c, {"workflow", "show", "-w", "w", "--follow", "-o", "jsonl"});
  CHECK(r.code == 0);
  CHECK(c.requests<wsv::DescribeWorkflowExecutionRequest>().size() == 1);
  auto reqs = c.requests<wsv::GetWorkflowExecutionHistoryRequest>();
  REQUIRE(reqs.size() == 5);
  for (const auto& q : reqs) {
    CHECK(q.wait_new_event());
    CHECK(q.history_event_filter_type() == enums::HISTORY_EVENT_FILTER_TYPE_UNSPECIFIED);
  }
  CHECK(reqs[0].execution().run_id() == "run-1");
  CHECK(reqs[0].next_page_token().empty());
  CHECK(reqs[1].next_page_token() == "t1");
  CHECK(reqs[2].next_page_token() == "t2");
  CHECK(reqs[3].execution().run_id() == "run-2");
  CHECK(reqs[3].next_page_token().empty());
  CHECK(reqs[4].next_page_token() == "t3");
  std::vector<std::string> types;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) types.push_back(nlohmann::json::parse(line)["eventType"]);
  CHECK(types == std::vector<std::string>{"EVENT_TYPE_WORKFLOW_EXECUTION_STARTED",
                                          "EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED",
                                          "EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW",
                                          "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED",
                                          "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED"});
  CHECK(r.err.empty());  // where it moved is said in text mode only
}

TEST_CASE("workflow show --follow: text says on stderr where it moved, and ends with the last run's result") {
  FakeCluster c;
  queue_followed_history(c, true);
  auto r = run_cli(c, {"workflow", "show", "-w", "w", "-r", "run-1", "-f"});
  CHECK(r.code == 0);
  CHECK(c.requests<wsv::DescribeWorkflowExecutionRequest>().empty());  // -r pins the run
  CHECK(r.err == "Continued as new: following run run-2\n");
  CHECK(r.out ==
        "Progress:\n"
        "  ID  Time                  Type                      Details\n"
        "   1  2023-11-14T22:13:21Z  WorkflowExecutionStarted\n"
        "   2  2023-11-14T22:13:22Z  WorkflowExecutionSignaled\n"
        "   3  2023-11-14T22:13:23Z  WorkflowExecutionContinuedAsNew  newRunId=run-2\n"
        "   1  2023-11-14T22:13:21Z  WorkflowExecutionStarted\n"
        "   2  2023-11-14T22:13:22Z  WorkflowExecutionCompleted\n"
        "\n"
        "Results:\n"
        "  Status          COMPLETED\n"
        "  Result          \"done\"\n"
        "  ResultEncoding  json/plain\n");
}

TEST_CASE("workflow show --follow -o json: one {\"events\": [...]} document across runs") {
  FakeCluster c;
  queue_followed_history(c);
  auto r = run_cli(c, {"workflow", "show", "-w", "w", "--follow", "-o", "json"});
  CHECK(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["events"].size() == 5);
  CHECK(j["events"][2]["workflowExecutionContinuedAsNewEventAttributes"]["newExecutionRunId"] == "run-2");
}

TEST_CASE("workflow show --reverse: newest first from the reverse RPC, the close event gives the result") {
  FakeCluster c;
  wsv::GetWorkflowExecutionHistoryReverseResponse first, second;
  *first.mutable_history()->add_events() = completed(3, "7");
  first.set_next_page_token("older");
  *second.mutable_history()->add_events() = event(2, enums::EVENT_TYPE_WORKFLOW_TASK_SCHEDULED);
  *second.mutable_history()->add_events() = event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED);
  c.then(first);
  c.then(second);
  auto r = run_cli(c, {"workflow", "show", "-w", "w", "--reverse"});
  CHECK(r.code == 0);
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>().empty());
  auto reqs = c.requests<wsv::GetWorkflowExecutionHistoryReverseRequest>();
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[0].execution().workflow_id() == "w");
  CHECK(reqs[1].next_page_token() == "older");
  CHECK(r.out ==
        "Progress:\n"
        "  ID  Time                  Type                        Details\n"
        "   3  2023-11-14T22:13:23Z  WorkflowExecutionCompleted\n"
        "   2  2023-11-14T22:13:22Z  WorkflowTaskScheduled\n"
        "   1  2023-11-14T22:13:21Z  WorkflowExecutionStarted\n"
        "\n"
        "Results:\n"
        "  Status          COMPLETED\n"
        "  Result          7\n"
        "  ResultEncoding  json/plain\n");
}

TEST_CASE("workflow show: the Details column, whole when stdout is not a terminal, cut to fit one") {
  auto pages = [] {
    auto e = event(5, enums::EVENT_TYPE_ACTIVITY_TASK_FAILED);
    e.mutable_activity_task_failed_event_attributes()->set_scheduled_event_id(4);
    e.mutable_activity_task_failed_event_attributes()->mutable_failure()->set_message(
        "the payment service answered 503 Service Unavailable after 30 seconds");
    return page({scheduled(4, "charge_card", "1"), e});
  };
  FakeCluster c;
  c.then(pages());
  auto r = run_cli(c, {"workflow", "show", "-w", "w"});
  CHECK(r.out ==
        "Progress:\n"
        "  ID  Time                  Type                   Details\n"
        "   4  2023-11-14T22:13:24Z  ActivityTaskScheduled  activityType=charge_card activityId=1\n"
        "   5  2023-11-14T22:13:25Z  ActivityTaskFailed     activityType=charge_card activityId=1 "
        "failure=\"the payment service answered 503 Service Unavailable after 30 seconds\"\n");

  FakeCluster tty;
  tty.then(pages());
  auto t = run_cli(tty, {"workflow", "show", "-w", "w"}, {{"NO_COLOR", "1"}}, {}, [](Context& ctx) {
    ctx.stdout_tty = true;
    ctx.stdout_columns = 110;
  });
  CHECK(t.out.find("   4  2023-11-14T22:13:24Z  ActivityTaskScheduled  activityType=charge_card activityId=1\n") !=
        std::string::npos);
  CHECK(t.out.find("   5  2023-11-14T22:13:25Z  ActivityTaskFailed     activityType=charge_card activityId=1 "
                   "failure=\"the paymen…\n") != std::string::npos);
}

TEST_CASE("workflow show --detailed: a card per event with its attributes lifted and payloads as JSON") {
  FakeCluster c;
  auto s = scheduled(5, "say_hello", "1");
  auto* a = s.mutable_activity_task_scheduled_event_attributes();
  *a->mutable_input()->add_payloads() = payload::from_json_text("input", "\"World\"");
  a->mutable_start_to_close_timeout()->set_seconds(10);
  a->mutable_task_queue()->set_name("hello-tasks");
  a->mutable_task_queue()->set_kind(enums::TASK_QUEUE_KIND_NORMAL);
  s.set_task_id(1048601);
  c.then(page({s, completed(6, "\"Hello, World!\"")}));
  auto r = run_cli(c, {"workflow", "show", "-w", "w", "--detailed"});
  CHECK(r.code == 0);
  CHECK(r.out ==
        "Progress:\n"
        "--------------- [5] ActivityTaskScheduled ---------------\n"
        "  eventTime            2023-11-14T22:13:25Z\n"
        "  taskId               1048601\n"
        "  activityId           1\n"
        "  activityType.name    say_hello\n"
        "  input[0]             \"World\"\n"
        "  startToCloseTimeout  10s\n"
        "  taskQueue.kind       Normal\n"
        "  taskQueue.name       hello-tasks\n"
        "\n"
        "--------------- [6] WorkflowExecutionCompleted ---------------\n"
        "  eventTime  2023-11-14T22:13:26Z\n"
        "  result[0]  \"Hello, World!\"\n"
        "\n"
        "Results:\n"
        "  Status          COMPLETED\n"
        "  Result          \"Hello, World!\"\n"
        "  ResultEncoding  json/plain\n");
}

TEST_CASE("workflow describe: a history near the server's limits is a warning on stderr, never stdout") {
  auto describe = [](int64_t length, int64_t bytes, std::vector<std::string> extra = {}) {
    FakeCluster c;
    auto* info = c.answer<wsv::DescribeWorkflowExecutionResponse>().mutable_workflow_execution_info();
    info->mutable_execution()->set_workflow_id("big-1");
    info->set_status(enums::WORKFLOW_EXECUTION_STATUS_RUNNING);
    info->set_history_length(length);
    info->set_history_size_bytes(bytes);
    std::vector<std::string> args{"workflow", "describe", "-w", "big-1"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(c, args);
  };
  CHECK(describe(10'239, 10 * 1024 * 1024 - 1).err.empty());

  auto events = describe(12'000, 900);
  CHECK(events.code == 0);
  CHECK(events.err ==
        "warning: history has 12000 events, past the server's default warning threshold of 10240 events "
        "(the limit is 51200 events)\n");
  CHECK(events.out.find("warning") == std::string::npos);
  CHECK(events.out.find("HistoryLength         12000") != std::string::npos);

  auto both = describe(51'200, 60LL * 1024 * 1024, {"-o", "json"});
  CHECK(both.err ==
        "warning: history has 51200 events, at the server's default limit of 51200 events; history size is 60.0 MiB "
        "(62914560 bytes), at the server's default limit of 50 MiB\n");
  CHECK(nlohmann::json::parse(both.out)["workflowExecutionInfo"]["historyLength"] == "51200");
}

TEST_CASE("workflow show --follow and result: an empty poll answered at once pauses before the next poll") {
  // The server answers at once when the caller's deadline is near: polling again at once would spin.
  for (std::string verb : {"show", "result"}) {
    CAPTURE(verb);
    FakeCluster c;
    if (verb == "show") {
      queue_followed_history(c);
    } else {
      pin_run(c, "run-1");
      c.then(page({}, "t1"));
      c.then(page({completed(2, "1")}));
    }
    std::vector<std::chrono::milliseconds> pauses;
    std::vector<std::string> args{"workflow", verb, "-w", "w"};
    if (verb == "show") args.push_back("--follow");
    auto r = run_cli(c, args, {}, {}, [&pauses](Context& ctx) {
      ctx.pause = [&pauses](std::chrono::milliseconds d) {
        pauses.push_back(d);
        return true;
      };
    });
    CHECK(r.code == 0);
    CHECK(pauses == std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(250)});
  }
}

TEST_CASE("workflow show --event-type and --limit: filtered here, and no page read after the last one needed") {
  FakeCluster c;
  c.then(page({event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED), event(2, enums::EVENT_TYPE_WORKFLOW_TASK_SCHEDULED),
               event(3, enums::EVENT_TYPE_WORKFLOW_TASK_STARTED), event(4, enums::EVENT_TYPE_WORKFLOW_TASK_COMPLETED)},
              "next"));
  auto r = run_cli(c, {"workflow", "show", "-w", "w", "--event-type", "workflowtaskstarted", "--event-type",
                       "WorkflowTaskScheduled", "-o", "jsonl"});
  CHECK(r.code == 0);
  auto lines = std::count(r.out.begin(), r.out.end(), '\n');
  CHECK(lines == 2);
  CHECK(r.out.find("EVENT_TYPE_WORKFLOW_TASK_SCHEDULED") != std::string::npos);
  CHECK(r.out.find("EVENT_TYPE_WORKFLOW_EXECUTION_STARTED") == std::string::npos);
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>().size() == 2);  // the second page: empty, last

  FakeCluster limited;
  limited.then(page({event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED),
                     event(2, enums::EVENT_TYPE_WORKFLOW_TASK_SCHEDULED)},
                    "more"));
  auto l = run_cli(limited, {"workflow", "show", "-w", "w", "--limit", "2", "-o", "json"});
  CHECK(l.code == 0);
  CHECK(nlohmann::json::parse(l.out)["events"].size() == 2);
  CHECK(limited.requests<wsv::GetWorkflowExecutionHistoryRequest>().size() == 1);  // "more" never read

  for (const auto& bad : std::vector<std::vector<std::string>>{{"--limit", "-1"}, {"--event-type", "Nope"}}) {
    FakeCluster none;
    std::vector<std::string> args{"workflow", "show", "-w", "w"};
    args.insert(args.end(), bad.begin(), bad.end());
    auto b = run_cli(none, args);
    CHECK(b.code == 2);
    CHECK(b.err.find(bad[0]) != std::string::npos);
    CHECK(none.calls.empty());
  }
}
