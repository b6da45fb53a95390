// workflow reset, trace, pause and unpause: argv → options, and whole commands against the fake gateway.
#include "cli/app.hpp"
#include "fake_gateway.hpp"
#include "ops/workflow/reset.hpp"
#include "ops/workflow/trace.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <condition_variable>
#include <mutex>

#include "temporal/api/enums/v1/event_type.pb.h"
#include "temporal/api/enums/v1/reset.pb.h"
#include "temporal/api/enums/v1/workflow.pb.h"

namespace wsv = temporal::api::workflowservice::v1;

// The tests read the deprecated reset_reapply_type field twctl still sends.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

using namespace twctl;
using namespace twctl::testing;
namespace enums = temporal::api::enums::v1;
namespace history = temporal::api::history::v1;

namespace {

history::HistoryEvent event(int64_t id, enums::EventType type) {
  history::HistoryEvent e;
  e.set_event_id(id);
  e.set_event_type(type);
  return e;
}

wsv::GetWorkflowExecutionHistoryResponse page(std::vector<history::HistoryEvent> events, std::string token = "") {
  wsv::GetWorkflowExecutionHistoryResponse r;
  for (auto& e : events) *r.mutable_history()->add_events() = e;
  r.set_next_page_token(token);
  return r;
}

// Started, task scheduled/started/completed (4), signal, task scheduled/started/completed (8), more.
std::vector<history::HistoryEvent> two_tasks() {
  return {event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED),
          event(2, enums::EVENT_TYPE_WORKFLOW_TASK_SCHEDULED),
          event(3, enums::EVENT_TYPE_WORKFLOW_TASK_STARTED),
          event(4, enums::EVENT_TYPE_WORKFLOW_TASK_COMPLETED),
          event(5, enums::EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED),
          event(6, enums::EVENT_TYPE_WORKFLOW_TASK_SCHEDULED),
          event(7, enums::EVENT_TYPE_WORKFLOW_TASK_STARTED),
          event(8, enums::EVENT_TYPE_WORKFLOW_TASK_COMPLETED)};
}

template <typename T>
const T& options_of(const cli::CommandTree& tree) {
  return *std::any_cast<std::shared_ptr<T>>(tree.selected.options);
}

wsv::DescribeWorkflowExecutionResponse described(const std::string& wid, const std::string& rid,
                                                  const std::string& type, enums::WorkflowExecutionStatus status) {
  wsv::DescribeWorkflowExecutionResponse d;
  auto* info = d.mutable_workflow_execution_info();
  info->mutable_execution()->set_workflow_id(wid);
  info->mutable_execution()->set_run_id(rid);
  info->mutable_type()->set_name(type);
  info->set_status(status);
  return d;
}

history::HistoryEvent child_started(int64_t id, const std::string& wid, const std::string& rid) {
  auto e = event(id, enums::EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED);
  auto* a = e.mutable_child_workflow_execution_started_event_attributes();
  a->mutable_workflow_execution()->set_workflow_id(wid);
  a->mutable_workflow_execution()->set_run_id(rid);
  return e;
}

}  // namespace

TEST_CASE("parse: workflow reset binds its flags; --reapply-exclude repeats and ignores case") {
  auto tree = cli::parse({"workflow", "reset", "-w", "w1", "-r", "r1", "-t", "BuildId", "--build-id", "b7",
                          "--reason", "why", "--reapply-exclude", "signal", "--reapply-exclude", "Update"});
  CHECK(tree->selected.command == "workflow reset");
  const auto& o = options_of<ops::workflow::ResetOptions>(*tree);
  CHECK(o.target.ref.workflow_id == "w1");
  CHECK(o.target.ref.run_id == "r1");
  CHECK(o.type == "BuildId");
  CHECK(o.build_id == "b7");
  CHECK(o.target.reason == "why");
  CHECK(o.reapply_exclude.size() == 2);
  auto e = cli::parse({"workflow", "reset", "-w", "w1", "-e", "12", "--reason", "x", "--reapply-type", "None"});
  CHECK(options_of<ops::workflow::ResetOptions>(*e).event_id == 12);
  CHECK(options_of<ops::workflow::ResetOptions>(*e).reapply_type == "None");
  CHECK_THROWS_AS(cli::parse({"workflow", "reset", "-w", "w1", "-e", "4"}), CLI::ParseError);  // --reason
  CHECK_THROWS_AS(cli::parse({"workflow", "reset", "-w", "w", "-t", "Middle", "--reason", "x"}), CLI::ParseError);
  CHECK_THROWS_AS(cli::parse({"workflow", "reset", "-w", "w", "-e", "4", "--reason", "x", "--reapply-exclude", "Nexus"}),
                  CLI::ParseError);
}

