// workflow start --from-file and workflow signal --from-file against the fake gateway: lines, defaults from the
// flags, per-line errors, resume, interruption, exit codes.
#include "fake_gateway.hpp"
#include "ops/bulk.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <condition_variable>
#include <mutex>
#include <set>

#include "temporal/api/enums/v1/workflow.pb.h"
#include "temporal/api/errordetails/v1/message.pb.h"

using namespace twctl;
using namespace twctl::testing;
namespace enums = temporal::api::enums::v1;

namespace {

std::vector<nlohmann::json> results(const std::string& out) {
  std::vector<nlohmann::json> rows;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) rows.push_back(nlohmann::json::parse(line));
  return rows;
}

// The results by line number.
std::map<int, nlohmann::json> by_line(const std::string& out) {
  std::map<int, nlohmann::json> m;
  for (auto& r : results(out)) m[r["line"].get<int>()] = r;
  return m;
}

void answer_started(FakeCluster& c) {
  c.respond = [](const gp::Message& req, gp::Message& resp) {
    const auto* s = dynamic_cast<const wsv::StartWorkflowExecutionRequest*>(&req);
    if (!s) return false;
    auto& r = static_cast<wsv::StartWorkflowExecutionResponse&>(resp);
    r.set_run_id("run-" + s->workflow_id());
    r.set_started(true);
    return true;
  };
}

}  // namespace

TEST_CASE("bulk: a line's keys are the flags' long names or their camelCase forms") {
  CHECK(ops::flag_for_key("workflow-id") == "workflow-id");
  CHECK(ops::flag_for_key("workflowId") == "workflow-id");
  CHECK(ops::flag_for_key("searchAttribute") == "search-attribute");
  CHECK(ops::flag_for_key("input") == "input");
  CHECK(ops::flag_for_key("workflow_id").empty());
  CHECK(ops::flag_for_key("Workflow-Id").empty());
  CHECK(ops::flag_for_key("workflow-Id").empty());
  CHECK(ops::flag_for_key("-input").empty());
  CHECK(ops::flag_for_key("input-").empty());
  CHECK(ops::flag_for_key("").empty());
}

TEST_CASE("bulk: start --from-file sends one start per line, flags as defaults, and writes one result per line") {
  TempDir dir;
  auto file = dir.write("jobs.jsonl",
                        "{\"workflow-id\": \"a\", \"input\": [\"x\", {\"n\": 1}]}\n"
                        "\n"
                        "{\"workflowId\": \"b\", \"taskQueue\": \"other\", \"type\": \"Other\", \"memo\": {\"k\": [1]},"
                        " \"searchAttribute\": {\"CustomKeywordField\": \"v\"}, \"executionTimeout\": \"1h\","
                        " \"idReusePolicy\": \"RejectDuplicate\", \"priority-key\": 2}\r\n"
                        "{\"workflow-id\": \"c\", \"input-meta\": \"encoding=json/plain\"}");
  FakeCluster c;
  answer_started(c);
  auto r = run_cli(c, {"workflow", "start", "--type", "Hello", "-t", "q", "-i", "\"default\"", "--memo", "m=1",
                       "--from-file", file, "--concurrency", "2"});
  CHECK(r.code == 0);
  CHECK(r.err == "3 workflow start(s): 3 started\n");
  auto starts = c.requests<wsv::StartWorkflowExecutionRequest>();
  REQUIRE(starts.size() == 3);
  std::map<std::string, wsv::StartWorkflowExecutionRequest> by_id;
  for (auto& s : starts) by_id[s.workflow_id()] = s;
  const auto& a = by_id.at("a");
  CHECK(a.workflow_type().name() == "Hello");
  CHECK(a.task_queue().name() == "q");
  REQUIRE(a.input().payloads_size() == 2);  // the line's input replaces the flag's
  CHECK(a.input().payloads(0).data() == "\"x\"");
  CHECK(a.input().payloads(1).data() == "{\"n\":1}");
  CHECK(a.memo().fields().at("m").data() == "1");
  const auto& b = by_id.at("b");
  CHECK(b.workflow_type().name() == "Other");
  CHECK(b.task_queue().name() == "other");
  CHECK(b.input().payloads(0).data() == "\"default\"");
  CHECK(b.memo().fields().size() == 1);
  CHECK(b.memo().fields().at("k").data() == "[1]");
  CHECK(b.search_attributes().indexed_fields().at("CustomKeywordField").data() == "\"v\"");
  CHECK(b.workflow_execution_timeout().seconds() == 3600);
  CHECK(b.workflow_id_reuse_policy() == enums::WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE);
  CHECK(b.priority().priority_key() == 2);
  CHECK(by_id.at("c").input().payloads(0).metadata().at("encoding") == "json/plain");
  // Each start has a request ID of its own.
  CHECK(std::set<std::string>{starts[0].request_id(), starts[1].request_id(), starts[2].request_id()}.size() == 3);

  auto rows = by_line(r.out);
  REQUIRE(rows.size() == 3);
  CHECK(rows.at(1) == nlohmann::json{{"line", 1}, {"workflowId", "a"}, {"runId", "run-a"}, {"status", "started"}});
  CHECK(rows.at(3)["workflowId"] == "b");
  CHECK(rows.at(4)["runId"] == "run-c");
}

