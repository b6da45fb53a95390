// Faults held as promised, against the fake gateway: batches that cannot lie, lists cut short that still
// parse, changes whose answer was lost, the two size limits as one error, and the retry window setting.
#include "client/status.hpp"
#include "config/connection.hpp"
#include "fake_gateway.hpp"
#include "history_events.hpp"

#include <doctest/doctest.h>
#include <grpcpp/support/status.h>
#include <nlohmann/json.hpp>

#include "temporal/api/enums/v1/batch_operation.pb.h"
#include "temporal/api/enums/v1/workflow.pb.h"

namespace wsv = temporal::api::workflowservice::v1;
namespace enums = temporal::api::enums::v1;

using namespace twctl;
using namespace twctl::testing;
using namespace std::chrono_literals;

namespace {

Error grpc_error(ErrorKind kind, int code, std::string message, std::string cause = {}) {
  Error e(kind, std::move(message));
  e.grpc_code = code;
  e.cause = std::move(cause);
  return e;
}

Error lost_in_flight() { return grpc_error(ErrorKind::DeadlineExceeded, 4, "no answer from h:1 in time", "deadline"); }

// The JSON object on the last line of stderr.
nlohmann::json error_object(const Run& r) {
  auto s = r.err;
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return nlohmann::json::parse(s.substr(s.rfind('\n') + 1))["error"];
}

wsv::ListWorkflowExecutionsResponse page(const std::string& id, const std::string& next) {
  wsv::ListWorkflowExecutionsResponse resp;
  resp.add_executions()->mutable_execution()->set_workflow_id(id);
  resp.set_next_page_token(next);
  return resp;
}

}  // namespace

TEST_CASE("batch -q: the matches are counted first; the number is in the prompt's place, stderr and JSON") {
  FakeCluster c;
  c.answer<wsv::CountWorkflowExecutionsResponse>().set_count(3);
  auto r = run_cli(c, {"workflow", "terminate", "-q", "WorkflowType='X'", "--yes", "-o", "json"});
  CHECK(r.code == 0);
  REQUIRE(c.calls.size() == 2);
  CHECK(c.calls[0]->GetDescriptor() == wsv::CountWorkflowExecutionsRequest::descriptor());
  CHECK(c.requests<wsv::CountWorkflowExecutionsRequest>().at(0).query() == "WorkflowType='X'");
  auto out = nlohmann::json::parse(r.out);
  CHECK(out["matched"] == 3);
  CHECK(out["batchJobId"] == c.requests<wsv::StartBatchOperationRequest>().at(0).job_id());

  auto text = run_cli(c, {"workflow", "cancel", "-q", "WorkflowType='X'", "--yes"});
  CHECK(text.code == 0);
  CHECK(text.out.rfind("Started batch for job ID: ", 0) == 0);
  CHECK(text.err.find("cancel approximately 3 workflow(s) matching the query") != std::string::npos);
}

