// `twctl worker deployment …` through cli::run against the fake cluster.
#include "fake_gateway.hpp"

#include "cli/app.hpp"

#include <doctest/doctest.h>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

using namespace twctl;
using namespace twctl::testing;
namespace wsv = temporal::api::workflowservice::v1;

TEST_CASE("worker deployment set-current-version: the describe's conflict token goes with the change") {
  FakeCluster c;
  c.answer<wsv::DescribeWorkerDeploymentResponse>().set_conflict_token("tok-7");
  auto r = run_cli(c, {"worker", "deployment", "set-current-version", "--deployment-name", "orders", "--build-id",
                       "v2", "--yes", "--ignore-missing-task-queues"});
  CHECK(r.code == 0);
  auto req = c.requests<wsv::SetWorkerDeploymentCurrentVersionRequest>().at(0);
  CHECK(req.deployment_name() == "orders");
  CHECK(req.build_id() == "v2");
  CHECK(req.conflict_token() == "tok-7");
  CHECK(req.ignore_missing_task_queues());

  run_cli(c, {"worker", "deployment", "set-ramping-version", "--deployment-name", "orders", "--unversioned",
              "--percentage", "12.5", "--yes"});
  auto ramp = c.requests<wsv::SetWorkerDeploymentRampingVersionRequest>().at(0);
  CHECK(ramp.build_id().empty());
  CHECK(ramp.percentage() == doctest::Approx(12.5));
}

TEST_CASE("worker deployment: without --yes and a terminal, nothing is sent at all") {
  FakeCluster c;
  auto r = run_cli(c, {"worker", "deployment", "set-current-version", "--deployment-name", "orders", "--build-id",
                       "v2"});
  CHECK(r.code == 2);
  CHECK(r.err.find("--yes") != std::string::npos);
  CHECK(c.calls.empty());
}
