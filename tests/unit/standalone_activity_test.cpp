// Standalone activities, the activity batches, workflow update-options -q, reset with-workflow-update-options,
// describe --reset-points / --raw, and the newer worker deployment commands, through cli::run against the fake
// cluster.
#include "fake_gateway.hpp"

#include "cli/app.hpp"

#include <doctest/doctest.h>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

using namespace twctl;
using namespace twctl::testing;
namespace wsv = temporal::api::workflowservice::v1;

TEST_CASE("activity start: every flag into StartActivityExecution, the card or the JSON object") {
  FakeCluster c;
  wsv::StartActivityExecutionResponse started;
  started.set_run_id("run-1");
  started.set_started(true);
  c.then(started);
  auto r = run_cli(c, {"activity", "start", "-a", "a-1", "--type", "greet", "-t", "q", "--start-to-close-timeout",
                       "30s", "--heartbeat-timeout", "5s", "--retry-maximum-attempts", "3",
                       "--retry-backoff-coefficient", "1.5", "--id-conflict-policy", "UseExisting", "--priority-key",
                       "2", "-i", "\"World\"", "--search-attribute", "CustomKeywordField=\"k\"", "-o", "json"});
  CHECK(r.code == 0);
  auto req = c.requests<wsv::StartActivityExecutionRequest>().at(0);
  CHECK(req.activity_id() == "a-1");
  CHECK(req.activity_type().name() == "greet");
  CHECK(req.task_queue().name() == "q");
  CHECK(req.start_to_close_timeout().seconds() == 30);
  CHECK(req.heartbeat_timeout().seconds() == 5);
  CHECK(!req.has_schedule_to_close_timeout());
  CHECK(req.retry_policy().maximum_attempts() == 3);
  CHECK(req.retry_policy().backoff_coefficient() == doctest::Approx(1.5));
  CHECK(req.id_conflict_policy() == temporal::api::enums::v1::ACTIVITY_ID_CONFLICT_POLICY_USE_EXISTING);
  CHECK(req.priority().priority_key() == 2);
  CHECK(req.input().payloads(0).data() == "\"World\"");
  CHECK(req.search_attributes().indexed_fields().count("CustomKeywordField") == 1);
  CHECK(!req.request_id().empty());
  auto out = nlohmann::json::parse(r.out);
  CHECK(out == nlohmann::json{{"activityId", "a-1"}, {"runId", "run-1"}, {"namespace", "default"}, {"started", true}});

  c.then(started);
  auto text = run_cli(c, {"activity", "start", "-a", "a-2", "--type", "greet", "-t", "q",
                          "--schedule-to-close-timeout", "1m"});
  CHECK(text.code == 0);
  CHECK(text.out.find("Running execution:") != std::string::npos);
  CHECK(text.out.find("run-1") != std::string::npos);
  CHECK(!c.requests<wsv::StartActivityExecutionRequest>().at(1).has_retry_policy());
  CHECK(!c.requests<wsv::StartActivityExecutionRequest>().at(1).has_priority());
}

TEST_CASE("activity start: bad input names the flag and sends nothing") {
  std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"activity", "start", "-a", "a", "--type", "t", "-t", "q"}, "--start-to-close-timeout"},
      {{"activity", "start", "-a", "a", "--type", "t", "-t", "q", "--start-to-close-timeout", "x"},
       "--start-to-close-timeout"},
      {{"activity", "start", "-a", "a", "--type", "t", "-t", "q", "--start-to-close-timeout", "1s",
        "--retry-maximum-attempts", "-1"},
       "--retry-maximum-attempts"},
      {{"activity", "start", "-a", "a", "--type", "t", "-t", "q", "--start-to-close-timeout", "1s",
        "--fairness-weight", "0"},
       "--fairness-weight"},
      {{"activity", "start", "-a", "a", "--type", "t", "-t", "q", "--start-to-close-timeout", "1s",
        "--id-reuse-policy", "RejectAll"},
       "--id-reuse-policy"},
      {{"activity", "execute", "--type", "t", "-t", "q", "--start-to-close-timeout", "1s"}, "--activity-id"},
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