TEST_CASE("bulk: a bad line is that line's failure, reported in its result; the others go on; exit 11") {
  TempDir dir;
  auto file = dir.write("jobs.jsonl",
                        "{\"workflow-id\": \"ok\"}\n"
                        "{\"workflow-id\": \"unknown\", \"colour\": \"red\"}\n"
                        "{\"workflow-id\": \"timeout\", \"run-timeout\": \"soon\"}\n"
                        "not json\n"
                        "[1, 2]\n"
                        "{\"workflow-id\": \"input\", \"input\": \"not an array\"}\n"
                        "{\"workflow-id\": \"twice\", \"taskQueue\": \"a\", \"task-queue\": \"b\"}\n"
                        "{\"workflow-id\": \"\"}\n"
                        "{\"workflow-id\": \"policy\", \"id-conflict-policy\": \"Sometimes\"}\n"
                        "{\"workflow-id\": \"stdin\", \"input-file\": \"-\"}\n"
                        "{\"workflow-id\": \"refused\"}\n");
  FakeCluster c;
  answer_started(c);
  c.on_call = [](const gp::Message& req) {
    const auto* s = dynamic_cast<const wsv::StartWorkflowExecutionRequest*>(&req);
    if (s && s->workflow_id() == "refused") throw Error(ErrorKind::Rejected, "task queue name is invalid");
  };
  auto r = run_cli(c, {"workflow", "start", "--type", "T", "-t", "q", "--from-file", file});
  CHECK(r.code == 11);
  auto rows = by_line(r.out);
  REQUIRE(rows.size() == 11);
  CHECK(rows.at(1)["status"] == "started");
  auto error_of = [&](int line) {
    CAPTURE(line);
    CHECK(rows.at(line)["status"] == "failed");
    return rows.at(line)["error"].get<std::string>();
  };
  CHECK(error_of(2).find("unknown key \"colour\"") != std::string::npos);
  CHECK(rows.at(2)["workflowId"] == "unknown");
  CHECK(rows.at(2)["kind"] == "usage");
  CHECK(error_of(3).find("--run-timeout") != std::string::npos);
  CHECK(error_of(4).find("syntax error") != std::string::npos);
  CHECK(error_of(5) == "the line is not a JSON object");
  CHECK(error_of(6).find("\"input\": an array") != std::string::npos);
  CHECK(error_of(7).find("are the same key") != std::string::npos);
  CHECK(error_of(8) == "\"workflow-id\": the value is empty");
  CHECK(error_of(9).find("Sometimes") != std::string::npos);
  CHECK(error_of(10).find("standard input") != std::string::npos);
  CHECK(error_of(11) == "task queue name is invalid");
  CHECK(rows.at(11)["kind"] == "rejected");
  // Only the good lines reached the cluster (the refused one was refused before the fake recorded it).
  CHECK(c.requests<wsv::StartWorkflowExecutionRequest>().size() == 1);
  CHECK(r.err.find("Error: 10 of 11 line(s) failed") != std::string::npos);
}