TEST_CASE("workflow reset: bad flag combinations exit 2, name the flag, and send nothing") {
  struct Case {
    std::vector<std::string> args;
    std::string needle;
  };
  std::vector<Case> cases{
      {{"-w", "w", "-e", "4", "-t", "FirstWorkflowTask"}, "exactly one of -e/--event-id and -t/--type"},
      {{"-w", "w"}, "exactly one of -e/--event-id and -t/--type"},
      {{"-w", "w", "--event-id=-3"}, "-e/--event-id"},
      {{"-w", "w", "-t", "BuildId"}, "--build-id"},
      {{"-w", "w", "-e", "4", "--build-id", "b"}, "--build-id"},
      {{"-w", "w", "-e", "4", "--reapply-type", "Signal", "--reapply-exclude", "Update"}, "--reapply-type"},
      {{"-q", "WorkflowType='X'", "-e", "4", "--yes"}, "-e/--event-id cannot be used with -q"},
      {{"-q", "WorkflowType='X'", "--yes"}, "-t/--type"},
      {{"-q", "WorkflowType='X'", "-t", "LastContinuedAsNew", "--yes"}, "LastContinuedAsNew"},
      {{"-q", "WorkflowType='X'", "-t", "FirstWorkflowTask"}, "--yes"},
      {{"-w", "w", "-q", "WorkflowType='X'", "-t", "FirstWorkflowTask"}, "exactly one of -w"},
  };
  for (const auto& tc : cases) {
    CAPTURE(tc.needle);
    FakeCluster c;
    std::vector<std::string> args{"workflow", "reset", "--reason", "why"};
    args.insert(args.end(), tc.args.begin(), tc.args.end());
    auto r = run_cli(c, args);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find(tc.needle) != std::string::npos);
    CHECK(c.calls.empty());
  }
}

TEST_CASE("workflow reset -e: one request with the event, reason, request ID and reapply settings") {
  FakeCluster c;
  c.answer<wsv::ResetWorkflowExecutionResponse>().set_run_id("new-run");
  auto r = run_cli(c, {"workflow", "reset", "-w", "w1", "-r", "r1", "-e", "8", "--reason", "bad deploy",
                       "--reapply-exclude", "SIGNAL"});
  CHECK(r.code == 0);
  REQUIRE(c.calls.size() == 1);
  auto req = c.requests<wsv::ResetWorkflowExecutionRequest>().at(0);
  CHECK(req.workflow_execution().workflow_id() == "w1");
  CHECK(req.workflow_execution().run_id() == "r1");
  CHECK(req.workflow_task_finish_event_id() == 8);
  CHECK(req.reason() == "bad deploy");
  CHECK(req.request_id().size() == 36);
  CHECK(req.reset_reapply_type() == enums::RESET_REAPPLY_TYPE_ALL_ELIGIBLE);
  REQUIRE(req.reset_reapply_exclude_types_size() == 1);
  CHECK(req.reset_reapply_exclude_types(0) == enums::RESET_REAPPLY_EXCLUDE_TYPE_SIGNAL);
  CHECK(r.out ==
        "Reset execution:\n"
        "  WorkflowId  w1\n"
        "  RunId       new-run\n"
        "  BaseRunId   r1\n"
        "  EventId     8\n");
}

