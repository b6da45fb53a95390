// `twctl task-queue describe | list-partition` through cli::run against the fake cluster.
#include "fake_gateway.hpp"

#include "cli/app.hpp"

#include <doctest/doctest.h>

#include "temporal/api/enums/v1/task_queue.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

// The ENHANCED mode's fields are deprecated in the API; the command sends them on purpose.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

using namespace twctl;
using namespace twctl::testing;
namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;
namespace tq = temporal::api::taskqueue::v1;

namespace {

// 100 s before the fake clock's now.
void add_poller(wsv::DescribeTaskQueueResponse& r, const std::string& build_id, int type, const std::string& identity) {
  auto& info = (*(*r.mutable_versions_info())[build_id].mutable_types_info())[type];
  auto* p = info.add_pollers();
  p->set_identity(identity);
  p->mutable_last_access_time()->set_seconds(1'700'000'000);
  p->set_rate_per_second(100000);
}

void set_stats(wsv::DescribeTaskQueueResponse& r, const std::string& build_id, int type, int64_t backlog,
               int64_t age_seconds, float add, float dispatch) {
  auto* st = (*(*r.mutable_versions_info())[build_id].mutable_types_info())[type].mutable_stats();
  st->set_approximate_backlog_count(backlog);
  st->mutable_approximate_backlog_age()->set_seconds(age_seconds);
  st->set_tasks_add_rate(add);
  st->set_tasks_dispatch_rate(dispatch);
}

wsv::DescribeTaskQueueResponse served() {
  wsv::DescribeTaskQueueResponse r;
  add_poller(r, "", enums::TASK_QUEUE_TYPE_WORKFLOW, "101@host");
  add_poller(r, "", enums::TASK_QUEUE_TYPE_ACTIVITY, "101@host");
  set_stats(r, "", enums::TASK_QUEUE_TYPE_WORKFLOW, 3, 90, 1.5F, 0.5F);
  set_stats(r, "", enums::TASK_QUEUE_TYPE_ACTIVITY, 0, 0, 0, 0);
  return r;
}

}  // namespace

TEST_CASE("task-queue describe: one ENHANCED call with pollers and stats; tables of stats and pollers") {
  FakeCluster c;
  c.answer<wsv::DescribeTaskQueueResponse>() = served();
  auto r = run_cli(c, {"task-queue", "describe", "-t", "orders"});
  CHECK(r.code == 0);
  auto reqs = c.requests<wsv::DescribeTaskQueueRequest>();
  REQUIRE(reqs.size() == 1);
  CHECK(reqs[0].namespace_() == "default");
  CHECK(reqs[0].task_queue().name() == "orders");
  CHECK(reqs[0].task_queue().kind() == enums::TASK_QUEUE_KIND_NORMAL);
  CHECK(reqs[0].api_mode() == enums::DESCRIBE_TASK_QUEUE_MODE_ENHANCED);
  CHECK(reqs[0].report_pollers());
  CHECK(reqs[0].report_stats());
  CHECK_FALSE(reqs[0].report_task_reachability());
  CHECK(reqs[0].task_queue_types_size() == 0);
  CHECK_FALSE(reqs[0].has_versions());
  CHECK(r.out ==
        "Task Queue Statistics:\n"
        "  BuildID      TaskQueueType  ApproximateBacklogCount  ApproximateBacklogAge  BacklogIncreaseRate  "
        "TasksAddRate  TasksDispatchRate\n"
        "  UNVERSIONED  Workflow                             3                  1m30s                 1.00  "
        "        1.50               0.50\n"
        "  UNVERSIONED  Activity                             0                     0s                 0.00  "
        "        0.00               0.00\n"
        "\n"
        "Pollers:\n"
        "  BuildID      TaskQueueType  Identity  LastAccessTime  RatePerSecond\n"
        "  UNVERSIONED  Workflow       101@host  1 minute ago        100000.00\n"
        "  UNVERSIONED  Activity       101@host  1 minute ago        100000.00\n");
}

TEST_CASE("task-queue describe: types, selections, reachability and --disable-stats go into the request") {
  FakeCluster c;
  auto& resp = c.answer<wsv::DescribeTaskQueueResponse>();
  resp = served();
  (*resp.mutable_versions_info())[""].set_task_reachability(enums::BUILD_ID_TASK_REACHABILITY_REACHABLE);
  auto r = run_cli(c, {"task-queue", "describe", "-t", "orders", "--task-queue-type", "activity",
                       "--task-queue-type", "NEXUS", "--select-build-id", "b1", "--select-unversioned",
                       "--report-reachability", "--disable-stats"});
  CHECK(r.code == 0);
  auto req = c.requests<wsv::DescribeTaskQueueRequest>().at(0);
  REQUIRE(req.task_queue_types_size() == 2);
  CHECK(req.task_queue_types(0) == enums::TASK_QUEUE_TYPE_ACTIVITY);
  CHECK(req.task_queue_types(1) == enums::TASK_QUEUE_TYPE_NEXUS);
  CHECK(req.versions().build_ids(0) == "b1");
  CHECK(req.versions().unversioned());
  CHECK_FALSE(req.versions().all_active());
  CHECK(req.report_task_reachability());
  CHECK_FALSE(req.report_stats());
  CHECK(r.out.find("Task Reachability:\n  BuildID      Reachability\n  UNVERSIONED  Reachable\n") == 0);
  CHECK(r.out.find("Statistics") == std::string::npos);
}

TEST_CASE("task-queue describe -o json: reachability, pollers and stats as rows; unrequested arrays are null") {
  FakeCluster c;
  c.answer<wsv::DescribeTaskQueueResponse>() = served();
  auto r = run_cli(c, {"task-queue", "describe", "-t", "orders", "-o", "json"});
  CHECK(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["reachability"].is_null());
  REQUIRE(j["pollers"].size() == 2);
  CHECK(j["pollers"][0]["buildId"] == "");
  CHECK(j["pollers"][0]["taskQueueType"] == "TASK_QUEUE_TYPE_WORKFLOW");
  CHECK(j["pollers"][0]["identity"] == "101@host");
  CHECK(j["pollers"][0]["lastAccessTime"] == "2023-11-14T22:13:20Z");
  REQUIRE(j["stats"].size() == 2);
  CHECK(j["stats"][0]["approximateBacklogCount"] == 3);
  CHECK(j["stats"][0]["approximateBacklogAge"] == "90s");
  CHECK(j["stats"][0]["backlogIncreaseRate"] == 1.0);
  CHECK(j.find("config") == j.end());

  auto none = run_cli(c, {"task-queue", "describe", "-t", "orders", "-o", "json", "--disable-stats"});
  CHECK(nlohmann::json::parse(none.out)["stats"].is_null());
}

TEST_CASE("task-queue describe --report-config: one DEFAULT-mode call per type for its config") {
  FakeCluster c;
  wsv::DescribeTaskQueueResponse config;
  config.mutable_config()->mutable_queue_rate_limit()->mutable_rate_limit()->set_requests_per_second(5);
  (*config.mutable_config()->mutable_fairness_weight_overrides())["gold"] = 2;
  config.mutable_effective_rate_limit()->set_requests_per_second(5);
  config.mutable_effective_rate_limit()->set_rate_limit_source(enums::RATE_LIMIT_SOURCE_API);
  c.then(served());
  c.then(config);
  auto r = run_cli(c, {"task-queue", "describe", "-t", "orders", "--task-queue-type", "activity", "--report-config"});
  CHECK(r.code == 0);
  auto reqs = c.requests<wsv::DescribeTaskQueueRequest>();
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[1].api_mode() == enums::DESCRIBE_TASK_QUEUE_MODE_UNSPECIFIED);
  CHECK(reqs[1].task_queue_type() == enums::TASK_QUEUE_TYPE_ACTIVITY);
  CHECK(reqs[1].report_config());
  CHECK(r.out.find("Task Queue Configuration:\n"
                   "  TaskQueueType  QueueRateLimit  FairnessKeyRateLimitDefault  FairnessWeightOverrides  "
                   "EffectiveRateLimit\n"
                   "  Activity       5.00 rps        Not Set                      gold=2                   "
                   "5.00 rps (Api)\n") != std::string::npos);

