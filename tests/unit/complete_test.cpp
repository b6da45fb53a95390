// `twctl __complete`: candidates from the command tree, enum values, and live values from a fake cluster.
#include "fake_gateway.hpp"

#include <doctest/doctest.h>

#include <google/protobuf/util/json_util.h>

#include "temporal/api/enums/v1/activity.pb.h"
#include "temporal/api/enums/v1/deployment.pb.h"
#include "temporal/api/enums/v1/workflow.pb.h"
#include "temporal/api/sdk/v1/workflow_metadata.pb.h"

namespace wsv = temporal::api::workflowservice::v1;

using namespace twctl;
using namespace twctl::testing;

namespace {

Run complete(FakeCluster& c, std::vector<std::string> words) {
  words.insert(words.begin(), "__complete");
  return run_cli(c, words);
}

void add_execution(FakeCluster& c, const std::string& id, const std::string& type, const std::string& queue) {
  auto* e = c.answer<wsv::ListWorkflowExecutionsResponse>().add_executions();
  e->mutable_execution()->set_workflow_id(id);
  e->mutable_type()->set_name(type);
  e->set_task_queue(queue);
  e->set_status(temporal::api::enums::v1::WORKFLOW_EXECUTION_STATUS_RUNNING);
}

}  // namespace

TEST_CASE("__complete: commands by prefix, with their summaries, and no file completion") {
  FakeCluster c;
  auto r = complete(c, {"wor"});
  CHECK(r.code == 0);
  CHECK(r.out == "workflow\tStart, inspect and control workflow executions\n"
                 "worker\tWorkers from their heartbeats, and worker deployments\n:4\n");
  r = complete(c, {"workflow", "st"});
  CHECK(r.out == "start\tStart a workflow execution and print its IDs, or one per line of a file\n"
                 "start-update-with-start\tSend an update, starting the workflow if needed; wait until accepted\n"
                 "stack\tShow where a running workflow's code is waiting\n:4\n");
  CHECK(complete(c, {""}).out.find("__complete") == std::string::npos);  // hidden entry points stay hidden
  // A word that names a group as a flag's value: every group is still offered.
  r = complete(c, {"-n", "workflow", "sch"});
  CHECK(r.out == "schedule\tCreate, change and inspect schedules that start workflows\n:4\n");
  // A word that names one of the group's commands as a flag's value: all of them are still offered.
  CHECK(complete(c, {"workflow", "-n", "list", "st"}).out == complete(c, {"workflow", "st"}).out);
  r = complete(c, {"workflow", "list", "-q", "start", "--li"});
  CHECK(r.out.find("--limit\t") == 0);
  CHECK(c.gateways_made == 0);
}

TEST_CASE("__complete: flags of the command and the global ones; given ones are not offered again") {
  FakeCluster c;
  auto r = complete(c, {"workflow", "query", "--rej"});
  CHECK(r.out == "--reject-condition\tReject the query if the workflow is not_open or not_completed_cleanly\n:4\n");
  // A global flag is offered beside the command's own.
  CHECK(complete(c, {"workflow", "query", "--re"}).out.find("\n--retry-window\t") != std::string::npos);
  r = complete(c, {"workflow", "describe", "-w", "x", "-"});
  CHECK(r.out.find("\n-w\t") == std::string::npos);
  CHECK(r.out.find("--workflow-id") == std::string::npos);
  CHECK(r.out.find("--run-id\t") != std::string::npos);
  CHECK(r.out.find("--output\t") != std::string::npos);  // global flags fall through
  CHECK(r.out.find("-o\t") != std::string::npos);
  int helps = 0;  // every command has its own --help: offered once
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) helps += line.rfind("--help\t", 0) == 0;
  CHECK(helps == 1);
}

TEST_CASE("__complete: enum values, also after --flag=") {
  FakeCluster c;
  CHECK(complete(c, {"workflow", "list", "--output", ""}).out == "text\njson\njsonl\ntsv\nnone\n:4\n");
  CHECK(complete(c, {"-o", "js"}).out == "json\njsonl\n:4\n");
  CHECK(complete(c, {"workflow", "list", "--output=j"}).out == "--output=json\n--output=jsonl\n:4\n");
  CHECK(complete(c, {"workflow", "start", "--id-conflict-policy", "U"}).out == "UseExisting\n:4\n");
}

TEST_CASE("__complete: file flags leave the completion to the shell") {
  FakeCluster c;
  CHECK(complete(c, {"workflow", "start", "--input-file", ""}).out == ":0\n");
  CHECK(complete(c, {"--tls-ca-path", "/tm"}).out == ":0\n");
}

