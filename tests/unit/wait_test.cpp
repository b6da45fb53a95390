// `twctl workflow wait` through cli::run against the fake cluster.
#include "fake_gateway.hpp"

#include "cli/app.hpp"

#include <doctest/doctest.h>

#include "temporal/api/enums/v1/workflow.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

using namespace twctl;
using namespace twctl::testing;
namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

wsv::DescribeWorkflowExecutionResponse in_state(enums::WorkflowExecutionStatus s, const std::string& run = "r1") {
  wsv::DescribeWorkflowExecutionResponse r;
  auto* info = r.mutable_workflow_execution_info();
  info->mutable_execution()->set_workflow_id("order-1");
  info->mutable_execution()->set_run_id(run);
  info->mutable_type()->set_name("Order");
  info->set_status(s);
  return r;
}

// A clock that moves by each pause, so that a --timeout can run out.
std::function<void(Context&)> moving_clock() {
  auto clock = std::make_shared<TimePoint>(std::chrono::seconds(1'700'000'000));
  return [clock](Context& ctx) {
    ctx.now = [clock] { return *clock; };
    ctx.pause = [clock](std::chrono::milliseconds d) {
      *clock += d;
      return true;
    };
  };
}

}  // namespace

TEST_CASE("workflow wait --for: asks again until a wanted state, then prints the execution info") {
  FakeCluster c;
  c.then(in_state(enums::WORKFLOW_EXECUTION_STATUS_RUNNING));
  c.then(in_state(enums::WORKFLOW_EXECUTION_STATUS_RUNNING));
  c.then(in_state(enums::WORKFLOW_EXECUTION_STATUS_COMPLETED));
  auto r = run_cli(c, {"workflow", "wait", "-w", "order-1", "--for", "completed", "--for", "failed"});
  CHECK(r.code == 0);
  auto reqs = c.requests<wsv::DescribeWorkflowExecutionRequest>();
  REQUIRE(reqs.size() == 3);
  CHECK(reqs[0].execution().workflow_id() == "order-1");
  CHECK(reqs[0].execution().run_id().empty());
  CHECK(r.out.find("  Status      Completed\n") != std::string::npos);

  FakeCluster j;
  j.then(in_state(enums::WORKFLOW_EXECUTION_STATUS_PAUSED));
  auto rj = run_cli(j, {"workflow", "wait", "-w", "order-1", "--for", "paused", "-o", "json"});
  CHECK(rj.code == 0);
  CHECK(nlohmann::json::parse(rj.out)["status"] == "WORKFLOW_EXECUTION_STATUS_PAUSED");
}

TEST_CASE("workflow wait: closed matches any close; an unwanted close is exit 3; continue-as-new is followed") {
  FakeCluster c;
  c.then(in_state(enums::WORKFLOW_EXECUTION_STATUS_TERMINATED));
  CHECK(run_cli(c, {"workflow", "wait", "-w", "order-1", "--for", "closed"}).code == 0);

  FakeCluster bad;
  bad.then(in_state(enums::WORKFLOW_EXECUTION_STATUS_FAILED));
  auto r = run_cli(bad, {"workflow", "wait", "-w", "order-1", "--for", "completed"});
  CHECK(r.code == 3);
  CHECK(r.err.find("workflow order-1 (run r1) closed as Failed, not completed") != std::string::npos);
  CHECK(r.out.empty());

  FakeCluster chain;
  chain.then(in_state(enums::WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW, "r1"));
  chain.then(in_state(enums::WORKFLOW_EXECUTION_STATUS_COMPLETED, "r2"));
  auto followed = run_cli(chain, {"workflow", "wait", "-w", "order-1", "--for", "completed"});
  CHECK(followed.code == 0);
  CHECK(followed.out.find("r2") != std::string::npos);

  FakeCluster pinned;  // with -r the run's own close is final
  pinned.then(in_state(enums::WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW, "r1"));
  CHECK(run_cli(pinned, {"workflow", "wait", "-w", "order-1", "-r", "r1", "--for", "completed"}).code == 3);
}

TEST_CASE("workflow wait: not found is exit 4 at once; --timeout is exit 7 saying what it saw") {
  FakeCluster gone;
  gone.fail_with = Error(ErrorKind::NotFound, "workflow not found");
  CHECK(run_cli(gone, {"workflow", "wait", "-w", "order-1", "--for", "running"}).code == 4);
  CHECK(gone.calls.size() == 1);

  FakeCluster slow;
  slow.answer<wsv::DescribeWorkflowExecutionResponse>() = in_state(enums::WORKFLOW_EXECUTION_STATUS_RUNNING);
  auto r = run_cli(slow, {"workflow", "wait", "-w", "order-1", "--for", "completed", "--timeout", "5s"}, {}, {},
                   moving_clock());
  CHECK(r.code == 7);
  CHECK(r.err.find("workflow order-1 is Running after 5s (waiting for completed)") != std::string::npos);
  CHECK(r.err.find("wait_timeout") == std::string::npos);  // text errors are one line; the cause is in JSON
}

TEST_CASE("workflow wait -q: until the count is at most / at least N") {
  FakeCluster c;
  wsv::CountWorkflowExecutionsResponse three, zero;
  three.set_count(3);
  c.then(three);
  c.then(zero);
  auto r = run_cli(c, {"workflow", "wait", "-q", "ExecutionStatus='Running'", "--count-at-most", "0", "-o", "json"});
  CHECK(r.code == 0);
  CHECK(c.requests<wsv::CountWorkflowExecutionsRequest>().at(0).query() == "ExecutionStatus='Running'");
  CHECK(nlohmann::json::parse(r.out)["count"] == 0);

  FakeCluster never;
  never.answer<wsv::CountWorkflowExecutionsResponse>() = three;
  auto t = run_cli(never, {"workflow", "wait", "-q", "X='y'", "--count-at-least", "4", "--timeout", "2s"}, {}, {},
                   moving_clock());
  CHECK(t.code == 7);
  CHECK(t.err.find("3 executions match after 2s (waiting for at least 4)") != std::string::npos);
}

TEST_CASE("workflow wait: bad input is a usage error naming the flag, and nothing is sent") {
  std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"workflow", "wait", "--for", "running"}, "-w"},
      {{"workflow", "wait", "-w", "a", "-q", "b", "--for", "running"}, "-w"},
      {{"workflow", "wait", "-w", "a"}, "--for"},
      {{"workflow", "wait", "-w", "a", "--for", "done"}, "--for"},
      {{"workflow", "wait", "-w", "a", "--for", "running", "--count-at-most", "0"}, "--count-at-most"},
      {{"workflow", "wait", "-w", "a", "--for", "running", "--timeout", "soon"}, "--timeout"},
      {{"workflow", "wait", "-q", "a"}, "--count-at-least"},
      {{"workflow", "wait", "-q", "a", "--count-at-least", "1", "--count-at-most", "2"}, "--count-at-most"},
      {{"workflow", "wait", "-q", "a", "--count-at-most", "-1"}, "--count-at-most"},
      {{"workflow", "wait", "-q", "a", "--count-at-most", "1x"}, "--count-at-most"},
      {{"workflow", "wait", "-q", "a", "--count-at-most", "0", "--for", "running"}, "--for"},
      {{"workflow", "wait", "-q", "a", "--count-at-most", "0", "-r", "r1"}, "--run-id"},
  };
  for (const auto& [args, flag] : cases) {
    CAPTURE(args);
    FakeCluster c;
    auto r = run_cli(c, args);
    CHECK(r.code == 2);
    CHECK(r.err.find(flag) != std::string::npos);
    CHECK(c.gateways_made == 0);
  }
}