TEST_CASE("bulk: an ID already running counts as done (already-started), so a rerun succeeds") {
  TempDir dir;
  auto file = dir.write("jobs.jsonl", "{\"workflow-id\": \"a\"}\n{\"workflow-id\": \"b\"}\n");
  FakeCluster c;
  answer_started(c);
  Error running(ErrorKind::AlreadyExists, "a workflow with this ID is already running");
  running.details = nlohmann::ordered_json::array({{{"type", "WorkflowExecutionAlreadyStartedFailure"},
                                                    {"startRequestId", "x"},
                                                    {"runId", "run-old"}}});
  c.fail_next<wsv::StartWorkflowExecutionRequest>({running});
  auto r = run_cli(c, {"workflow", "start", "--type", "T", "-t", "q", "--from-file", file, "--concurrency", "1"});
  CHECK(r.code == 0);
  auto rows = by_line(r.out);
  CHECK(rows.at(1) ==
        nlohmann::json{{"line", 1}, {"workflowId", "a"}, {"runId", "run-old"}, {"status", "already-started"}});
  CHECK(rows.at(2)["status"] == "started");
  CHECK(r.err == "2 workflow start(s): 1 already-started, 1 started\n");
}

TEST_CASE("bulk: --resume-from skips the lines an earlier run's results say succeeded") {
  TempDir dir;
  auto file = dir.write("jobs.jsonl", "{\"workflow-id\": \"a\"}\n{\"workflow-id\": \"b\"}\n{\"workflow-id\": \"c\"}\n"
                                      "{\"workflow-id\": \"d\"}\n");
  auto earlier = dir.write("results.jsonl",
                           "{\"line\":1,\"workflowId\":\"a\",\"runId\":\"r\",\"status\":\"started\"}\n"
                           "{\"line\":2,\"workflowId\":\"b\",\"runId\":\"\",\"status\":\"failed\",\"error\":\"x\"}\n"
                           "{\"line\":4,\"workflowId\":\"d\",\"runId\":\"r\",\"status\":\"already-started\"}\n"
                           "{\"line\":3,\"workflowId\":\"c\",\"ru");  // cut short by a crash
  FakeCluster c;
  answer_started(c);
  auto r = run_cli(c, {"workflow", "start", "--type", "T", "-t", "q", "--from-file", file, "--resume-from", earlier});
  CHECK(r.code == 0);
  std::set<std::string> sent;
  for (auto& s : c.requests<wsv::StartWorkflowExecutionRequest>()) sent.insert(s.workflow_id());
  CHECK(sent == std::set<std::string>{"b", "c"});
  CHECK(by_line(r.out).size() == 2);
  CHECK(r.err == "2 workflow start(s): 2 started; 2 line(s) skipped (--resume-from)\n");

  FakeCluster bad;
  auto garbage = dir.write("garbage.txt", "hello\nworld\n");
  auto g = run_cli(bad, {"workflow", "start", "--type", "T", "-t", "q", "--from-file", file, "--resume-from", garbage});
  CHECK(g.code == 2);
  CHECK(g.err.find("--resume-from " + garbage + ": line 1 is not a result") != std::string::npos);
  CHECK(bad.gateways_made == 0);
}

