// workflow signal-with-start, start-update-with-start and execute-update-with-start: argv → options, and the
// commands against a fake gateway.
#include "fake_gateway.hpp"
#include "ops/workflow/signal_with_start.hpp"
#include "ops/workflow/update_with_start.hpp"
#include "payload/payload.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

#include "temporal/api/enums/v1/update.pb.h"
#include "temporal/api/enums/v1/workflow.pb.h"

namespace wsv = temporal::api::workflowservice::v1;

using namespace twctl;
using namespace twctl::testing;
namespace enums = temporal::api::enums::v1;

namespace {

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& extra) {
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

template <typename T>
const T& options_of(const cli::CommandTree& tree) {
  return *std::any_cast<std::shared_ptr<T>>(tree.selected.options);
}

}  // namespace

TEST_CASE("parse: signal-with-start binds the signal flags apart from the workflow input") {
  auto tree = cli::parse({"workflow", "signal-with-start", "--type", "T", "-t", "q", "-w", "w1", "-i", "\"in\"",
                          "--signal-type", "add", "--signal-input", "1", "--signal-input", "2",
                          "--signal-input-meta", "encoding=json/plain", "--signal-input-base64"});
  CHECK(tree->selected.command == "workflow signal-with-start");
  const auto& o = options_of<ops::workflow::SignalWithStartOptions>(*tree);
  CHECK(o.signal_name == "add");
  CHECK(o.start.input.inputs == std::vector<std::string>{"\"in\""});
  CHECK(o.signal_input.inputs == std::vector<std::string>{"1", "2"});
  CHECK(o.signal_input.meta == std::vector<std::string>{"encoding=json/plain"});
  CHECK(o.signal_input.base64);
}

TEST_CASE("parse: the update-with-start commands bind the --update-* flags") {
  auto tree = cli::parse({"workflow", "start-update-with-start", "--type", "T", "-t", "q", "-w", "w1",
                          "--id-conflict-policy", "Fail", "--update-type", "add_item", "--update-id", "u1",
                          "--update-input-file", "-", "--update-wait-for-stage", "accepted"});
  CHECK(tree->selected.command == "workflow start-update-with-start");
  const auto& o = options_of<ops::workflow::UpdateWithStartOptions>(*tree);
  CHECK(o.update.name == "add_item");
  CHECK(o.update.update_id == "u1");
  CHECK(o.update.input.files == std::vector<std::string>{"-"});
  CHECK(o.update.wait_for_stage == "accepted");
  CHECK(o.start.id_conflict_policy == "Fail");
  auto exec = cli::parse({"workflow", "execute-update-with-start", "--type", "T", "-t", "q", "-w", "w1",
                          "--update-name", "u"});
  CHECK(exec->selected.command == "workflow execute-update-with-start");
  CHECK_THROWS_AS(cli::parse({"workflow", "execute-update-with-start", "--type", "T", "-t", "q", "-w", "w1",
                              "--update-name", "u", "--update-wait-for-stage", "accepted"}),
                  CLI::ParseError);
}

// --- signal-with-start -----------------------------------------------------------------------------------------