TEST_CASE("batch -q: a query the cluster rejects exits 9, names -q, and starts no job") {
  FakeCluster c;
  c.fail_next<wsv::CountWorkflowExecutionsRequest>(
      {grpc_error(ErrorKind::Rejected, 3, "invalid query: invalid search attribute: NoSuchAttr")});
  auto r = run_cli(c, {"workflow", "signal", "-q", "NoSuchAttr='x'", "--name", "s", "--yes", "--wait", "-o", "json"});
  CHECK(r.code == 9);
  CHECK(c.requests<wsv::StartBatchOperationRequest>().empty());
  auto err = error_object(r);
  CHECK(err["kind"] == "rejected");
  CHECK(err["message"].get<std::string>().find("-q/--query") != std::string::npos);
  CHECK(err["message"].get<std::string>().find("no batch job was started") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("batch --wait: bounded by --command-timeout when the job never ends (exit 7, the job named)") {
  FakeCluster c;
  c.answer<wsv::CountWorkflowExecutionsResponse>().set_count(1);
  c.answer<wsv::DescribeBatchOperationResponse>().set_state(enums::BATCH_OPERATION_STATE_RUNNING);
  auto r = run_cli(c, {"workflow", "terminate", "-q", "WorkflowType='X'", "--yes", "--wait", "--command-timeout", "3s"});
  CHECK(r.code == 7);
  auto job = c.requests<wsv::StartBatchOperationRequest>().at(0).job_id();
  CHECK(r.err.find("--command-timeout") != std::string::npos);
  CHECK(r.err.find("twctl batch describe --job-id " + job) != std::string::npos);
  // Polled every 500 ms of (fake) time within the 3 s.
  CHECK(c.requests<wsv::DescribeBatchOperationRequest>().size() <= 7);
}

TEST_CASE("batch -q: a start whose answer was lost stops the job it may have started, and says so") {
  SUBCASE("the job existed: it is stopped, exit 14") {
    FakeCluster c;
    c.fail_next<wsv::StartBatchOperationRequest>({lost_in_flight()});
    auto r = run_cli(c, {"workflow", "delete", "-q", "WorkflowType='X'", "--yes"});
    CHECK(r.code == 14);
    auto job = c.requests<wsv::StartBatchOperationRequest>().at(0).job_id();
    REQUIRE(c.requests<wsv::StopBatchOperationRequest>().size() == 1);
    CHECK(c.requests<wsv::StopBatchOperationRequest>()[0].job_id() == job);
    CHECK(r.err.find("may or may not have been applied") != std::string::npos);
    CHECK(r.err.find("was stopped in case it had started") != std::string::npos);
    CHECK(r.out.empty());
  }
  SUBCASE("no such job: nothing was started, and the error is the plain deadline") {
    FakeCluster c;
    c.fail_next<wsv::StartBatchOperationRequest>({lost_in_flight()});
    c.fail_next<wsv::StopBatchOperationRequest>({grpc_error(ErrorKind::NotFound, 5, "no such job")});
    auto r = run_cli(c, {"workflow", "delete", "-q", "WorkflowType='X'", "--yes"});
    CHECK(r.code == 7);
    CHECK(r.err.find("nothing was started") != std::string::npos);
  }
}

TEST_CASE("outcome unknown: a start, a signal, an update whose answer was lost exit 14 and say how to check") {
  FakeCluster c;
  c.fail_next<wsv::StartWorkflowExecutionRequest>({lost_in_flight()});
  auto start = run_cli(c, {"workflow", "start", "--type", "T", "-t", "q", "-w", "wid-1", "-o", "json"});
  CHECK(start.code == 14);
  auto err = error_object(start);
  CHECK(err["kind"] == "outcome_unknown");
  CHECK(err["cause"] == "deadline");
  CHECK(err["message"].get<std::string>().find("may or may not have been applied") != std::string::npos);
  CHECK(err["message"].get<std::string>().find("`twctl workflow describe -w wid-1`") != std::string::npos);

  // The connection was reset under the signal, then refused until the retry window ran out.
  FakeCluster s;
  auto refused = grpc_error(ErrorKind::Unavailable, 14, "refused", "refused");
  s.fail_next<wsv::SignalWorkflowExecutionRequest>({grpc_error(ErrorKind::Unavailable, 14, "reset", "reset"), refused,
                                                    refused, refused, refused, refused, refused, refused});
  auto signal = run_cli(s, {"workflow", "signal", "-w", "wid-2", "--name", "go", "-n", "other"});
  CHECK(signal.code == 14);
  CHECK(signal.err.find("`twctl workflow show -w wid-2 -n other`") != std::string::npos);
  CHECK(s.requests<wsv::SignalWorkflowExecutionRequest>().size() > 1);  // retried (a request ID), then gave up
  // With --retry-window 0s nothing is retried.
  FakeCluster once;
  once.fail_next<wsv::SignalWorkflowExecutionRequest>({refused});
  CHECK(run_cli(once, {"workflow", "signal", "-w", "wid-2", "--name", "go", "--retry-window", "0s"}).code == 6);
  CHECK(once.requests<wsv::SignalWorkflowExecutionRequest>().size() == 1);

  FakeCluster u;
  u.fail_next<wsv::UpdateWorkflowExecutionRequest>({lost_in_flight()});
  auto update = run_cli(u, {"workflow", "update", "start", "-w", "wid-3", "--name", "up", "--update-id", "u-1",
                            "--wait-for-stage", "accepted"});
  CHECK(update.code == 14);
  CHECK(update.err.find("`twctl workflow update describe -w wid-3 --update-id u-1`") != std::string::npos);

  // A read that timed out changed nothing: it keeps the deadline code.
  FakeCluster d;
  d.fail_next<wsv::DescribeWorkflowExecutionRequest>({lost_in_flight()});
  CHECK(run_cli(d, {"workflow", "describe", "-w", "wid-4"}).code == 7);
}

TEST_CASE("json streams cut short still parse: the array is closed, and the error object says partial") {
  FakeCluster c;
  c.then(page("wf-0", "next"));
  c.fail_next<wsv::ListWorkflowExecutionsRequest>(
      {std::nullopt, grpc_error(ErrorKind::PermissionDenied, 7, "no more for you")});
  auto r = run_cli(c, {"workflow", "list", "-o", "json"});
  CHECK(r.code == 8);
  auto items = nlohmann::json::parse(r.out);
  REQUIRE(items.is_array());
  REQUIRE(items.size() == 1);
  CHECK(items[0]["execution"]["workflowId"] == "wf-0");
  CHECK(error_object(r)["partial"] == true);
  CHECK(r.err.find("(the output on stdout is incomplete)") != std::string::npos);

  SUBCASE("a history in its {\"events\": [...]} object") {
    FakeCluster h;
    wsv::GetWorkflowExecutionHistoryResponse first;
    *first.mutable_history()->add_events() = event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED);
    first.set_next_page_token("more");
    h.then(first);
    h.fail_next<wsv::GetWorkflowExecutionHistoryRequest>({std::nullopt, Error(ErrorKind::Interrupted, "interrupted")});
    auto show = run_cli(h, {"workflow", "show", "-w", "w", "-o", "json"});
    CHECK(show.code == 130);
    auto doc = nlohmann::json::parse(show.out);
    CHECK(doc["events"].size() == 1);
    CHECK(error_object(show)["partial"] == true);
  }
  SUBCASE("nothing written yet: stdout stays empty, not an empty list that looks like the answer") {
    FakeCluster e;
    e.fail_next<wsv::ListWorkflowExecutionsRequest>({grpc_error(ErrorKind::PermissionDenied, 7, "no")});
    auto none = run_cli(e, {"workflow", "list", "-o", "json"});
    CHECK(none.code == 8);
    CHECK(none.out.empty());
    CHECK_FALSE(error_object(none).contains("partial"));
  }
}

TEST_CASE("size limits: a payload over the blob limit and a request over the gRPC limit are one error") {
  grpc::Status blob(grpc::StatusCode::INVALID_ARGUMENT, "Blob data size exceeds limit.");
  grpc::Status message(grpc::StatusCode::RESOURCE_EXHAUSTED, "grpc: received message larger than max (5243024 vs. 4194304)");
  auto a = client::from_status(blob, "h:1", false, false, 3 * 1024 * 1024 + 100);
  auto b = client::from_status(message, "h:1", false, false, 5243024);
  for (const auto* e : {&a, &b}) {
    CHECK(e->kind() == ErrorKind::ResourceExhausted);
    CHECK(exit_code(e->kind()) == 10);
    CHECK(e->cause == "message_too_large");
    std::string m = e->what();
    CHECK(m.find("blob size limit (2 MiB") != std::string::npos);
    CHECK(m.find("4 MiB") != std::string::npos);
  }
  CHECK(std::string(a.what()).find("(3.0 MiB)") != std::string::npos);
  CHECK(std::string(b.what()).find("(5.0 MiB)") != std::string::npos);
  // Other rejections stay what they are.
  CHECK(client::from_status(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad"), "h:1", false).kind() ==
        ErrorKind::Rejected);
}

TEST_CASE("retry window: a setting from flag, TWCTL_RETRY_WINDOW or the profile, 60s by default, checked") {
  auto window = [](config::ConnectionFlags flags, std::vector<std::pair<std::string, std::string>> env) {
    auto lookup = [env](std::string_view name) -> std::optional<std::string> {
      for (const auto& [k, v] : env) {
        if (k == name) return v;
      }
      return std::nullopt;
    };
    flags.disable_config_file = true;
    return config::to_connection_options(config::resolve(flags, lookup, {})).retry_window;
  };
  CHECK(window({}, {}) == 60s);
  CHECK(window({}, {{"TWCTL_RETRY_WINDOW", "2m"}}) == 120s);
  config::ConnectionFlags flag;
  flag.retry_window = "45s";
  CHECK(window(flag, {{"TWCTL_RETRY_WINDOW", "2m"}}) == 45s);
  try {
    window({}, {{"TWCTL_RETRY_WINDOW", "soon"}});
    FAIL("expected a usage error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Usage);
    CHECK(std::string(e.what()).find("TWCTL_RETRY_WINDOW") != std::string::npos);
  }
}