TEST_CASE("__complete: -w offers recent workflow IDs with the typed prefix, each once") {
  FakeCluster c;
  add_execution(c, "order-1", "OrderWorkflow", "orders");
  add_execution(c, "order-1", "OrderWorkflow", "orders");
  add_execution(c, "order-2", "OrderWorkflow", "orders");
  auto r = complete(c, {"--namespace", "shop", "workflow", "describe", "-w", "ord"});
  CHECK(r.out == "order-1\tOrderWorkflow, Running\norder-2\tOrderWorkflow, Running\n:4\n");
  auto reqs = c.requests<wsv::ListWorkflowExecutionsRequest>();
  REQUIRE(reqs.size() == 1);
  CHECK(reqs[0].namespace_() == "shop");
  CHECK(reqs[0].query() == "WorkflowId STARTS_WITH \"ord\"");
}

TEST_CASE("__complete: task queues and workflow types from recent executions, namespaces from the cluster") {
  FakeCluster c;
  add_execution(c, "a", "T", "orders");
  add_execution(c, "b", "T", "emails");
  add_execution(c, "c", "U", "orders");
  CHECK(complete(c, {"workflow", "start", "-t", ""}).out == "orders\nemails\n:4\n");
  CHECK(complete(c, {"workflow", "start", "--type", ""}).out == "T\nU\n:4\n");
  auto& ns = c.answer<wsv::ListNamespacesResponse>();
  ns.add_namespaces()->mutable_namespace_info()->set_name("default");
  ns.add_namespaces()->mutable_namespace_info()->set_name("shop");
  CHECK(complete(c, {"-n", "s"}).out == "shop\n:4\n");
  // The namespace commands' NAME argument, once; a second word is not completed.
  CHECK(complete(c, {"operator", "namespace", "describe", "sh"}).out == "shop\n:4\n");
  CHECK(complete(c, {"operator", "namespace", "delete", ""}).out == "default\nshop\n:4\n");
  CHECK(complete(c, {"operator", "namespace", "delete", "--yes", ""}).out == "default\nshop\n:4\n");
  CHECK(complete(c, {"operator", "namespace", "delete", "--yes", "--n"}).out.find("--namespace") == 0);
  CHECK(complete(c, {"operator", "namespace", "describe", "shop", ""}).out == ":4\n");
}

TEST_CASE("__complete: --name offers the handlers of the workflow given with -w, by kind") {
  FakeCluster c;
  temporal::api::sdk::v1::WorkflowMetadata md;
  auto* def = md.mutable_definition();
  def->add_query_definitions()->set_name("count");
  def->add_query_definitions()->set_name("__stack_trace");
  auto* q = def->add_query_definitions();
  q->set_name("items");
  q->set_description("The items so far");
  def->add_signal_definitions()->set_name("add");
  def->add_update_definitions()->set_name("add_item");
  std::string json;
  REQUIRE(google::protobuf::util::MessageToJsonString(md, &json).ok());
  auto* p = c.answer<wsv::QueryWorkflowResponse>().mutable_query_result()->add_payloads();
  (*p->mutable_metadata())["encoding"] = "json/protobuf";
  p->set_data(json);

  CHECK(complete(c, {"workflow", "query", "-w", "order-1", "--name", ""}).out == "count\nitems\tThe items so far\n:4\n");
  auto reqs = c.requests<wsv::QueryWorkflowRequest>();
  REQUIRE(reqs.size() == 1);
  CHECK(reqs[0].execution().workflow_id() == "order-1");
  CHECK(reqs[0].query().query_type() == "__temporal_workflow_metadata");
  CHECK(complete(c, {"workflow", "signal", "--workflow-id=order-1", "--name", ""}).out == "add\n:4\n");
  CHECK(complete(c, {"workflow", "update", "execute", "-w", "order-1", "--name", "a"}).out == "add_item\n:4\n");
  // Without -w there is nothing to ask.
  CHECK(complete(c, {"workflow", "query", "--name", ""}).out == ":4\n");
  CHECK(c.requests<wsv::QueryWorkflowRequest>().size() == 3);
}

TEST_CASE("__complete: -r offers the runs of the workflow given with -w") {
  FakeCluster c;
  auto* e = c.answer<wsv::ListWorkflowExecutionsResponse>().add_executions();
  e->mutable_execution()->set_workflow_id("order-1");
  e->mutable_execution()->set_run_id("run-2");
  e->set_status(temporal::api::enums::v1::WORKFLOW_EXECUTION_STATUS_COMPLETED);
  CHECK(complete(c, {"workflow", "result", "-w", "order-1", "-r", ""}).out == "run-2\tCompleted\n:4\n");
  auto reqs = c.requests<wsv::ListWorkflowExecutionsRequest>();
  REQUIRE(reqs.size() == 1);
  CHECK(reqs[0].query() == "WorkflowId = \"order-1\"");
  CHECK(complete(c, {"workflow", "result", "-r", ""}).out == ":4\n");  // no -w: nothing to ask
}

TEST_CASE("__complete: --job-id offers the namespace's batch jobs") {
  FakeCluster c;
  auto* info = c.answer<wsv::ListBatchOperationsResponse>().add_operation_info();
  info->set_job_id("job-1");
  info->set_state(temporal::api::enums::v1::BATCH_OPERATION_STATE_RUNNING);
  CHECK(complete(c, {"batch", "terminate", "--job-id", "j"}).out == "job-1\tRunning\n:4\n");
  CHECK(c.requests<wsv::ListBatchOperationsRequest>().at(0).namespace_() == "default");
}