TEST_CASE("workflow signal-with-start: one request with the start fields, the signal and its inputs") {
  FakeCluster c;
  c.answer<wsv::SignalWithStartWorkflowExecutionResponse>().set_run_id("run-1");
  c.answer<wsv::SignalWithStartWorkflowExecutionResponse>().set_started(true);
  auto r = run_cli(c, {"workflow", "signal-with-start", "--type", "Interactive", "-t", "interactive-tasks", "-w",
                       "order-1", "-i", "[\"x\"]", "--signal-type", "add_pair", "--signal-input", "\"a\"",
                       "--signal-input", "{\"b\":2}", "--id-conflict-policy", "UseExisting", "--memo", "k=1", "-o",
                       "json"});
  CHECK(r.code == 0);
  REQUIRE(c.requests<wsv::SignalWithStartWorkflowExecutionRequest>().size() == 1);
  const auto req = c.requests<wsv::SignalWithStartWorkflowExecutionRequest>()[0];
  CHECK(req.workflow_id() == "order-1");
  CHECK(req.workflow_type().name() == "Interactive");
  CHECK(req.task_queue().name() == "interactive-tasks");
  CHECK(req.input().payloads(0).data() == "[\"x\"]");
  CHECK(req.signal_name() == "add_pair");
  REQUIRE(req.signal_input().payloads_size() == 2);
  CHECK(req.signal_input().payloads(1).data() == "{\"b\":2}");
  CHECK(req.workflow_id_conflict_policy() == enums::WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING);
  CHECK(req.workflow_task_timeout().seconds() == 10);
  CHECK(req.memo().fields().at("k").data() == "1");
  CHECK_FALSE(req.request_id().empty());
  auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["runId"] == "run-1");
  CHECK(doc["started"] == true);
  CHECK(doc["signalName"] == "add_pair");
}

TEST_CASE("workflow signal-with-start: the text card says whether a run started") {
  FakeCluster c;
  c.answer<wsv::SignalWithStartWorkflowExecutionResponse>().set_run_id("run-0");
  auto r = run_cli(c, {"workflow", "signal-with-start", "--type", "T", "-t", "q", "-w", "w1", "--signal-name", "s"});
  CHECK(r.code == 0);
  CHECK(r.out.find("  Started     false (already running)\n") != std::string::npos);
  CHECK(r.out.find("  Signal      s\n") != std::string::npos);
}

TEST_CASE("workflow signal-with-start: bad input exits 2, names the flag, and sends nothing") {
  struct Case {
    std::vector<std::string> args;
    std::string needle;
  };
  std::vector<std::string> base{"workflow", "signal-with-start", "--type", "T", "-t", "q"};
  std::vector<Case> cases{
      {with(base, {"-w", "w1"}), "--signal-name"},
      {with(base, {"--signal-name", "s"}), "--workflow-id"},
      {with(base, {"-w", "w1", "--signal-name", "s", "--signal-input", "{bad"}), "--signal-input #1"},
      {with(base, {"-w", "w1", "--signal-name", "s", "--signal-input-meta", "novalue"}), "--signal-input-meta"},
      {with(base, {"-w", "w1", "--signal-name", "s", "-i", "nope"}), "--input #1"},
  };
  for (const auto& tc : cases) {
    CAPTURE(tc.needle);
    FakeCluster c;
    auto r = run_cli(c, tc.args);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("Error: ") == 0);
    CHECK(r.err.substr(0, r.err.find('\n')).find(tc.needle) != std::string::npos);
    CHECK(c.gateways_made == 0);
  }
}

// --- update-with-start -----------------------------------------------------------------------------------------

namespace {

wsv::ExecuteMultiOperationResponse multi(const std::string& run_id, bool is_new, wsv::UpdateWorkflowExecutionResponse u) {
  wsv::ExecuteMultiOperationResponse r;
  auto* s = r.add_responses()->mutable_start_workflow();
  s->set_run_id(run_id);
  s->set_started(is_new);
  *r.add_responses()->mutable_update_workflow() = std::move(u);
  return r;
}

wsv::UpdateWorkflowExecutionResponse accepted(const std::string& update_id) {
  wsv::UpdateWorkflowExecutionResponse u;
  u.set_stage(enums::UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED);
  u.mutable_update_ref()->set_update_id(update_id);
  return u;
}

const std::vector<std::string> kUws{"--type", "Interactive", "-t", "interactive-tasks", "-w", "order-1",
                                    "--id-conflict-policy", "UseExisting", "--update-name", "add_item"};

}  // namespace