TEST_CASE("bulk: a file that cannot be read or whose first line is not an object is a usage error; nothing sent") {
  TempDir dir;
  auto text = dir.write("names.txt", "\n  \nalpha\n{\"workflow-id\": \"a\"}\n");
  auto empty = dir.write("empty.jsonl", "");
  struct Case {
    std::vector<std::string> extra;
    std::string message;
    int code;
  };
  for (const auto& tc : std::vector<Case>{
           {{"--from-file", text}, "--from-file " + text + ": line 3 is not a JSON object", 2},
           {{"--from-file", dir.path.string() + "/missing.jsonl"}, "missing.jsonl: the file does not exist", 2},
           {{"--from-file", dir.path.string()}, "the file is a directory", 2},
           {{"--from-file", empty, "--concurrency", "0"}, "--concurrency must be from 1 to 1024", 2},
           {{"--from-file", empty, "--rps", "-1"}, "--rps must not be negative", 2},
           {{"--from-file", empty, "-w", "x"}, "--workflow-id cannot be every line's default", 2},
           {{"--from-file", empty, "--input-file", "-"}, "--input-file -: standard input", 2},
           {{"--concurrency", "4"}, "--concurrency is for --from-file", 2},
           {{"--resume-from", empty}, "--resume-from is for --from-file", 2},
       }) {
    CAPTURE(tc.message);
    FakeCluster c;
    std::vector<std::string> args{"workflow", "start", "--type", "T", "-t", "q"};
    args.insert(args.end(), tc.extra.begin(), tc.extra.end());
    auto r = run_cli(c, args);
    CHECK(r.code == tc.code);
    CHECK(r.err.find(tc.message) != std::string::npos);
    CHECK(r.out.empty());
    CHECK(c.gateways_made == 0);
  }
  // Without --from-file, --type and --task-queue are required as before.
  FakeCluster c;
  auto r = run_cli(c, {"workflow", "start", "--type", "T"});
  CHECK(r.code == 2);
  CHECK(r.err.find("--task-queue is required") != std::string::npos);
  // An empty file is nothing to do.
  auto e = run_cli(c, {"workflow", "start", "--from-file", empty});
  CHECK(e.code == 0);
  CHECK(e.out.empty());
}

TEST_CASE("bulk: signal --from-file signals each line's workflow; -w and --name are defaults") {
  TempDir dir;
  auto file = dir.write("signals.jsonl",
                        "{\"workflow-id\": \"a\", \"input\": [\"apple\"]}\n"
                        "{\"workflowId\": \"b\", \"runId\": \"rb\", \"name\": \"finish\"}\n"
                        "{\"input\": [1, 2]}\n"
                        "{\"workflow-id\": \"d\", \"memo\": {}}\n");
  FakeCluster c;
  c.answer<wsv::SignalWorkflowExecutionResponse>();
  auto r = run_cli(c, {"workflow", "signal", "--name", "add", "-w", "shared", "--from-file", file, "-o", "jsonl"});
  CHECK(r.code == 11);
  auto sent = c.requests<wsv::SignalWorkflowExecutionRequest>();
  REQUIRE(sent.size() == 3);
  std::map<std::string, wsv::SignalWorkflowExecutionRequest> by_id;
  for (auto& s : sent) by_id[s.workflow_execution().workflow_id()] = s;
  CHECK(by_id.at("a").signal_name() == "add");
  CHECK(by_id.at("a").input().payloads(0).data() == "\"apple\"");
  CHECK(by_id.at("b").signal_name() == "finish");
  CHECK(by_id.at("b").workflow_execution().run_id() == "rb");
  CHECK(by_id.at("shared").input().payloads_size() == 2);
  auto rows = by_line(r.out);
  CHECK(rows.at(2) == nlohmann::json{{"line", 2}, {"workflowId", "b"}, {"runId", "rb"}, {"status", "signaled"}});
  CHECK(rows.at(4)["status"] == "failed");
  CHECK(rows.at(4)["error"].get<std::string>().find("unknown key \"memo\"") != std::string::npos);

  FakeCluster none;
  auto q = run_cli(none, {"workflow", "signal", "-q", "WorkflowId='x'", "--name", "add", "--from-file", file});
  CHECK(q.code == 2);
  CHECK(none.gateways_made == 0);
  auto n = run_cli(none, {"workflow", "signal", "-w", "x"});
  CHECK(n.code == 2);
  CHECK(n.err.find("--name is required") != std::string::npos);
}