TEST_CASE("workflow reset -t FirstWorkflowTask: the first WorkflowTaskCompleted of the history; JSON output") {
  FakeCluster c;
  c.then(page({two_tasks()[0], two_tasks()[1]}, "tok"));
  c.then(page({two_tasks()[2], two_tasks()[3], two_tasks()[4]}, "tok2"));
  c.answer<wsv::ResetWorkflowExecutionResponse>().set_run_id("new-run");
  auto r = run_cli(c, {"workflow", "reset", "-w", "w1", "-t", "FirstWorkflowTask", "--reason", "x",
                       "--reapply-type", "None", "-o", "json"});
  CHECK(r.code == 0);
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>().size() == 2);  // stops at event 4
  auto req = c.requests<wsv::ResetWorkflowExecutionRequest>().at(0);
  CHECK(req.workflow_task_finish_event_id() == 4);
  CHECK(req.workflow_execution().run_id().empty());
  CHECK(req.reset_reapply_type() == enums::RESET_REAPPLY_TYPE_NONE);
  CHECK(nlohmann::json::parse(r.out) ==
        nlohmann::json{{"workflowId", "w1"}, {"runId", "new-run"}, {"baseRunId", ""}, {"eventId", 4}});
}

TEST_CASE("workflow reset -t LastWorkflowTask reads the history backwards; --reapply-exclude All excludes each kind") {
  FakeCluster c;
  auto events = two_tasks();
  wsv::GetWorkflowExecutionHistoryReverseResponse rev;
  for (auto it = events.rbegin(); it != events.rend(); ++it) *rev.mutable_history()->add_events() = *it;
  c.then(rev);
  auto r = run_cli(c, {"workflow", "reset", "-w", "w1", "-t", "LastWorkflowTask", "--reason", "x",
                       "--reapply-exclude", "all"});
  CHECK(r.code == 0);
  auto req = c.requests<wsv::ResetWorkflowExecutionRequest>().at(0);
  CHECK(req.workflow_task_finish_event_id() == 8);
  CHECK(req.reset_reapply_exclude_types_size() == 3);
}

TEST_CASE("workflow reset -t LastContinuedAsNew resets the previous run at its last completed task") {
  FakeCluster c;
  auto first = event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED);
  first.mutable_workflow_execution_started_event_attributes()->set_continued_execution_run_id("prev-run");
  c.then(page({first}));
  c.then(page(two_tasks()));
  auto r = run_cli(c, {"workflow", "reset", "-w", "w1", "-t", "LastContinuedAsNew", "--reason", "x"});
  CHECK(r.code == 0);
  auto hist = c.requests<wsv::GetWorkflowExecutionHistoryRequest>();
  REQUIRE(hist.size() == 2);
  CHECK(hist[1].execution().run_id() == "prev-run");
  auto req = c.requests<wsv::ResetWorkflowExecutionRequest>().at(0);
  CHECK(req.workflow_execution().run_id() == "prev-run");
  CHECK(req.workflow_task_finish_event_id() == 8);

  FakeCluster fresh;  // a first run has nothing to go back to
  fresh.then(page({event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)}));
  auto none = run_cli(fresh, {"workflow", "reset", "-w", "w1", "-t", "LastContinuedAsNew", "--reason", "x"});
  CHECK(none.code == 1);
  CHECK(none.err.find("did not continue from another") != std::string::npos);
  CHECK(fresh.requests<wsv::ResetWorkflowExecutionRequest>().empty());
}

TEST_CASE("workflow reset -t BuildId uses the auto-reset point of that build") {
  FakeCluster c;
  auto& d = c.answer<wsv::DescribeWorkflowExecutionResponse>();
  auto* p = d.mutable_workflow_execution_info()->mutable_auto_reset_points()->add_points();
  p->set_build_id("other");
  p = d.mutable_workflow_execution_info()->mutable_auto_reset_points()->add_points();
  p->set_build_id("b7");
  p->set_run_id("run-b7");
  p->set_first_workflow_task_completed_id(12);
  auto r = run_cli(c, {"workflow", "reset", "-w", "w1", "-t", "BuildId", "--build-id", "b7", "--reason", "x"});
  CHECK(r.code == 0);
  auto req = c.requests<wsv::ResetWorkflowExecutionRequest>().at(0);
  CHECK(req.workflow_execution().run_id() == "run-b7");
  CHECK(req.workflow_task_finish_event_id() == 12);
  auto missing = run_cli(c, {"workflow", "reset", "-w", "w1", "-t", "BuildId", "--build-id", "nope", "--reason", "x"});
  CHECK(missing.code == 1);
  CHECK(missing.err.find("build ID nope") != std::string::npos);
}