TEST_CASE("workflow execute-update-with-start: sends start then update in one call, waits for the result") {
  FakeCluster c;
  c.then(multi("run-1", true, accepted("u-1")));
  wsv::PollWorkflowExecutionUpdateResponse done;
  *done.mutable_outcome()->mutable_success()->add_payloads() = payload::from_json_text("r", "3");
  c.then(done);
  auto r = run_cli(c, with(with({"workflow", "execute-update-with-start"}, kUws),
                           {"--update-id", "u-1", "--update-input", "\"apple\"", "-i", "[1]", "-o", "json"}));
  CHECK(r.code == 0);
  REQUIRE(c.requests<wsv::ExecuteMultiOperationRequest>().size() == 1);
  const auto req = c.requests<wsv::ExecuteMultiOperationRequest>()[0];
  REQUIRE(req.operations_size() == 2);
  const auto& start = req.operations(0).start_workflow();
  const auto& update = req.operations(1).update_workflow();
  CHECK(start.workflow_id() == "order-1");
  CHECK(start.workflow_id_conflict_policy() == enums::WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING);
  CHECK(start.input().payloads(0).data() == "[1]");
  CHECK(update.workflow_execution().workflow_id() == "order-1");
  CHECK(update.workflow_execution().run_id().empty());
  CHECK(update.request().input().name() == "add_item");
  CHECK(update.request().meta().update_id() == "u-1");
  CHECK(update.request().input().args().payloads(0).data() == "\"apple\"");
  CHECK(update.wait_policy().lifecycle_stage() == enums::UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED);
  CHECK(c.requests<wsv::PollWorkflowExecutionUpdateRequest>().size() == 1);
  auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["workflowId"] == "order-1");
  CHECK(doc["runId"] == "run-1");
  CHECK(doc["started"] == true);
  CHECK(doc["updateName"] == "add_item");
  CHECK(doc["updateId"] == "u-1");
  CHECK(doc["result"] == 3);
}

TEST_CASE("workflow start-update-with-start: a rejected update exits 12 with the failure; text shows both cards") {
  FakeCluster c;
  auto rejected = accepted("u-2");
  rejected.set_stage(enums::UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED);
  rejected.mutable_outcome()->mutable_failure()->set_message("value rejected: bad");
  c.then(multi("run-1", false, rejected));
  auto r = run_cli(c, with(with({"workflow", "start-update-with-start"}, kUws),
                           {"--update-id", "u-2", "--update-wait-for-stage", "accepted", "-o", "json"}));
  CHECK(r.code == 12);
  CHECK(nlohmann::json::parse(r.out)["failure"]["message"] == "value rejected: bad");
  auto err = nlohmann::json::parse(r.err.substr(r.err.find('\n') + 1));
  CHECK(err["error"]["kind"] == "update_failed");
  CHECK(err["error"]["details"]["failure"]["message"] == "value rejected: bad");

  FakeCluster t;
  t.then(multi("run-1", true, accepted("u-3")));
  auto text = run_cli(t, with(with({"workflow", "start-update-with-start"}, kUws),
                              {"--update-id", "u-3", "--update-wait-for-stage", "accepted"}));
  CHECK(text.code == 0);
  CHECK(text.out ==
        "Running execution:\n"
        "  WorkflowId  order-1\n"
        "  RunId       run-1\n"
        "  Type        Interactive\n"
        "  Namespace   default\n"
        "  TaskQueue   interactive-tasks\n"
        "  Started     true\n"
        "\n"
        "Update:\n"
        "  Name      add_item\n"
        "  UpdateId  u-3\n");
}

TEST_CASE("workflow start-update-with-start: asks again with a plain update while the server's poll ends early") {
  FakeCluster c;
  wsv::UpdateWorkflowExecutionResponse early;
  early.set_stage(enums::UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED);
  c.then(multi("run-1", true, early));
  c.then(accepted("u-4"));
  auto r = run_cli(c, with(with({"workflow", "start-update-with-start"}, kUws),
                           {"--update-id", "u-4", "--update-wait-for-stage", "accepted", "-o", "json"}));
  CHECK(r.code == 0);
  REQUIRE(c.requests<wsv::UpdateWorkflowExecutionRequest>().size() == 1);
  CHECK(c.requests<wsv::UpdateWorkflowExecutionRequest>()[0].request().meta().update_id() == "u-4");
  CHECK(c.requests<wsv::ExecuteMultiOperationRequest>().size() == 1);
}