  FakeCluster all;
  all.answer<wsv::DescribeTaskQueueResponse>() = served();
  auto j = run_cli(all, {"task-queue", "describe", "-t", "orders", "--report-config", "-o", "json"});
  CHECK(all.requests<wsv::DescribeTaskQueueRequest>().size() == 4);  // enhanced + workflow, activity, nexus
  CHECK(nlohmann::json::parse(j.out)["config"].size() == 3);
}

TEST_CASE("task-queue describe --legacy-mode: one DEFAULT-mode call per partition, pollers merged") {
  FakeCluster c;
  wsv::DescribeTaskQueueResponse p0, p1;
  auto* poller = p1.add_pollers();
  poller->set_identity("7@h");
  p0.mutable_task_queue_status()->set_backlog_count_hint(4);
  c.then(p0);
  c.then(p1);
  auto r = run_cli(c, {"task-queue", "describe", "-t", "orders", "--legacy-mode", "--partitions-legacy", "2",
                       "--task-queue-type-legacy", "activity"});
  CHECK(r.code == 0);
  auto reqs = c.requests<wsv::DescribeTaskQueueRequest>();
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[0].task_queue().name() == "orders");
  CHECK(reqs[1].task_queue().name() == "/_sys/orders/1");
  CHECK(reqs[1].task_queue_type() == enums::TASK_QUEUE_TYPE_ACTIVITY);
  CHECK(reqs[0].include_task_queue_status());
  CHECK(reqs[0].api_mode() == enums::DESCRIBE_TASK_QUEUE_MODE_UNSPECIFIED);
  CHECK(r.out.find("          1  7@h") != std::string::npos);
  CHECK(r.out.find("          0                 4") != std::string::npos);
}