TEST_CASE("__complete: a failing cluster gives no candidates and no message") {
  FakeCluster c;
  c.fail_with = Error(ErrorKind::Unavailable, "cannot reach the cluster at localhost:7233");
  auto r = complete(c, {"workflow", "describe", "-w", ""});
  CHECK(r.code == 0);
  CHECK(r.out == ":4\n");
  CHECK(r.err.empty());
}

TEST_CASE("__complete: the live lookup is bounded by a short command deadline") {
  FakeCluster c;
  std::optional<client::ConnectionOptions> seen;
  std::istringstream in;
  std::ostringstream out, err;
  CancelToken cancel;
  Context ctx(in, out, err, cancel);
  ctx.now = [] { return TimePoint(std::chrono::seconds(1'700'000'000)); };
  ctx.gateway_factory = [&](const client::ConnectionOptions& o, CancelToken&) {
    seen = o;
    return std::make_unique<FakeGateway>(c);
  };
  CHECK(cli::run({"__complete", "--address", "h:1", "workflow", "describe", "-w", ""}, ctx) == 0);
  REQUIRE(seen);
  CHECK(seen->address == "h:1");
  REQUIRE(seen->deadline);
  CHECK(*seen->deadline - ctx.now() == std::chrono::milliseconds(300));
  CHECK(seen->connect_timeout <= std::chrono::milliseconds(300));
}

TEST_CASE("completion and help exit-codes: scripts and the exit-code table") {
  FakeCluster c;
  auto r = run_cli(c, {"completion", "bash"});
  CHECK(r.code == 0);
  CHECK(r.out.find("complete -F _twctl twctl") != std::string::npos);
  CHECK(run_cli(c, {"completion", "zsh"}).out.rfind("#compdef twctl", 0) == 0);
  CHECK(run_cli(c, {"completion", "fish"}).out.find("complete -c twctl") != std::string::npos);
  r = run_cli(c, {"help", "exit-codes"});
  CHECK(r.code == 0);
  CHECK(r.out.find("Code  Name") != std::string::npos);
  for (const auto& row : exit_code_table()) CHECK(r.out.find(std::string(row.name)) != std::string::npos);
  r = run_cli(c, {"help", "exit-codes", "-o", "json"});
  auto j = nlohmann::json::parse(r.out);
  CHECK(j.size() == exit_code_table().size() + 1);
  CHECK(j[2]["code"] == 2);
  CHECK(j[2]["name"] == "usage");
}

TEST_CASE("__complete: activities of the workflow given with -w, standalone ones without; deployments, builds") {
  FakeCluster c;
  auto* a = c.answer<wsv::DescribeWorkflowExecutionResponse>().add_pending_activities();
  a->set_activity_id("charge");
  a->mutable_activity_type()->set_name("charge_card");
  a->set_state(temporal::api::enums::v1::PENDING_ACTIVITY_STATE_STARTED);
  CHECK(complete(c, {"activity", "pause", "-w", "order-1", "-a", ""}).out == "charge\tcharge_card, Started\n:4\n");
  CHECK(complete(c, {"activity", "reset", "-w", "order-1", "--activity-type", "ch"}).out == "charge_card\n:4\n");
  CHECK(c.requests<wsv::DescribeWorkflowExecutionRequest>().at(0).execution().workflow_id() == "order-1");

  auto* s = c.answer<wsv::ListActivityExecutionsResponse>().add_executions();
  s->set_activity_id("greet-1");
  s->mutable_activity_type()->set_name("greet");
  s->set_status(temporal::api::enums::v1::ACTIVITY_EXECUTION_STATUS_RUNNING);
  CHECK(complete(c, {"activity", "describe", "-a", "gr"}).out == "greet-1\tgreet, Running\n:4\n");

  auto* d = c.answer<wsv::ListWorkerDeploymentsResponse>().add_worker_deployments();
  d->set_name("orders");
  d->mutable_routing_config()->mutable_current_deployment_version()->set_build_id("v2");
  CHECK(complete(c, {"worker", "deployment", "describe", "--name", ""}).out == "orders\tcurrent: v2\n:4\n");
  auto* v = c.answer<wsv::DescribeWorkerDeploymentResponse>().mutable_worker_deployment_info()->add_version_summaries();
  v->mutable_deployment_version()->set_build_id("v2");
  v->set_status(temporal::api::enums::v1::WORKER_DEPLOYMENT_VERSION_STATUS_CURRENT);
  CHECK(complete(c, {"worker", "deployment", "describe-version", "--deployment-name", "orders", "--build-id", ""}).out ==
        "v2\tCurrent\n:4\n");
  CHECK(c.requests<wsv::DescribeWorkerDeploymentRequest>().at(0).deployment_name() == "orders");
}