TEST_CASE("update-with-start: bad input exits 2, names the flag, and sends nothing") {
  struct Case {
    std::vector<std::string> args;
    std::string needle;
  };
  const std::vector<std::string> exec{"workflow", "execute-update-with-start", "--type", "T", "-t", "q"};
  std::vector<Case> cases{
      {with(exec, {"-w", "w1", "--update-name", "u"}), "--id-conflict-policy"},
      {with(exec, {"-w", "w1", "--id-conflict-policy", "Fail"}), "--update-name"},
      {with(exec, {"--update-name", "u", "--id-conflict-policy", "Fail"}), "--workflow-id"},
      {with(exec, {"-w", "w1", "--update-name", "u", "--id-conflict-policy", "Fail", "--update-input", "{bad"}),
       "--update-input #1"},
      {with(exec, {"-w", "w1", "--update-name", "u", "--id-conflict-policy", "Fail", "--start-delay", "1m"}),
       "--start-delay"},
      {with(exec, {"-w", "w1", "--update-name", "u", "--id-conflict-policy", "Fail",
                   "--update-first-execution-run-id", "r0"}),
       "--update-first-execution-run-id"},
      {with(exec, {"-w", "w1", "--update-name", "u", "--id-conflict-policy", "Sometimes"}), "--id-conflict-policy"},
      {with(with({"workflow", "start-update-with-start"}, kUws), {}), "--update-wait-for-stage"},
  };
  for (const auto& tc : cases) {
    CAPTURE(tc.needle);
    FakeCluster c;
    auto r = run_cli(c, tc.args);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    // One line naming the flag (a parse error adds where to find the usage).
    CHECK(r.err.find("Error: ") == 0);
    CHECK(r.err.substr(0, r.err.find('\n')).find(tc.needle) != std::string::npos);
    CHECK(c.gateways_made == 0);
  }
}

TEST_CASE("priority and fairness: sent by start and signal-with-start; out of range is a usage error") {
  FakeCluster c;
  auto r = run_cli(c, {"workflow", "start", "--type", "T", "-t", "q", "-w", "w1", "--priority-key", "1",
                       "--fairness-key", "tenant-a", "--fairness-weight", "2.5"});
  CHECK(r.code == 0);
  auto p = c.requests<wsv::StartWorkflowExecutionRequest>().at(0).priority();
  CHECK(p.priority_key() == 1);
  CHECK(p.fairness_key() == "tenant-a");
  CHECK(p.fairness_weight() == doctest::Approx(2.5));

  run_cli(c, {"workflow", "start", "--type", "T", "-t", "q", "-w", "w2"});
  CHECK_FALSE(c.requests<wsv::StartWorkflowExecutionRequest>().at(1).has_priority());

  run_cli(c, {"workflow", "signal-with-start", "--type", "T", "-t", "q", "-w", "w3", "--signal-type", "s",
              "--priority-key", "4"});
  CHECK(c.requests<wsv::SignalWithStartWorkflowExecutionRequest>().at(0).priority().priority_key() == 4);

  std::vector<std::pair<std::string, std::string>> bad = {{"--priority-key", "0"},      {"--priority-key", "x"},
                                                          {"--priority-key", "1.5"},    {"--fairness-weight", "0"},
                                                          {"--fairness-weight", "1e9"}, {"--fairness-weight", "nan"},
                                                          {"--fairness-key", std::string(65, 'k')}};
  for (const auto& [flag, value] : bad) {
    CAPTURE(flag);
    CAPTURE(value);
    FakeCluster none;
    auto b = run_cli(none, {"workflow", "start", "--type", "T", "-t", "q", flag, value});
    CHECK(b.code == 2);
    CHECK(b.err.find(flag) != std::string::npos);
    CHECK(none.calls.empty());
  }
}