TEST_CASE("task-queue describe --legacy-mode: partition 0's versioning info as a card, empty fields left out") {
  FakeCluster c;
  wsv::DescribeTaskQueueResponse p0;
  auto* v = p0.mutable_versioning_info();
  v->mutable_current_deployment_version()->set_deployment_name("orders");
  v->mutable_current_deployment_version()->set_build_id("b7");
  v->mutable_ramping_deployment_version()->set_deployment_name("orders");
  v->mutable_ramping_deployment_version()->set_build_id("b8");
  v->set_ramping_version_percentage(25);
  c.then(p0);
  auto r = run_cli(c, {"task-queue", "describe", "-t", "orders", "--legacy-mode"});
  CHECK(r.code == 0);
  CHECK(r.out.find("Versioning Info:\n") != std::string::npos);
  CHECK(r.out.find("  CurrentVersionDeploymentName  orders\n  CurrentVersionBuildID         b7\n") != std::string::npos);
  CHECK(r.out.find("  RampingVersionBuildID         b8\n  RampingVersionPercentage      25%\n") != std::string::npos);
  CHECK(r.out.find("UpdateTime") == std::string::npos);

  FakeCluster plain;
  plain.then(wsv::DescribeTaskQueueResponse{});
  auto none = run_cli(plain, {"task-queue", "describe", "-t", "orders", "--legacy-mode"});
  CHECK(none.out.find("Versioning Info:") == std::string::npos);
  c.then(p0);
  auto j = nlohmann::json::parse(run_cli(c, {"task-queue", "describe", "-t", "orders", "--legacy-mode", "-o", "json"}).out);
  CHECK(j["versioningInfo"]["currentDeploymentVersion"]["buildId"] == "b7");
}

TEST_CASE("task-queue config set: weights a server drops without a word (older than 1.30) are the unsupported exit") {
  FakeCluster c;
  auto& resp = c.answer<wsv::UpdateTaskQueueConfigResponse>();
  resp.mutable_config()->mutable_queue_rate_limit()->mutable_rate_limit()->set_requests_per_second(25);
  auto r = run_cli(c, {"task-queue", "config", "set", "-t", "orders", "--task-queue-type", "activity",
                       "--queue-rps-limit", "25", "--fairness-key-weight", "gold=2", "--fairness-key-weight",
                       "silver=0.5"});
  CHECK(r.code == 13);
  CHECK(r.err.find("did not apply --fairness-key-weight for gold, silver") != std::string::npos);
  CHECK(r.out.find("25.00 rps") != std::string::npos);  // what was applied is still shown

  (*resp.mutable_config()->mutable_fairness_weight_overrides())["gold"] = 2;
  (*resp.mutable_config()->mutable_fairness_weight_overrides())["silver"] = 0.5;
  auto ok = run_cli(c, {"task-queue", "config", "set", "-t", "orders", "--task-queue-type", "activity",
                        "--fairness-key-weight", "gold=2", "--fairness-key-weight", "silver=0.5"});
  CHECK(ok.code == 0);
}