TEST_CASE("activity result: polls until an outcome; a failure exits 3 with its kind") {
  FakeCluster c;
  wsv::PollActivityExecutionResponse empty;
  empty.set_run_id("run-7");
  c.then(empty);
  wsv::PollActivityExecutionResponse done;
  done.set_run_id("run-7");
  done.mutable_outcome()->mutable_result()->add_payloads()->set_data("\"hi\"");
  (*done.mutable_outcome()->mutable_result()->mutable_payloads(0)->mutable_metadata())["encoding"] = "json/plain";
  c.then(done);
  auto r = run_cli(c, {"activity", "result", "-a", "a-1", "-o", "json"});
  CHECK(r.code == 0);
  auto polls = c.requests<wsv::PollActivityExecutionRequest>();
  REQUIRE(polls.size() == 2);
  CHECK(polls[0].run_id().empty());
  CHECK(polls[1].run_id() == "run-7");  // the run is pinned after the first answer
  CHECK(nlohmann::json::parse(r.out) ==
        nlohmann::json{{"activityId", "a-1"}, {"runId", "run-7"}, {"status", "COMPLETED"}, {"result", "hi"}});

  wsv::PollActivityExecutionResponse terminated;
  terminated.set_run_id("run-8");
  auto* f = terminated.mutable_outcome()->mutable_failure();
  f->set_message("stuck");
  f->mutable_terminated_failure_info();
  c.then(terminated);
  auto t = run_cli(c, {"activity", "result", "-a", "a-2"});
  CHECK(t.code == 3);
  CHECK(t.out.find("TERMINATED") != std::string::npos);
  CHECK(t.err.rfind("Error: activity was terminated", 0) == 0);
}

TEST_CASE("activity cancel|terminate|delete: one activity, or a batch counted with CountActivityExecutions") {
  FakeCluster c;
  auto r = run_cli(c, {"activity", "terminate", "-a", "a-1", "--reason", "stuck"});
  CHECK(r.code == 0);
  CHECK(c.requests<wsv::TerminateActivityExecutionRequest>().at(0).reason() == "stuck");
  CHECK(r.err == "Terminated activity a-1\n");

  auto d = run_cli(c, {"activity", "delete", "-a", "a-1"});
  CHECK(d.code == 2);  // no terminal to ask on, no --yes
  CHECK(d.err.find("--yes") != std::string::npos);
  CHECK(c.requests<wsv::DeleteActivityExecutionRequest>().empty());

  c.answer<wsv::CountActivityExecutionsResponse>().set_count(4);
  auto b = run_cli(c, {"activity", "cancel", "-q", "ActivityType='x'", "--reason", "r", "--yes", "-o", "json"});
  CHECK(b.code == 0);
  CHECK(c.requests<wsv::CountActivityExecutionsRequest>().at(0).query() == "ActivityType='x'");
  CHECK(c.requests<wsv::CountWorkflowExecutionsRequest>().empty());
  auto job = c.requests<wsv::StartBatchOperationRequest>().at(0);
  CHECK(job.has_cancel_activities_operation());
  CHECK(job.cancel_activities_operation().reason() == "r");
  CHECK(nlohmann::json::parse(b.out)["matched"] == 4);
}