TEST_CASE("workflow reset -q: a batch job with the reset options") {
  FakeCluster c;
  auto r = run_cli(c, {"workflow", "reset", "-q", "WorkflowType='X'", "-t", "LastWorkflowTask", "--reason", "fixed",
                       "--reapply-exclude", "Update", "--yes", "--rps", "5", "-o", "json"});
  CHECK(r.code == 0);
  auto req = c.requests<wsv::StartBatchOperationRequest>().at(0);
  CHECK(req.visibility_query() == "WorkflowType='X'");
  CHECK(req.reason() == "fixed");
  CHECK(req.max_operations_per_second() == 5);
  REQUIRE(req.has_reset_operation());
  const auto& opts = req.reset_operation().options();
  CHECK(opts.has_last_workflow_task());
  CHECK(opts.reset_reapply_type() == enums::RESET_REAPPLY_TYPE_ALL_ELIGIBLE);
  REQUIRE(opts.reset_reapply_exclude_types_size() == 1);
  CHECK(opts.reset_reapply_exclude_types(0) == enums::RESET_REAPPLY_EXCLUDE_TYPE_UPDATE);
  CHECK(nlohmann::json::parse(r.out)["batchJobId"] == req.job_id());

  FakeCluster b;
  run_cli(b, {"workflow", "reset", "-q", "q", "-t", "BuildId", "--build-id", "b1", "--reason", "x", "--yes"});
  CHECK(b.requests<wsv::StartBatchOperationRequest>().at(0).reset_operation().options().build_id() == "b1");
}

TEST_CASE("workflow pause / unpause: the request names the run, the reason and a request ID; JSON confirms") {
  FakeCluster c;
  auto r = run_cli(c, {"workflow", "pause", "-w", "w1", "-r", "r1", "--reason", "look", "-o", "json"});
  CHECK(r.code == 0);
  auto pause = c.requests<wsv::PauseWorkflowExecutionRequest>();
  REQUIRE(pause.size() == 1);
  CHECK(pause[0].namespace_() == "default");
  CHECK(pause[0].workflow_id() == "w1");
  CHECK(pause[0].run_id() == "r1");
  CHECK(pause[0].reason() == "look");
  CHECK(pause[0].request_id().size() == 36);
  CHECK_FALSE(pause[0].identity().empty());
  CHECK(nlohmann::json::parse(r.out) == nlohmann::json{{"workflowId", "w1"}, {"runId", "r1"}, {"paused", true}});

  auto text = run_cli(c, {"workflow", "unpause", "-w", "w1"});
  CHECK(text.code == 0);
  CHECK(text.out.empty());
  CHECK(text.err == "Unpaused workflow w1\n");
  REQUIRE(c.requests<wsv::UnpauseWorkflowExecutionRequest>().size() == 1);
  CHECK(c.requests<wsv::UnpauseWorkflowExecutionRequest>()[0].run_id().empty());

  for (std::string verb : {"pause", "unpause"}) {
    FakeCluster none;
    CHECK(run_cli(none, {"workflow", verb, "--reason", "x"}).code == 2);
    CHECK(run_cli(none, {"workflow", verb, "-w", ""}).code == 2);
    CHECK(none.calls.empty());
  }
}

TEST_CASE("workflow pause against a server without the RPC: exit 13, cause unsupported") {
  FakeCluster c;
  Error e(ErrorKind::Unsupported, "the cluster at h:1 (Temporal server 1.29.1) does not support "
                                  "WorkflowService.PauseWorkflowExecution: it needs Temporal server 1.32.0 or newer");
  e.cause = "unsupported";
  c.fail_with = e;
  auto r = run_cli(c, {"workflow", "pause", "-w", "w1", "-o", "json"});
  CHECK(r.code == 13);
  CHECK(r.out.empty());
  auto j = nlohmann::json::parse(r.err.substr(r.err.find('\n') + 1));
  CHECK(j["error"]["kind"] == "unsupported");
  CHECK(j["error"]["cause"] == "unsupported");
}