TEST_CASE("task-queue describe: bad input is a usage error naming the flag, and nothing is sent") {
  std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"task-queue", "describe"}, "--task-queue"},
      {{"task-queue", "describe", "-t", "q", "--task-queue-type", "sticky"}, "--task-queue-type"},
      {{"task-queue", "describe", "-t", "q", "--wait", "5s"}, "--wait"},
      {{"task-queue", "describe", "-t", "q", "--require-pollers", "--wait", "soon"}, "--wait"},
      {{"task-queue", "describe", "-t", "q", "--partitions-legacy", "2"}, "--partitions-legacy"},
      {{"task-queue", "describe", "-t", "q", "--task-queue-type-legacy", "activity"}, "--task-queue-type-legacy"},
      {{"task-queue", "describe", "-t", "q", "--legacy-mode", "--partitions-legacy", "0"}, "--partitions-legacy"},
      {{"task-queue", "describe", "-t", "q", "--legacy-mode", "--select-all-active"}, "--select-all-active"},
      {{"task-queue", "describe", "-t", "q", "--legacy-mode", "--task-queue-type", "activity"}, "--task-queue-type"},
      {{"task-queue", "describe", "-t", ""}, "--task-queue"},
      {{"task-queue", "list-partition"}, "--task-queue"},
  };
  for (const auto& [args, flag] : cases) {
    CAPTURE(args);
    FakeCluster c;
    auto r = run_cli(c, args);
    CHECK(r.code == 2);
    CHECK(r.err.find(flag) != std::string::npos);
    CHECK(r.err.rfind("Error: ", 0) == 0);
    CHECK(c.gateways_made == 0);
  }
}

TEST_CASE("task-queue describe --require-pollers: 0 with a poller, 4 without; the description is printed") {
  FakeCluster c;
  c.answer<wsv::DescribeTaskQueueResponse>() = served();
  CHECK(run_cli(c, {"task-queue", "describe", "-t", "orders", "--require-pollers", "-o", "none"}).code == 0);

  FakeCluster empty;
  empty.answer<wsv::DescribeTaskQueueResponse>();
  auto r = run_cli(empty, {"task-queue", "describe", "-t", "orders", "--require-pollers", "-o", "json"});
  CHECK(r.code == 4);
  CHECK(nlohmann::json::parse(r.out)["pollers"].empty());
  CHECK(r.err.find("no poller on task queue orders") != std::string::npos);
  CHECK(r.err.find("\"cause\":\"no_pollers\"") != std::string::npos);
}

TEST_CASE("task-queue describe --require-pollers --wait: asks again until a poller appears, transient errors too") {
  FakeCluster c;
  Error refused(ErrorKind::Unavailable, "connection refused by localhost:7233");
  refused.grpc_code = 14;
  refused.grpc_code_name = "UNAVAILABLE";
  refused.cause = "refused";
  c.fail_next<wsv::DescribeTaskQueueRequest>({refused});
  c.then(wsv::DescribeTaskQueueResponse());
  c.then(served());
  auto r = run_cli(c, {"task-queue", "describe", "-t", "orders", "--require-pollers", "--wait", "1m"});
  CHECK(r.code == 0);
  CHECK(c.requests<wsv::DescribeTaskQueueRequest>().size() == 3);
  CHECK(r.out.find("101@host") != std::string::npos);
}