TEST_CASE("activity unpause|reset|update-options -q: batch jobs over workflows, by type or all") {
  FakeCluster c;
  c.answer<wsv::CountWorkflowExecutionsResponse>().set_count(2);
  CHECK(run_cli(c, {"activity", "reset", "-q", "WorkflowType='W'", "--activity-type", "charge", "--keep-paused",
                    "--yes"})
            .code == 0);
  auto reset = c.requests<wsv::StartBatchOperationRequest>().at(0).reset_activities_operation();
  CHECK(reset.type() == "charge");
  CHECK(reset.keep_paused());
  CHECK(reset.reset_attempts());

  CHECK(run_cli(c, {"activity", "unpause", "-q", "WorkflowType='W'", "--jitter", "10s", "--yes"}).code == 0);
  auto unpause = c.requests<wsv::StartBatchOperationRequest>().at(1).unpause_activities_operation();
  CHECK(unpause.match_all());
  CHECK(unpause.jitter().seconds() == 10);

  CHECK(run_cli(c, {"activity", "update-options", "-q", "WorkflowType='W'", "--start-to-close-timeout", "1m",
                    "--yes"})
            .code == 0);
  auto upd = c.requests<wsv::StartBatchOperationRequest>().at(2).update_activity_options_operation();
  CHECK(upd.match_all());
  CHECK(upd.activity_options().start_to_close_timeout().seconds() == 60);
  CHECK(upd.update_mask().paths(0) == "start_to_close_timeout");

  std::vector<std::pair<std::vector<std::string>, std::string>> bad = {
      {{"activity", "reset", "-q", "q", "-a", "x", "--yes"}, "--activity-id"},
      {{"activity", "reset", "-q", "q", "-w", "w", "--yes"}, "-w/--workflow-id"},
      {{"activity", "unpause", "-w", "w", "-a", "x", "--wait"}, "--wait"},
      {{"activity", "unpause", "--activity-type", "x"}, "-q/--query"},
      {{"activity", "pause", "-a", "x", "--activity-type", "t"}, "--activity-type"},
      {{"activity", "unpause", "-a", "x", "--reset-attempts"}, "--reset-attempts"},
      {{"activity", "reset", "-a", "x", "--yes"}, "--yes"},
      {{"activity", "update-options", "-q", "q", "--yes"}, "nothing to update"},
  };
  for (const auto& [args, text] : bad) {
    CAPTURE(args);
    FakeCluster b;
    auto r = run_cli(b, args);
    CHECK(r.code == 2);
    CHECK(r.err.find(text) != std::string::npos);
    CHECK(b.gateways_made == 0);
  }
}

TEST_CASE("workflow update-options -q and reset with-workflow-update-options carry the override") {
  FakeCluster c;
  c.answer<wsv::CountWorkflowExecutionsResponse>().set_count(1);
  CHECK(run_cli(c, {"workflow", "update-options", "-q", "WorkflowType='W'", "--versioning-override-behavior",
                    "auto_upgrade", "--yes"})
            .code == 0);
  auto op = c.requests<wsv::StartBatchOperationRequest>().at(0).update_workflow_options_operation();
  CHECK(op.workflow_execution_options().versioning_override().auto_upgrade());
  CHECK(op.update_mask().paths(0) == "versioning_override");

  wsv::ResetWorkflowExecutionResponse reset;
  reset.set_run_id("new-run");
  c.then(reset);
  auto r = run_cli(c, {"workflow", "reset", "with-workflow-update-options", "-w", "w-1", "-e", "4", "--reason",
                       "move", "--versioning-override-behavior", "pinned", "--versioning-override-deployment-name",
                       "orders", "--versioning-override-build-id", "v2"});
  CHECK(r.code == 0);
  auto req = c.requests<wsv::ResetWorkflowExecutionRequest>().at(0);
  CHECK(req.workflow_task_finish_event_id() == 4);
  REQUIRE(req.post_reset_operations_size() == 1);
  const auto& pinned =
      req.post_reset_operations(0).update_workflow_options().workflow_execution_options().versioning_override().pinned();
  CHECK(pinned.version().deployment_name() == "orders");
  CHECK(pinned.version().build_id() == "v2");

  c.then(reset);
  CHECK(run_cli(c, {"workflow", "reset", "-w", "w-1", "-e", "4", "--reason", "plain"}).code == 0);
  CHECK(c.requests<wsv::ResetWorkflowExecutionRequest>().at(1).post_reset_operations_size() == 0);

  FakeCluster b;
  auto bad = run_cli(b, {"workflow", "reset", "with-workflow-update-options", "-w", "w-1", "-e", "4", "--reason", "x",
                         "--versioning-override-behavior", "pinned"});
  CHECK(bad.code == 2);
  CHECK(bad.err.find("--versioning-override-deployment-name") != std::string::npos);
  CHECK(b.gateways_made == 0);
}