TEST_CASE("workflow trace: children from the history, folded by status, failures shown; text and JSON") {
  auto setup = [](FakeCluster& c) {
    c.then(described("p", "r0", "Parent", enums::WORKFLOW_EXECUTION_STATUS_RUNNING));
    c.then(page({child_started(5, "p-child-0", "r1"), child_started(6, "p-child-1", "r2")}));
    c.then(described("p-child-0", "r1", "Child", enums::WORKFLOW_EXECUTION_STATUS_COMPLETED));
    c.then(page({event(9, enums::EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED)}));
    c.then(described("p-child-1", "r2", "Child", enums::WORKFLOW_EXECUTION_STATUS_FAILED));
    auto failed = event(9, enums::EVENT_TYPE_WORKFLOW_EXECUTION_FAILED);
    auto* f = failed.mutable_workflow_execution_failed_event_attributes()->mutable_failure();
    f->set_message("child 1 failed");
    f->mutable_application_failure_info()->set_type("ChildError");
    c.then(page({failed}));
    c.then(page({child_started(7, "p-child-1-child-0", "r3")}));
    c.then(described("p-child-1-child-0", "r3", "Child", enums::WORKFLOW_EXECUTION_STATUS_RUNNING));
    c.then(page({}));
  };
  FakeCluster c;
  setup(c);
  // One call at a time: the answers are queued in the order the calls come.
  auto r = run_cli(c, {"workflow", "trace", "-w", "p", "--concurrency", "1"});
  CHECK(r.code == 0);
  CHECK(r.out ==
        "Parent  p  r0  Running\n"
        "├─ Child  p-child-0  r1  Completed\n"
        "└─ Child  p-child-1  r2  Failed: child 1 failed (ChildError)\n"
        "   └─ Child  p-child-1-child-0  r3  Running\n");
  // The completed child was folded: its history was read for the close event only.
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>().size() == 5);

  FakeCluster j;
  setup(j);
  auto jr = run_cli(j, {"workflow", "trace", "-w", "p", "-o", "json", "--concurrency", "1"});
  CHECK(jr.code == 0);
  auto doc = nlohmann::json::parse(jr.out);
  CHECK(doc["type"] == "Parent");
  CHECK(doc["status"] == "RUNNING");
  REQUIRE(doc["children"].size() == 2);
  CHECK(doc["children"][0]["expanded"] == false);
  CHECK(doc["children"][1]["status"] == "FAILED");
  CHECK(doc["children"][1]["failure"] == "child 1 failed (ChildError)");
  CHECK(doc["children"][1]["children"][0]["workflowId"] == "p-child-1-child-0");
}

TEST_CASE("workflow trace: --depth 0 shows the root only; a failed root exits 3 after printing") {
  FakeCluster c;
  c.then(described("p", "r0", "Parent", enums::WORKFLOW_EXECUTION_STATUS_TERMINATED));
  auto term = event(9, enums::EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED);
  term.mutable_workflow_execution_terminated_event_attributes()->set_reason("stuck");
  c.then(page({term}));
  auto r = run_cli(c, {"workflow", "trace", "-w", "p", "--depth", "0"});
  CHECK(r.code == 3);
  CHECK(r.out == "Parent  p  r0  Terminated: stuck\n");
  CHECK(r.err == "Error: workflow was terminated: stuck\n");
  CHECK(c.calls.size() == 2);
}

TEST_CASE("workflow trace: a child that no longer exists shows as NotFound; a missing root exits 4") {
  FakeCluster c;
  c.then(described("p", "r0", "Parent", enums::WORKFLOW_EXECUTION_STATUS_RUNNING));
  auto started = child_started(5, "p-child-0", "r1");
  started.mutable_child_workflow_execution_started_event_attributes()->mutable_workflow_type()->set_name("Child");
  c.then(page({started}));
  c.fail_next<wsv::DescribeWorkflowExecutionRequest>({std::nullopt, Error(ErrorKind::NotFound, "workflow not found")});
  auto r = run_cli(c, {"workflow", "trace", "-w", "p"});
  CHECK(r.code == 0);
  CHECK(r.out ==
        "Parent  p  r0  Running\n"
        "└─ Child  p-child-0  r1  NotFound\n");

  FakeCluster gone;
  gone.fail_with = Error(ErrorKind::NotFound, "workflow not found");
  CHECK(run_cli(gone, {"workflow", "trace", "-w", "p"}).code == 4);
}