TEST_CASE("task-queue describe --require-pollers --wait: exits 7 when the wait runs out; pauses grow") {
  auto clock = std::make_shared<TimePoint>(std::chrono::seconds(1'700'000'000));
  auto pauses = std::make_shared<std::vector<long>>();
  auto moving = [clock, pauses](Context& ctx) {
    ctx.now = [clock] { return *clock; };
    ctx.pause = [clock, pauses](std::chrono::milliseconds d) {
      pauses->push_back(static_cast<long>(d.count()));
      *clock += d;
      return true;
    };
  };
  FakeCluster c;
  c.answer<wsv::DescribeTaskQueueResponse>();
  auto r = run_cli(c, {"task-queue", "describe", "-t", "orders", "--require-pollers", "--wait", "5s"}, {}, {}, moving);
  CHECK(r.code == 7);
  CHECK(r.err.find("no poller on task queue orders within 5s") != std::string::npos);
  REQUIRE(pauses->size() >= 5);
  CHECK((*pauses)[0] == 100);
  CHECK((*pauses)[1] == 200);
  CHECK((*pauses)[4] == 1000);
  CHECK(r.out.find("Pollers:") != std::string::npos);

  FakeCluster denied;
  Error e(ErrorKind::PermissionDenied, "no");
  denied.fail_with = e;
  CHECK(run_cli(denied, {"task-queue", "describe", "-t", "q", "--require-pollers", "--wait", "5s"}, {}, {}, moving)
            .code == 8);
  CHECK(denied.calls.size() == 1);
}

TEST_CASE("task-queue list-partition: workflow and activity tables; JSON is the server's answer") {
  FakeCluster c;
  auto& resp = c.answer<wsv::ListTaskQueuePartitionsResponse>();
  auto* w = resp.add_workflow_task_queue_partitions();
  w->set_key("orders");
  w->set_owner_host_name("10.0.0.1:7235");
  auto* a = resp.add_activity_task_queue_partitions();
  a->set_key("/_sys/orders/1");
  a->set_owner_host_name("10.0.0.2:7235");
  auto r = run_cli(c, {"task-queue", "list-partition", "-t", "orders"});
  CHECK(r.code == 0);
  CHECK(r.out ==
        "Workflow Task Queue Partitions:\n"
        "  Key     OwnerHostName\n"
        "  orders  10.0.0.1:7235\n"
        "\n"
        "Activity Task Queue Partitions:\n"
        "  Key             OwnerHostName\n"
        "  /_sys/orders/1  10.0.0.2:7235\n");
  auto req = c.requests<wsv::ListTaskQueuePartitionsRequest>().at(0);
  CHECK(req.task_queue().name() == "orders");
  CHECK(req.task_queue().kind() == enums::TASK_QUEUE_KIND_NORMAL);
  auto j = nlohmann::json::parse(run_cli(c, {"task-queue", "list-partition", "-t", "orders", "-o", "json"}).out);
  CHECK(j["workflowTaskQueuePartitions"][0]["ownerHostName"] == "10.0.0.1:7235");
}

TEST_CASE("task-queue config get: one DEFAULT-mode call with report_config; a table; JSON is the config") {
  FakeCluster c;
  auto& resp = c.answer<wsv::DescribeTaskQueueResponse>();
  auto* q = resp.mutable_config()->mutable_queue_rate_limit();
  q->mutable_rate_limit()->set_requests_per_second(50);
  q->mutable_metadata()->set_reason("protect api");
  q->mutable_metadata()->set_update_identity("ops@host");
  q->mutable_metadata()->mutable_update_time()->set_seconds(1'700'000'000);
  (*resp.mutable_config()->mutable_fairness_weight_overrides())["gold"] = 2;
  auto r = run_cli(c, {"task-queue", "config", "get", "-t", " orders ", "--task-queue-type", "activity",
                       "--time-format", "iso"});
  CHECK(r.code == 0);
  auto req = c.requests<wsv::DescribeTaskQueueRequest>().at(0);
  CHECK(req.task_queue().name() == "orders");
  CHECK(req.task_queue_type() == enums::TASK_QUEUE_TYPE_ACTIVITY);
  CHECK(req.report_config());
  CHECK(req.api_mode() == enums::DESCRIBE_TASK_QUEUE_MODE_UNSPECIFIED);
  CHECK(r.out ==
        "  Setting                          Value      Reason       UpdatedBy  UpdatedTime\n"
        "  Queue Rate Limit                 50.00 rps  protect api  ops@host   2023-11-14T22:13:20Z\n"
        "  Fairness Key Rate Limit Default  Not Set\n"
        "\n"
        "Fairness Weight Overrides:\n"
        "  FairnessKey  Weight\n"
        "  gold              2\n");
  auto j = nlohmann::json::parse(
      run_cli(c, {"task-queue", "config", "get", "-t", "orders", "--task-queue-type", "activity", "-o", "json"}).out);
  CHECK(j["queueRateLimit"]["rateLimit"]["requestsPerSecond"] == 50);
  CHECK(j["fairnessWeightOverrides"]["gold"] == 2);
}

TEST_CASE("task-queue config set: only what is given; default removes a limit; weights set and unset") {
  FakeCluster c;
  (*c.answer<wsv::UpdateTaskQueueConfigResponse>().mutable_config()->mutable_fairness_weight_overrides())["gold"] = 2;
  auto r = run_cli(c, {"task-queue", "config", "set", "-t", "orders", "--task-queue-type", "activity",
                       "--queue-rps-limit", "12.5", "--queue-rps-limit-reason", "api", "--fairness-key-weight",
                       "gold=2", "--fairness-key-weight", "bronze=Default"});
  CHECK(r.code == 0);
  auto req = c.requests<wsv::UpdateTaskQueueConfigRequest>().at(0);
  CHECK(req.task_queue() == "orders");
  CHECK(req.task_queue_type() == enums::TASK_QUEUE_TYPE_ACTIVITY);
  CHECK(req.update_queue_rate_limit().rate_limit().requests_per_second() == doctest::Approx(12.5));
  CHECK(req.update_queue_rate_limit().reason() == "api");
  CHECK_FALSE(req.has_update_fairness_key_rate_limit_default());
  CHECK(req.set_fairness_weight_overrides().at("gold") == doctest::Approx(2));
  REQUIRE(req.unset_fairness_weight_overrides_size() == 1);
  CHECK(req.unset_fairness_weight_overrides(0) == "bronze");
  CHECK(r.err.find("Task queue configuration updated.") != std::string::npos);

  run_cli(c, {"task-queue", "config", "set", "-t", "orders", "--task-queue-type", "nexus",
              "--fairness-key-rps-limit-default", "default"});
  auto unset = c.requests<wsv::UpdateTaskQueueConfigRequest>().at(1);
  CHECK(unset.has_update_fairness_key_rate_limit_default());
  CHECK_FALSE(unset.update_fairness_key_rate_limit_default().has_rate_limit());

  auto zero = run_cli(c, {"task-queue", "config", "set", "-t", "orders", "--task-queue-type", "activity",
                          "--queue-rps-limit", "0"});
  CHECK(zero.code == 0);
  CHECK(zero.err.find("WARNING: --queue-rps-limit 0 stops all dispatch") != std::string::npos);
}

TEST_CASE("task-queue config set --fairness-key-weight-clear-all: reads the overrides, unsets each") {
  FakeCluster c;
  auto& current = c.answer<wsv::DescribeTaskQueueResponse>();
  (*current.mutable_config()->mutable_fairness_weight_overrides())["gold"] = 2;
  (*current.mutable_config()->mutable_fairness_weight_overrides())["bronze"] = 0.5;
  c.answer<wsv::UpdateTaskQueueConfigResponse>();
  auto r = run_cli(c, {"task-queue", "config", "set", "-t", "orders", "--task-queue-type", "activity",
                       "--fairness-key-weight-clear-all"});
  CHECK(r.code == 0);
  auto req = c.requests<wsv::UpdateTaskQueueConfigRequest>().at(0);
  REQUIRE(req.unset_fairness_weight_overrides_size() == 2);
  CHECK(req.unset_fairness_weight_overrides(0) == "bronze");
  CHECK(req.unset_fairness_weight_overrides(1) == "gold");
  CHECK(r.err.find("Unsetting 2 fairness weight override(s)") != std::string::npos);
}

TEST_CASE("task-queue config: bad input is a usage error naming the flag, and nothing is sent") {
  std::vector<std::string> base = {"task-queue", "config", "set", "-t", "q", "--task-queue-type", "activity"};
  auto with = [&](std::vector<std::string> extra) {
    auto args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  };
  std::string long_key(65, 'k');
  std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"task-queue", "config", "get", "-t", "q"}, "--task-queue-type"},
      {{"task-queue", "config", "get", "-t", "q", "--task-queue-type", "sticky"}, "--task-queue-type"},
      {{"task-queue", "config", "get", "-t", "  ", "--task-queue-type", "activity"}, "--task-queue"},
      {base, "nothing to set"},
      {with({"--queue-rps-limit", "fast"}), "--queue-rps-limit"},
      {with({"--queue-rps-limit", "-1"}), "--queue-rps-limit"},
      {with({"--queue-rps-limit-reason", "x"}), "--queue-rps-limit-reason"},
      {with({"--fairness-key-rps-limit-default", "nan"}), "--fairness-key-rps-limit-default"},
      {with({"--fairness-key-rps-limit-reason", "x"}), "--fairness-key-rps-limit-reason"},
      {with({"--fairness-key-weight", "gold"}), "--fairness-key-weight"},
      {with({"--fairness-key-weight", "=2"}), "--fairness-key-weight"},
      {with({"--fairness-key-weight", "gold=0"}), "--fairness-key-weight"},
      {with({"--fairness-key-weight", "gold=2", "--fairness-key-weight", "gold=3"}), "--fairness-key-weight"},
      {with({"--fairness-key-weight", long_key + "=2"}), "--fairness-key-weight"},
      {with({"--fairness-key-weight", "gold=2", "--fairness-key-weight-clear-all"}), "--fairness-key-weight-clear-all"},
      {{"task-queue", "config", "set", "-t", "q", "--task-queue-type", "workflow", "--queue-rps-limit", "3"},
       "--queue-rps-limit"},
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