TEST_CASE("bulk: --concurrency calls are in flight at once, never more") {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 12; ++i) lines += "{\"workflow-id\": \"w" + std::to_string(i) + "\"}\n";
  auto file = dir.write("jobs.jsonl", lines);
  for (int concurrency : {4, 1}) {
    CAPTURE(concurrency);
    FakeCluster c;
    answer_started(c);
    std::mutex mu;
    std::condition_variable cv;
    int now = 0, peak = 0;
    c.on_call = [&](const gp::Message&) {
      std::unique_lock lock(mu);
      peak = std::max(peak, ++now);
      cv.notify_all();
      // Held until `concurrency` calls are in flight together (at most 10 s: a failure, not a hang).
      cv.wait_for(lock, std::chrono::seconds(10), [&] { return peak >= concurrency; });
      --now;
    };
    auto r = run_cli(c, {"workflow", "start", "--type", "T", "-t", "q", "--from-file", file, "--concurrency",
                         std::to_string(concurrency)});
    CHECK(r.code == 0);
    CHECK(peak == concurrency);
    CHECK(results(r.out).size() == 12);
  }
}

TEST_CASE("bulk: Ctrl-C stops reading lines; the results so far are written; exit 130") {
  TempDir dir;
  auto file = dir.write("jobs.jsonl", "{\"workflow-id\": \"a\"}\n{\"workflow-id\": \"b\"}\n{\"workflow-id\": \"c\"}\n");
  FakeCluster c;
  answer_started(c);
  CancelToken* cancel = nullptr;
  c.on_call = [&](const gp::Message&) { cancel->cancel(); };
  auto r = run_cli(c, {"workflow", "start", "--type", "T", "-t", "q", "--from-file", file, "--concurrency", "1"}, {},
                   {}, [&](Context& ctx) { cancel = &ctx.cancel; });
  CHECK(r.code == 130);
  CHECK(c.requests<wsv::StartWorkflowExecutionRequest>().size() == 1);
  auto rows = results(r.out);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["workflowId"] == "a");
  CHECK(r.err.find("--resume-from") != std::string::npos);
}

TEST_CASE("bulk: --rps spaces the calls' beginnings; -o none writes no results") {
  TempDir dir;
  auto file = dir.write("jobs.jsonl", "{}\n{}\n{}\n{}\n{}\n");
  FakeCluster c;
  answer_started(c);
  std::chrono::milliseconds paused{0};
  auto r = run_cli(c, {"workflow", "start", "--type", "T", "-t", "q", "--from-file", file, "--rps", "4", "-o", "none"},
                   {}, {}, [&](Context& ctx) {
                     auto now = ctx.now();
                     auto clock = std::make_shared<TimePoint>(now);
                     ctx.now = [clock] { return *clock; };
                     ctx.pause = [clock, &paused](std::chrono::milliseconds d) {
                       *clock += d;
                       paused += d;
                       return true;
                     };
                   });
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(c.requests<wsv::StartWorkflowExecutionRequest>().size() == 5);
  // Five beginnings 250 ms apart: four pauses between them (the fake clock moves only when paused).
  CHECK(paused == std::chrono::milliseconds(1000));
}

TEST_CASE("bulk: a progress line on stderr when it is a terminal, with the lines done of all") {
  TempDir dir;
  auto file = dir.write("jobs.jsonl", "{}\n{}\n{}\n");
  FakeCluster c;
  answer_started(c);
  auto r = run_cli(c, {"workflow", "start", "--type", "T", "-t", "q", "--from-file", file}, {}, {},
                   [](Context& ctx) { ctx.stderr_tty = true; });
  CHECK(r.code == 0);
  CHECK(r.err.find("\r\x1b[K3/3 lines, 0 failed\n") != std::string::npos);
  CHECK(results(r.out).size() == 3);
}
