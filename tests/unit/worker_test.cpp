// `twctl worker list | describe | count` through cli::run against the fake cluster.
#include "fake_gateway.hpp"

#include "cli/app.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "temporal/api/enums/v1/common.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

// `workers_info` (the heartbeats) is deprecated in the API; the server fills it and the commands read it.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

using namespace twctl;
using namespace twctl::testing;
namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;
namespace wk = temporal::api::worker::v1;

namespace {

void heartbeat(wk::WorkerHeartbeat& h, const std::string& key, const std::string& queue) {
  h.set_worker_instance_key(key);
  h.set_worker_identity("101@host");
  h.set_task_queue(queue);
  h.set_status(enums::WORKER_STATUS_RUNNING);
  h.mutable_host_info()->set_host_name("host");
  h.mutable_deployment_version()->set_build_id("b1");
  h.mutable_heartbeat_time()->set_seconds(1'700'000'070);  // 30 s before the fake clock's now
  h.mutable_elapsed_since_last_heartbeat()->set_seconds(60);
  h.set_sdk_name("temporal-python");
  h.set_sdk_version("1.20.0");
  h.mutable_activity_task_slots_info()->set_current_available_slots(100);
}

}  // namespace

TEST_CASE("worker list: the query and flags go into ListWorkers; a table streamed page by page") {
  FakeCluster c;
  wsv::ListWorkersResponse page1, page2;
  heartbeat(*page1.add_workers_info()->mutable_worker_heartbeat(), "k1", "orders");
  page1.set_next_page_token("p2");
  heartbeat(*page2.add_workers_info()->mutable_worker_heartbeat(), "k2", "billing");
  c.then(page1);
  c.then(page2);
  auto r = run_cli(c, {"worker", "list", "-q", "TaskQueue='orders'", "--include-system-workers"});
  CHECK(r.code == 0);
  auto reqs = c.requests<wsv::ListWorkersRequest>();
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[0].query() == "TaskQueue='orders'");
  CHECK(reqs[0].include_system_workers());
  CHECK(reqs[0].namespace_() == "default");
  CHECK(reqs[1].next_page_token() == "p2");
  CHECK(r.out ==
        "  WorkerInstanceKey  Status   TaskQueue  WorkerIdentity  HostName  Deployment  HeartbeatTime   Elapsed\n"
        "  k1                 Running  orders     101@host        host      b1          30 seconds ago     1m0s\n"
        "  k2                 Running  billing    101@host        host      b1          30 seconds ago     1m0s\n");
}

TEST_CASE("worker list -o jsonl: one WorkerInfo per line; --limit stops early") {
  FakeCluster c;
  auto& resp = c.answer<wsv::ListWorkersResponse>();
  heartbeat(*resp.add_workers_info()->mutable_worker_heartbeat(), "k1", "orders");
  heartbeat(*resp.add_workers_info()->mutable_worker_heartbeat(), "k2", "orders");
  auto r = run_cli(c, {"worker", "list", "-o", "jsonl"});
  CHECK(r.code == 0);
  auto first = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
  CHECK(first["workerHeartbeat"]["workerInstanceKey"] == "k1");
  CHECK(first["workerHeartbeat"]["status"] == "WORKER_STATUS_RUNNING");
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 2);
  auto one = run_cli(c, {"worker", "list", "-o", "jsonl", "--limit", "1"});
  CHECK(std::count(one.out.begin(), one.out.end(), '\n') == 1);
  auto bad = run_cli(c, {"worker", "list", "--limit", "-1"});
  CHECK(bad.code == 2);
  CHECK(bad.err.find("--limit") != std::string::npos);
}

TEST_CASE("worker list: a server that fills only the newer `workers` list still lists them") {
  FakeCluster c;
  auto* w = c.answer<wsv::ListWorkersResponse>().add_workers();
  w->set_worker_instance_key("k9");
  w->set_task_queue("orders");
  w->set_status(enums::WORKER_STATUS_SHUTTING_DOWN);
  auto r = run_cli(c, {"worker", "list"});
  CHECK(r.out.find("  k9                 ShuttingDown  orders") != std::string::npos);
}

TEST_CASE("worker describe: a card of the last heartbeat; JSON is the WorkerInfo; the key is required") {
  FakeCluster c;
  heartbeat(*c.answer<wsv::DescribeWorkerResponse>().mutable_worker_info()->mutable_worker_heartbeat(), "k1",
            "orders");
  auto r = run_cli(c, {"worker", "describe", "--worker-instance-key", "k1"});
  CHECK(r.code == 0);
  CHECK(c.requests<wsv::DescribeWorkerRequest>().at(0).worker_instance_key() == "k1");
  CHECK(r.out.find("  WorkerInstanceKey          k1\n"
                   "  WorkerIdentity             101@host\n"
                   "  Status                     Running\n"
                   "  TaskQueue                  orders\n"
                   "  DeploymentVersion          {\"buildId\":\"b1\"}\n") == 0);
  CHECK(r.out.find("  HeartbeatTime              30 seconds ago\n") != std::string::npos);
  CHECK(r.out.find("  ElapsedSinceLastHeartbeat  1m0s\n") != std::string::npos);
  CHECK(r.out.find("  ActivityTaskSlotsInfo      {\"currentAvailableSlots\":100}\n") != std::string::npos);
  CHECK(r.out.find("WorkflowTaskSlotsInfo") == std::string::npos);  // not in the heartbeat: left out
  auto j = nlohmann::json::parse(run_cli(c, {"worker", "describe", "--worker-instance-key", "k1", "-o", "json"}).out);
  CHECK(j["workerHeartbeat"]["sdkVersion"] == "1.20.0");

  FakeCluster none;
  auto missing = run_cli(none, {"worker", "describe"});
  CHECK(missing.code == 2);
  CHECK(missing.err.find("--worker-instance-key") != std::string::npos);
  auto empty = run_cli(none, {"worker", "describe", "--worker-instance-key", ""});
  CHECK(empty.code == 2);
  CHECK(none.gateways_made == 0);
}

TEST_CASE("worker count: the number alone; JSON {\"count\": \"N\"} as the protobuf mapping writes int64") {
  FakeCluster c;
  c.answer<wsv::CountWorkersResponse>().set_count(6);
  auto r = run_cli(c, {"worker", "count", "-q", "TaskQueue='orders'"});
  CHECK(r.code == 0);
  CHECK(r.out == "6\n");
  CHECK(c.requests<wsv::CountWorkersRequest>().at(0).query() == "TaskQueue='orders'");
  auto j = run_cli(c, {"worker", "count", "-o", "json"});
  CHECK(nlohmann::json::parse(j.out) == nlohmann::json{{"count", "6"}});
}