TEST_CASE("workflow describe --reset-points: a table, or the points as a JSON array") {
  FakeCluster c;
  wsv::DescribeWorkflowExecutionResponse resp;
  auto* p = resp.mutable_workflow_execution_info()->mutable_auto_reset_points()->add_points();
  p->set_build_id("b-1");
  p->set_run_id("run-1");
  p->set_first_workflow_task_completed_id(4);
  p->set_resettable(true);
  c.answer<wsv::DescribeWorkflowExecutionResponse>() = resp;
  auto t = run_cli(c, {"workflow", "describe", "-w", "w", "--reset-points"});
  CHECK(t.code == 0);
  CHECK(t.out.find("BuildId") == 2);
  CHECK(t.out.find("b-1") != std::string::npos);
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>().empty());  // no close event fetched
  auto j = run_cli(c, {"workflow", "describe", "-w", "w", "--reset-points", "-o", "json"});
  auto arr = nlohmann::json::parse(j.out);
  REQUIRE(arr.is_array());
  CHECK(arr[0]["firstWorkflowTaskCompletedId"] == "4");
  auto raw = run_cli(c, {"workflow", "describe", "-w", "w", "--raw"});
  CHECK(nlohmann::json::parse(raw.out)["workflowExecutionInfo"]["autoResetPoints"]["points"][0]["buildId"] == "b-1");
}

TEST_CASE("worker deployment create | update-version-metadata | manager-identity") {
  FakeCluster c;
  auto r = run_cli(c, {"worker", "deployment", "create", "--name", "orders"});
  CHECK(r.code == 0);
  CHECK(c.requests<wsv::CreateWorkerDeploymentRequest>().at(0).deployment_name() == "orders");

  wsv::UpdateWorkerDeploymentVersionMetadataResponse md;
  (*md.mutable_metadata()->mutable_entries())["commit"].set_data("\"4f2a\"");
  (*(*md.mutable_metadata()->mutable_entries())["commit"].mutable_metadata())["encoding"] = "json/plain";
  c.then(md);
  auto m = run_cli(c, {"worker", "deployment", "update-version-metadata", "--deployment-name", "orders", "--build-id",
                       "v2", "--metadata", "commit=\"4f2a\"", "--remove-entries", "owner", "-o", "json"});
  CHECK(m.code == 0);
  auto mreq = c.requests<wsv::UpdateWorkerDeploymentVersionMetadataRequest>().at(0);
  CHECK(mreq.upsert_entries().at("commit").data() == "\"4f2a\"");
  CHECK(mreq.remove_entries(0) == "owner");
  CHECK(nlohmann::json::parse(m.out)["entries"]["commit"] == "4f2a");

  wsv::DescribeWorkerDeploymentResponse before;
  before.set_conflict_token("tok");
  before.mutable_worker_deployment_info()->set_manager_identity("old");
  c.then(before);
  auto s = run_cli(c, {"worker", "deployment", "manager-identity", "set", "--deployment-name", "orders",
                       "--manager-identity", "bot", "--yes"});
  CHECK(s.code == 0);
  auto sreq = c.requests<wsv::SetWorkerDeploymentManagerRequest>().at(0);
  CHECK(sreq.manager_identity() == "bot");
  CHECK(sreq.conflict_token() == "tok");
  CHECK(s.err.find("(was 'old')") != std::string::npos);

  FakeCluster b;
  for (auto args : std::vector<std::vector<std::string>>{
           {"worker", "deployment", "manager-identity", "set", "--deployment-name", "o", "--yes"},
           {"worker", "deployment", "manager-identity", "set", "--deployment-name", "o", "--self", "--manager-identity",
            "x", "--yes"},
           {"worker", "deployment", "manager-identity", "unset", "--deployment-name", "o"},
           {"worker", "deployment", "update-version-metadata", "--deployment-name", "o", "--build-id", "b"},
           {"worker", "deployment", "set-current-version", "--deployment-name", "o", "--build-id", "b", "--yes",
            "--wait-for-drain", "soon"}}) {
    CAPTURE(args);
    auto bad = run_cli(b, args);
    CHECK(bad.code == 2);
  }
  CHECK(b.gateways_made == 0);
}

