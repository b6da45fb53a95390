// `twctl activity complete | fail` through cli::run against the fake cluster.
#include "fake_gateway.hpp"

#include "cli/app.hpp"

#include <doctest/doctest.h>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

using namespace twctl;
using namespace twctl::testing;
namespace wsv = temporal::api::workflowservice::v1;

TEST_CASE("activity complete: by workflow and activity ID, the result as one json/plain payload") {
  FakeCluster c;
  auto r = run_cli(c, {"activity", "complete", "-w", "order-1", "-a", "approve", "--result", "{\"ok\": true}"});
  CHECK(r.code == 0);
  auto req = c.requests<wsv::RespondActivityTaskCompletedByIdRequest>().at(0);
  CHECK(req.workflow_id() == "order-1");
  CHECK(req.activity_id() == "approve");
  CHECK(req.run_id().empty());
  CHECK(req.resource_id() == "workflow:order-1");
  REQUIRE(req.result().payloads_size() == 1);
  CHECK(req.result().payloads(0).data() == "{\"ok\": true}");
  CHECK(r.err == "Completed activity approve of workflow order-1\n");

  run_cli(c, {"activity", "complete", "-a", "solo", "--result", "1"});
  CHECK(c.requests<wsv::RespondActivityTaskCompletedByIdRequest>().at(1).resource_id() == "activity:solo");
}

TEST_CASE("activity fail: a non-retryable application failure with the reason and details") {
  FakeCluster c;
  auto r = run_cli(c, {"activity", "fail", "-w", "order-1", "-a", "approve", "--reason", "declined", "--detail",
                       "[1,2]", "-o", "json"});
  CHECK(r.code == 0);
  auto f = c.requests<wsv::RespondActivityTaskFailedByIdRequest>().at(0).failure();
  CHECK(f.message() == "declined");
  CHECK(f.source() == "CLI");
  CHECK(f.application_failure_info().non_retryable());
  CHECK(f.application_failure_info().type() == "CLIFailure");
  CHECK(f.application_failure_info().details().payloads(0).data() == "[1,2]");
  CHECK(nlohmann::json::parse(r.out)["failed"] == true);
}

TEST_CASE("activity complete|fail: bad input is a usage error naming the flag, and nothing is sent") {
  std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"activity", "complete", "-w", "w", "--result", "1"}, "--activity-id"},
      {{"activity", "complete", "-w", "w", "-a", "x"}, "--result"},
      {{"activity", "complete", "-w", "w", "-a", "x", "--result", "{nope"}, "--result"},
      {{"activity", "fail", "-w", "w", "-a", "x", "--detail", "nope"}, "--detail"},
      {{"activity"}, "activity"},
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

TEST_CASE("activity pause|unpause|reset: the workflow-activity RPCs, target by ID, type or all") {
  FakeCluster c;
  CHECK(run_cli(c, {"activity", "pause", "-w", "w", "-r", "r1", "-a", "charge", "--reason", "down"}).code == 0);
  auto p = c.requests<wsv::PauseActivityRequest>().at(0);
  CHECK(p.execution().workflow_id() == "w");
  CHECK(p.execution().run_id() == "r1");
  CHECK(p.id() == "charge");
  CHECK(p.reason() == "down");
  CHECK_FALSE(p.request_id().empty());

  CHECK(run_cli(c, {"activity", "unpause", "-w", "w", "--match-all", "--reset-attempts", "--jitter", "30s"}).code == 0);
  auto u = c.requests<wsv::UnpauseActivityRequest>().at(0);
  CHECK(u.unpause_all());
  CHECK(u.reset_attempts());
  CHECK(u.jitter().seconds() == 30);

  CHECK(run_cli(c, {"activity", "reset", "-w", "w", "--activity-type", "Charge", "--clear-heartbeat-details",
                    "--keep-paused"})
            .code == 0);
  auto r = c.requests<wsv::ResetActivityRequest>().at(0);
  CHECK(r.type() == "Charge");
  CHECK(r.reset_heartbeat());
  CHECK(r.keep_paused());
  CHECK_FALSE(r.restore_original_options());

  for (const auto& args : std::vector<std::vector<std::string>>{
           {"activity", "pause", "-w", "w"},
           {"activity", "pause", "-w", "w", "--match-all"},
           {"activity", "unpause", "-w", "w", "-a", "a", "--match-all"},
           {"activity", "reset", "--activity-type", "t"}}) {
    CAPTURE(args);
    FakeCluster none;
    CHECK(run_cli(none, args).code == 2);
    CHECK(none.gateways_made == 0);
  }
}

TEST_CASE("activity update-options: only the options given, in the field mask; the card of what it has now") {
  FakeCluster c;
  auto& resp = c.answer<wsv::UpdateActivityOptionsResponse>();
  resp.mutable_activity_options()->mutable_task_queue()->set_name("q");
  resp.mutable_activity_options()->mutable_start_to_close_timeout()->set_seconds(120);
  auto r = run_cli(c, {"activity", "update-options", "-w", "w", "-a", "charge", "--start-to-close-timeout", "2m",
                       "--retry-backoff-coefficient", "1.5", "--retry-maximum-attempts", "0"});
  CHECK(r.code == 0);
  auto req = c.requests<wsv::UpdateActivityOptionsRequest>().at(0);
  std::vector<std::string> paths(req.update_mask().paths().begin(), req.update_mask().paths().end());
  CHECK(paths == std::vector<std::string>{"start_to_close_timeout", "retry_policy.backoff_coefficient",
                                          "retry_policy.maximum_attempts"});
  CHECK(req.activity_options().start_to_close_timeout().seconds() == 120);
  CHECK(req.activity_options().retry_policy().backoff_coefficient() == doctest::Approx(1.5));
  CHECK(r.out.find("  StartToCloseTimeout     2m0s\n") != std::string::npos);

  for (const auto& args : std::vector<std::vector<std::string>>{
           {"activity", "update-options", "-w", "w", "-a", "a"},
           {"activity", "update-options", "-w", "w", "-a", "a", "--retry-backoff-coefficient", "0.5"},
           {"activity", "update-options", "-w", "w", "-a", "a", "--retry-maximum-attempts", "-2"},
           {"activity", "update-options", "-w", "w", "-a", "a", "--heartbeat-timeout", "x"},
           {"activity", "update-options", "-w", "w", "-a", "a", "--heartbeat-timeout", "1s",
            "--restore-original-options"}}) {
    CAPTURE(args);
    FakeCluster none;
    CHECK(run_cli(none, args).code == 2);
    CHECK(none.gateways_made == 0);
  }
}