TEST_CASE("workflow trace: bad --fold, --depth or --concurrency exit 2 before connecting") {
  for (std::vector<std::string> extra : {std::vector<std::string>{"--fold", "sleeping"},
                                         std::vector<std::string>{"--depth=-2"},
                                         std::vector<std::string>{"--concurrency", "0"}}) {
    auto needle = extra[0].substr(0, extra[0].find('='));
    CAPTURE(needle);
    FakeCluster c;
    std::vector<std::string> args{"workflow", "trace", "-w", "p"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run_cli(c, args);
    CHECK(r.code == 2);
    CHECK(r.err.find(needle) != std::string::npos);
    CHECK(c.gateways_made == 0);
  }
}

TEST_CASE("workflow trace: --fold accepts comma lists in any case; --no-fold expands everything") {
  FakeCluster c;
  c.then(described("p", "r0", "Parent", enums::WORKFLOW_EXECUTION_STATUS_RUNNING));
  c.then(page({child_started(5, "p-child-0", "r1")}));
  c.then(described("p-child-0", "r1", "Child", enums::WORKFLOW_EXECUTION_STATUS_RUNNING));
  auto r = run_cli(c, {"workflow", "trace", "-w", "p", "--fold", "Completed,RUNNING", "-o", "json"});
  CHECK(r.code == 0);
  CHECK(nlohmann::json::parse(r.out)["children"][0]["expanded"] == false);
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>().size() == 1);
}

namespace {

// Holds each child's describe call until `want` of them have been in flight at once (or 10 s pass: a failure,
// not a hang), and records the most seen at once.
struct InFlight {
  std::mutex mu;
  std::condition_variable cv;
  int now = 0, peak = 0, want = 0;

  void hold() {
    std::unique_lock lock(mu);
    peak = std::max(peak, ++now);
    cv.notify_all();
    cv.wait_for(lock, std::chrono::seconds(10), [&] { return peak >= want; });
    --now;
  }
};

}  // namespace

TEST_CASE("workflow trace: the children of a level are fetched side by side, --concurrency at most") {
  for (int concurrency : {4, 2}) {
    CAPTURE(concurrency);
    FakeCluster c;
    InFlight flight;
    flight.want = concurrency;
    c.respond = [](const gp::Message& req, gp::Message& resp) {
      if (const auto* d = dynamic_cast<const wsv::DescribeWorkflowExecutionRequest*>(&req)) {
        const auto& wid = d->execution().workflow_id();
        resp.CopyFrom(described(wid, "r-" + wid, wid == "p" ? "Parent" : "Child", enums::WORKFLOW_EXECUTION_STATUS_RUNNING));
        return true;
      }
      if (const auto* h = dynamic_cast<const wsv::GetWorkflowExecutionHistoryRequest*>(&req)) {
        std::vector<history::HistoryEvent> events;
        if (h->execution().workflow_id() == "p") {
          for (int i = 0; i < 4; ++i) events.push_back(child_started(5 + i, fmt::format("c{}", i), fmt::format("r-c{}", i)));
        }
        resp.CopyFrom(page(events));
        return true;
      }
      return false;
    };
    c.on_call = [&](const gp::Message& req) {
      const auto* d = dynamic_cast<const wsv::DescribeWorkflowExecutionRequest*>(&req);
      if (d && d->execution().workflow_id() != "p") flight.hold();
    };
    auto r = run_cli(c, {"workflow", "trace", "-w", "p", "--concurrency", std::to_string(concurrency)});
    CHECK(r.code == 0);
    CHECK(flight.peak == concurrency);
    // The tree keeps the order the children started in, whatever order the answers came in.
    CHECK(r.out ==
          "Parent  p  r-p  Running\n"
          "├─ Child  c0  r-c0  Running\n"
          "├─ Child  c1  r-c1  Running\n"
          "├─ Child  c2  r-c2  Running\n"
          "└─ Child  c3  r-c3  Running\n");
  }
}