TEST_CASE("worker deployment set-current-version --wait-for-drain waits for the previous version") {
  FakeCluster c;
  wsv::DescribeWorkerDeploymentResponse before;
  before.set_conflict_token("tok");
  before.mutable_worker_deployment_info()->mutable_routing_config()->mutable_current_deployment_version()->set_build_id(
      "v1");
  c.then(before);
  wsv::DescribeWorkerDeploymentVersionResponse draining;
  draining.mutable_worker_deployment_version_info()->mutable_drainage_info()->set_status(
      temporal::api::enums::v1::VERSION_DRAINAGE_STATUS_DRAINING);
  wsv::DescribeWorkerDeploymentVersionResponse drained;
  drained.mutable_worker_deployment_version_info()->mutable_drainage_info()->set_status(
      temporal::api::enums::v1::VERSION_DRAINAGE_STATUS_DRAINED);
  c.then(draining);
  c.then(drained);
  auto r = run_cli(c, {"worker", "deployment", "set-current-version", "--deployment-name", "orders", "--build-id",
                       "v2", "--yes", "--wait-for-drain", "1m"});
  CHECK(r.code == 0);
  auto asked = c.requests<wsv::DescribeWorkerDeploymentVersionRequest>();
  REQUIRE(asked.size() == 2);
  CHECK(asked[0].deployment_version().build_id() == "v1");
  CHECK(r.err.find("Version v1 of orders is drained") != std::string::npos);
}

TEST_CASE("activity pause|unpause|reset|update-options -a without -w: the standalone activity's RPCs") {
  FakeCluster c;
  CHECK(run_cli(c, {"activity", "pause", "-a", "solo", "--reason", "api down"}).code == 0);
  auto p = c.requests<wsv::PauseActivityExecutionRequest>().at(0);
  CHECK(p.activity_id() == "solo");
  CHECK(p.workflow_id().empty());
  CHECK(p.resource_id() == "activity:solo");
  CHECK(p.reason() == "api down");
  CHECK(c.requests<wsv::PauseActivityRequest>().empty());
  CHECK(run_cli(c, {"activity", "unpause", "-a", "solo", "--jitter", "5s"}).code == 0);
  CHECK(c.requests<wsv::UnpauseActivityExecutionRequest>().at(0).jitter().seconds() == 5);
  CHECK(run_cli(c, {"activity", "reset", "-a", "solo", "-r", "run-1", "--keep-paused"}).code == 0);
  CHECK(c.requests<wsv::ResetActivityExecutionRequest>().at(0).run_id() == "run-1");
  CHECK(c.requests<wsv::ResetActivityExecutionRequest>().at(0).keep_paused());
  wsv::UpdateActivityExecutionOptionsResponse now;
  now.mutable_activity_options()->mutable_start_to_close_timeout()->set_seconds(60);
  c.then(now);
  auto u = run_cli(c, {"activity", "update-options", "-a", "solo", "--start-to-close-timeout", "1m", "-o", "json"});
  CHECK(u.code == 0);
  CHECK(c.requests<wsv::UpdateActivityExecutionOptionsRequest>().at(0).update_mask().paths(0) ==
        "start_to_close_timeout");
  CHECK(nlohmann::json::parse(u.out)["startToCloseTimeout"] == "60s");
}
