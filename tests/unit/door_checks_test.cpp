// The validation layer at the door, across the whole tree: empty values, over-long IDs, unknown flags, PEM,
// codec URLs, temporal.toml types, durations; and the messages of the mistakes found by trying.
#include "app/context.hpp"
#include "cli/app.hpp"
#include "client/status.hpp"
#include "config/mask.hpp"
#include "core/duration.hpp"
#include "core/files.hpp"
#include "core/pem.hpp"
#include "core/url.hpp"
#include "fake_gateway.hpp"
#include "temp_dir.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>
#include <grpcpp/support/status.h>

#include <filesystem>
#include <fstream>

#include "temporal/api/enums/v1/workflow.pb.h"
#include "temporal/api/errordetails/v1/message.pb.h"
#include "google/rpc/status.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

using namespace twctl;
using namespace twctl::testing;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

const char* kCert = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2Vy\ndA==\n-----END CERTIFICATE-----\n";
const char* kKey = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEG\n-----END PRIVATE KEY-----\n";

// Every command of the tree with its path words ("workflow", "describe").
void leaves(const CLI::App& app, std::vector<std::string> path, std::vector<std::pair<std::vector<std::string>, const CLI::App*>>& out) {
  auto subs = app.get_subcommands({});
  if (subs.empty()) out.emplace_back(path, &app);
  for (const auto* sub : subs) {
    auto p = path;
    p.push_back(sub->get_name());
    leaves(*sub, p, out);
  }
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

}  // namespace

TEST_CASE("door: an explicit empty value is a usage error for every flag that takes one, in every command") {
  auto tree = cli::build_tree();
  std::vector<std::pair<std::vector<std::string>, const CLI::App*>> commands;
  leaves(*tree->app, {}, commands);
  REQUIRE(commands.size() > 40);
  size_t checked = 0;
  for (const auto& [path, cmd] : commands) {
    std::vector<const CLI::App*> chain;
    for (const auto* a = cmd; a; a = a->get_parent()) chain.push_back(a);
    for (const auto* a : chain) {
      // The global flags once (with a command that connects), every command's own flags each.
      if (a != cmd && (a->get_parent() || path != std::vector<std::string>{"workflow", "count"})) continue;
      for (const auto* opt : a->get_options()) {
        if (opt->get_type_size() == 0 || opt->get_expected_min() == 0) continue;  // a flag without a value
        std::string name = !opt->get_lnames().empty()   ? "--" + opt->get_lnames().front()
                           : !opt->get_snames().empty() ? "-" + opt->get_snames().front()
                                                        : "";
        auto args = path;
        if (!name.empty()) args.push_back(name);
        args.push_back("");
        CAPTURE(args);
        FakeCluster c;
        auto r = run_cli(c, args);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(first_line(r.err) == "Error: " + (name.empty() ? opt->get_name(true) : name) + ": the value is empty");
        CHECK(c.gateways_made == 0);
        ++checked;
      }
    }
  }
  CHECK(checked > 150);
}

TEST_CASE("door: an empty environment variable means unset, as in the shell") {
  FakeCluster c;
  wsv::CountWorkflowExecutionsResponse count;
  count.set_count(1);
  c.answer<wsv::CountWorkflowExecutionsResponse>() = count;
  auto r = run_cli(c, {"workflow", "count"}, {{"TEMPORAL_NAMESPACE", ""}, {"TEMPORAL_ADDRESS", ""}});
  CHECK(r.code == 0);
  REQUIRE(c.requests<wsv::CountWorkflowExecutionsRequest>().size() == 1);
  CHECK(c.requests<wsv::CountWorkflowExecutionsRequest>()[0].namespace_() == "default");
}

TEST_CASE("door: IDs and names longer than the server's limit.maxIDLength name the flag and the limit") {
  std::string long_id(1001, 'a');
  std::vector<std::vector<std::string>> cases{
      {"workflow", "describe", "-w", long_id},
      {"workflow", "start", "--type", long_id, "-t", "q"},
      {"workflow", "start", "--type", "T", "-t", long_id},
      {"workflow", "signal", "-w", "w", "--name", long_id},
      {"workflow", "update", "result", "-w", "w", "--update-id", long_id},
      {"batch", "describe", "--job-id", long_id},
      {"workflow", "count", "-n", long_id},
      {"workflow", "describe", "-w", "w", "-r", std::string(70000, 'r')},
  };
  for (const auto& args : cases) {
    CAPTURE(args[1]);
    FakeCluster c;
    auto r = run_cli(c, args);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("bytes long; the server accepts at most 1000 (limit.maxIDLength)") != std::string::npos);
    CHECK(c.gateways_made == 0);
  }
  FakeCluster c;
  c.answer<wsv::DescribeWorkflowExecutionResponse>();
  CHECK(run_cli(c, {"workflow", "describe", "-w", std::string(1000, 'a')}).code == 0);  // the limit itself passes
  auto env = run_cli(c, {"workflow", "count"}, {{"TEMPORAL_NAMESPACE", long_id}});
  CHECK(env.code == 2);
  CHECK(first_line(env.err).rfind("Error: TEMPORAL_NAMESPACE: the value is 1001 bytes long", 0) == 0);
}

TEST_CASE("door: an unknown flag is reported before a missing required one, with the closest known flag") {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  std::vector<Case> cases{
      {{"workflow", "describe", "--workflowid", "x"}, "unknown flag --workflowid (did you mean --workflow-id?)"},
      {{"workflow", "start", "--type", "T", "--task-queu", "q"}, "unknown flag --task-queu (did you mean --task-queue?)"},
      {{"workflow", "list", "--limt", "3"}, "unknown flag --limt (did you mean --limit?)"},
      {{"workflow", "count", "--adress", "h:1"}, "unknown flag --adress (did you mean --address?)"},
      {{"workflow", "describe", "-w", "x", "--zzzzzzzzzzzz"}, "unknown flag --zzzzzzzzzzzz"},
      {{"workflow", "describe", "-Z"}, "unknown flag -Z"},
      {{"workflow", "--foo"}, "unknown flag --foo"},  // before "needs a command"; too far from any flag to suggest
  };
  for (const auto& tc : cases) {
    CAPTURE(tc.args);
    FakeCluster c;
    auto r = run_cli(c, tc.args);
    CHECK(r.code == 2);
    CHECK(first_line(r.err) == "Error: " + tc.message);
    CHECK(c.gateways_made == 0);
  }
  // A flag's value is not a mistyped command.
  FakeCluster g;
  auto group = run_cli(g, {"workflow", "--address", "h:1"});
  CHECK(first_line(group.err).rfind("Error: \"twctl workflow\" needs a command: start, ", 0) == 0);
}

TEST_CASE("door: durations reject overflow; --command-timeout 0s means no bound") {
  CHECK_THROWS_WITH_AS(parse_duration("--start-delay", "99999999999999999h"),
                       doctest::Contains("too long (over 292 years)"), Error);
  CHECK_THROWS_AS(parse_duration("--x", "106752d"), Error);
  CHECK(parse_duration("--x", "106751d") > std::chrono::hours(24 * 106750));
  std::istringstream in;
  std::ostringstream out, err;
  CancelToken cancel;
  Context ctx(in, out, err, cancel);
  ctx.env = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  cli::RawGlobals raw;
  raw.command_timeout = "0s";
  CHECK(!cli::resolve_globals(raw, ctx).connection.deadline);
  raw.command_timeout = "99999999999999999h";
  CHECK_THROWS_AS(cli::resolve_globals(raw, ctx), Error);
  raw.command_timeout = "100000d";  // past the clock's range from now: no bound rather than an overflow
  CHECK(!cli::resolve_globals(raw, ctx).connection.deadline);
  raw.command_timeout = "5s";
  CHECK(cli::resolve_globals(raw, ctx).connection.deadline);
  FakeCluster c;
  auto r = run_cli(c, {"workflow", "count", "--command-timeout", "99999999999999999h"});
  CHECK(r.code == 2);
  CHECK(first_line(r.err).find("--command-timeout") != std::string::npos);
}

TEST_CASE("pem: blocks are counted, and what is not PEM is said in words") {
  auto s = inspect_pem(std::string(kCert) + kCert + kKey);
  CHECK(s.problem.empty());
  CHECK(s.certificates == 2);
  CHECK(s.keys == 1);
  CHECK(describe_pem(std::string(kCert) + kCert) == "(PEM, 2 certificates)");
  CHECK(describe_pem(kKey) == "(PEM, 1 private key)");
  CHECK(describe_pem("hello") == "(not PEM)");
  CHECK(inspect_pem("").problem == "is not PEM (no -----BEGIN line)");
  CHECK(inspect_pem("{\"json\": 1}").problem == "is not PEM (no -----BEGIN line)");
  CHECK(inspect_pem("-----BEGIN CERTIFICATE-----\nMIIB\n").problem.find("no -----END CERTIFICATE----- line") !=
        std::string::npos);
  CHECK(inspect_pem("-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n").problem.find("not base64") !=
        std::string::npos);
  CHECK(inspect_pem("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n").keys == 1);
}

TEST_CASE("door: TLS material is checked as PEM before any connection, naming the flag and the file") {
  TempDir dir;
  auto cert = dir.write("cert.pem", kCert);
  auto key = dir.write("key.pem", kKey);
  auto text = dir.write("notes.txt", "not a certificate\n");
  struct Case {
    std::vector<std::string> args;
    std::vector<std::pair<std::string, std::string>> env;
    std::string message;
  };
  std::vector<Case> cases{
      {{"--tls-ca-path", dir.path.string()}, {}, "--tls-ca-path: the file " + dir.path.string() + " is a directory"},
      {{"--tls-ca-path", text}, {}, "--tls-ca-path: the file " + text + " is not PEM (no -----BEGIN line)"},
      {{"--tls-cert-path", key, "--tls-key-path", key}, {}, "--tls-cert-path: the file " + key + " holds no PEM certificate"},
      {{"--tls-cert-path", cert, "--tls-key-path", cert}, {}, "--tls-key-path: the file " + cert + " holds no PEM private key"},
      {{"--tls-ca-path", dir.path.string() + "/missing.pem"}, {}, "--tls-ca-path: the file " + dir.path.string() + "/missing.pem does not exist"},
      {{"--tls-ca-data", "hello"}, {}, "--tls-ca-data: the value is not PEM"},
      {{}, {{"TEMPORAL_TLS_SERVER_CA_CERT_PATH", text}}, "TEMPORAL_TLS_SERVER_CA_CERT_PATH: the file " + text + " is not PEM"},
      {{}, {{"TEMPORAL_TLS_CLIENT_KEY_DATA", "s3cr3t-not-pem"}}, "TEMPORAL_TLS_CLIENT_KEY_DATA: the value is not PEM"},
  };
  for (const auto& tc : cases) {
    CAPTURE(tc.message);
    FakeCluster c;
    std::vector<std::string> args{"workflow", "count"};
    args.insert(args.end(), tc.args.begin(), tc.args.end());
    auto r = run_cli(c, args, tc.env);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(first_line(r.err).rfind("Error: " + tc.message, 0) == 0);
    CHECK(r.err.find("s3cr3t") == std::string::npos);
    CHECK(c.gateways_made == 0);
  }
  FakeCluster c;
  c.answer<wsv::CountWorkflowExecutionsResponse>();
  CHECK(run_cli(c, {"workflow", "count", "--tls-cert-path", cert, "--tls-key-path", key, "--tls-ca-path", cert}).code == 0);
}

TEST_CASE("url: http(s) URLs only; credentials found and masked") {
  CHECK(http_url_problem("https://codec.example.com/ns").empty());
  CHECK(http_url_problem("http://u:p@127.0.0.1:8080").empty());
  CHECK(http_url_problem("http://[::1]:80/x").empty());
  CHECK(!http_url_problem("codec.example.com").empty());
  CHECK(http_url_problem("ftp://h/x").find("scheme must be http or https") != std::string::npos);
  CHECK(http_url_problem("http:///x").find("no host") != std::string::npos);
  CHECK(http_url_problem("http://h:99999").find("port") != std::string::npos);
  CHECK(http_url_problem("http://h x").find("space") != std::string::npos);
  CHECK(url_userinfo("http://u:p4ss@h/x") == "u:p4ss");
  CHECK(url_userinfo("http://h/x@y").empty());
  CHECK(url_without_credentials("https://u:p4ss@h:1/x") == "https://********@h:1/x");
  CHECK(url_without_credentials("https://h/x") == "https://h/x");
}

TEST_CASE("door: the codec endpoint must be an http(s) URL; its credentials never show") {
  FakeCluster c;
  auto bad = run_cli(c, {"workflow", "count", "--codec-endpoint", "codec.local:8080"});
  CHECK(bad.code == 2);
  CHECK(first_line(bad.err) == "Error: --codec-endpoint: the value is not an http(s) URL (e.g. https://codec.example.com)");
  CHECK(c.gateways_made == 0);
  auto env = run_cli(c, {"workflow", "count"}, {{"TEMPORAL_CODEC_ENDPOINT", "ftp://x"}});
  CHECK(first_line(env.err).rfind("Error: TEMPORAL_CODEC_ENDPOINT: the value is not an http(s) URL", 0) == 0);
  auto settings = run_cli(c, {"settings", "--codec-endpoint", "http://ann:pa55word@codec.local/x"});
  CHECK(settings.code == 0);
  CHECK(settings.out.find("http://********@codec.local/x") != std::string::npos);
  CHECK(settings.out.find("pa55word") == std::string::npos);
  auto json = run_cli(c, {"settings", "-o", "json", "--codec-endpoint", "http://ann:pa55word@codec.local/x"});
  CHECK(json.out.find("pa55word") == std::string::npos);
}

TEST_CASE("door: settings summarise PEM text instead of printing it") {
  FakeCluster c;
  auto r = run_cli(c, {"settings", "--tls-cert-data", std::string(kCert) + kCert, "--tls-key-data", kKey,
                       "--tls-ca-data", kCert});
  CHECK(r.code == 0);
  CHECK(r.out.find("(PEM, 2 certificates)") != std::string::npos);
  CHECK(r.out.find("(PEM, 1 certificate)") != std::string::npos);
  CHECK(r.out.find("MIIB") == std::string::npos);
  CHECK(r.out.find("BEGIN") == std::string::npos);
  TempDir dir;
  auto file = dir.write("t.toml", "[profile.default.tls]\nclient_cert_data = \"\"\"\n" + std::string(kCert) + "\"\"\"\n");
  auto get = run_cli(c, {"config", "get", "-p", "tls.client_cert_data"}, {{"TEMPORAL_CONFIG_FILE", file}});
  CHECK(get.code == 0);
  CHECK(get.out.find("(PEM, 1 certificate)") != std::string::npos);
  CHECK(get.out.find("BEGIN") == std::string::npos);
  auto reveal = run_cli(c, {"config", "get", "-p", "tls.client_cert_data", "--reveal", "-o", "json"},
                        {{"TEMPORAL_CONFIG_FILE", file}});
  CHECK(reveal.out.find("BEGIN CERTIFICATE") != std::string::npos);
  CHECK(config::displayed("tls.client_cert_data", kCert) == "(PEM, 1 certificate)");
  CHECK(config::displayed("tls.client_key_data", kKey) == "********");
  CHECK(config::displayed("address", "h:1") == "h:1");
}

TEST_CASE("door: --grpc-meta with ':' instead of '=' does not echo the value") {
  FakeCluster c;
  auto r = run_cli(c, {"workflow", "count", "--grpc-meta", "authorization:Bearer s3cr3t"});
  CHECK(r.code == 2);
  CHECK(first_line(r.err) == "Error: --grpc-meta takes KEY=VALUE; the value given has no '='");
  CHECK(r.err.find("s3cr3t") == std::string::npos);
  CHECK(r.err.find("Bearer") == std::string::npos);
}

TEST_CASE("door: temporal.toml values of the wrong type are errors naming file, profile and key") {
  TempDir dir;
  struct Case {
    std::string toml;
    std::string message;
  };
  std::vector<Case> cases{
      {"[profile.default]\naddress = 5\n", "profile \"default\" key address must be a string, not an integer"},
      {"[profile.default]\napi_key = true\n", "profile \"default\" key api_key must be a string, not a boolean"},
      {"[profile.default.tls]\ndisabled = \"yes\"\n",
       "profile \"default\" key tls.disabled must be true or false, not a string"},
      {"[profile.default.tls]\nserver_name = 1.5\n", "profile \"default\" key tls.server_name must be a string, not a number"},
      {"[profile.default.grpc_meta]\nx-team = [1]\n", "profile \"default\" key grpc_meta.x-team must be a string, not an array"},
      {"[profile.default]\ntls = true\n", "profile \"default\" key tls must be a table ([profile.default.tls]), not a boolean"},
  };
  for (const auto& tc : cases) {
    CAPTURE(tc.toml);
    auto file = dir.write("t.toml", tc.toml);
    FakeCluster c;
    auto r = run_cli(c, {"workflow", "count"}, {{"TEMPORAL_CONFIG_FILE", file}});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(first_line(r.err) == "Error: the config file " + file + ": " + tc.message);
    CHECK(c.gateways_made == 0);
    // settings shows no coerced value: the profile is not read, and says why.
    auto s = run_cli(c, {"settings"}, {{"TEMPORAL_CONFIG_FILE", file}});
    CHECK(s.code == 0);
    CHECK(s.err.find(tc.message) != std::string::npos);
    CHECK(s.out.find("profile default") == std::string::npos);
    CHECK(s.out.find("(not read)") != std::string::npos);
    CHECK(s.out.find("(not found)") == std::string::npos);  // the file is there; its problem is printed
  }
  // Keys other tools put in the file are left alone.
  auto file = dir.write("t.toml", "[profile.default]\naddress = \"h:1\"\nsomething_else = 5\n");
  FakeCluster c;
  c.answer<wsv::CountWorkflowExecutionsResponse>();
  CHECK(run_cli(c, {"workflow", "count"}, {{"TEMPORAL_CONFIG_FILE", file}}).code == 0);
}

TEST_CASE("messages: a cron start sends no start delay; --start-delay with --cron is refused before sending") {
  FakeCluster c;
  wsv::StartWorkflowExecutionResponse started;
  started.set_run_id("r1");
  started.set_started(true);
  c.answer<wsv::StartWorkflowExecutionResponse>() = started;
  auto r = run_cli(c, {"workflow", "start", "--type", "T", "-t", "q", "-w", "w", "--cron", "* * * * *"});
  CHECK(r.code == 0);
  auto sent = c.requests<wsv::StartWorkflowExecutionRequest>();
  REQUIRE(sent.size() == 1);
  const auto& req = sent[0];
  CHECK(!req.has_workflow_start_delay());
  CHECK(!req.has_workflow_execution_timeout());
  CHECK(!req.has_workflow_run_timeout());
  FakeCluster c2;
  auto both = run_cli(c2, {"workflow", "start", "--type", "T", "-t", "q", "--cron", "* * * * *", "--start-delay", "1m"});
  CHECK(both.code == 2);
  CHECK(first_line(both.err) == "Error: --cron and --start-delay cannot be used together");
  CHECK(c2.gateways_made == 0);
}

TEST_CASE("messages: reset -e 0 says event IDs start at 1") {
  FakeCluster c;
  auto r = run_cli(c, {"workflow", "reset", "-w", "w", "-e", "0", "--reason", "r"});
  CHECK(r.code == 2);
  CHECK(first_line(r.err) == "Error: --event-id: event IDs start at 1, not 0");
  CHECK(c.gateways_made == 0);
}

TEST_CASE("messages: a directory or a missing file as an input file is said so, not 'not valid JSON'") {
  TempDir dir;
  FakeCluster c;
  auto r = run_cli(c, {"workflow", "start", "--type", "T", "-t", "q", "--input-file", dir.path.string()});
  CHECK(r.code == 2);
  CHECK(first_line(r.err) == "Error: --input-file " + dir.path.string() + ": the file is a directory");
  auto missing = run_cli(c, {"workflow", "start", "--type", "T", "-t", "q", "--input-file", dir.path.string() + "/no"});
  CHECK(first_line(missing.err) == "Error: --input-file " + dir.path.string() + "/no: the file does not exist");
  CHECK(c.gateways_made == 0);
  std::string text;
  CHECK(read_whole_file(dir.path.string(), text) == "is a directory");
}

TEST_CASE("messages: an ID kept by the reuse policy after its run closed is not called running") {
  namespace ed = temporal::api::errordetails::v1;
  auto fail_with = [](const std::string& server_message) {
    FakeCluster c;
    ed::WorkflowExecutionAlreadyStartedFailure detail;
    detail.set_run_id("run-1");
    c.fail_next<wsv::StartWorkflowExecutionRequest>({client::from_status(
        grpc::Status(grpc::StatusCode::ALREADY_EXISTS, server_message, [&] {
          google::rpc::Status rpc;
          rpc.set_code(6);
          rpc.add_details()->PackFrom(detail);
          return rpc.SerializeAsString();
        }()),
        "h:1", false, false)});
    return run_cli(c, {"workflow", "start", "--type", "T", "-t", "q", "-w", "w"});
  };
  auto closed = fail_with("Workflow execution already finished. WorkflowId: w, RunId: run-1. Workflow Id reuse "
                          "policy: reject duplicate workflow Id.");
  CHECK(closed.code == 5);
  CHECK(closed.err.find("already ran (run ID run-1, closed)") != std::string::npos);
  CHECK(closed.err.find("already running") == std::string::npos);
  CHECK(closed.err.find("UseExisting") == std::string::npos);
  auto running = fail_with("Workflow execution is already running. WorkflowId: w, RunId: run-1.");
  CHECK(running.err.find("already running (run ID run-1); --id-conflict-policy UseExisting") != std::string::npos);
}

TEST_CASE("messages: a visibility query's syntax error position counts in the query as typed") {
  FakeCluster c;
  c.fail_next<wsv::ListWorkflowExecutionsRequest>({client::from_status(
      grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "invalid query: malformed SQL query: syntax error at position 42"),
      "h:1", false, false)});
  auto r = run_cli(c, {"workflow", "list", "-q", "WorkflowType = "});
  CHECK(r.code == 9);
  CHECK(first_line(r.err) == "Error: invalid query: malformed SQL query: syntax error at character 15 of the query");
}

TEST_CASE("door checks: found by the bad-input matrix (schedule ID length, Nexus target URL, config get's property)") {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  std::vector<Case> cases = {
      // The server refused the workflow ID it derives from the schedule's (exit 9), naming neither.
      {{"schedule", "create", "-s", std::string(1001, 's'), "--interval", "1h", "--type", "T", "-t", "q"},
       "--schedule-id: the value is 1001 bytes long; the server accepts at most 1000"},
      {{"schedule", "describe", "-s", std::string(1001, 's')}, "--schedule-id: the value is 1001 bytes long"},
      // The server refused it after the name (exit 9), in its own words.
      {{"operator", "nexus", "endpoint", "create", "--name", "e", "--target-url", "x y"},
       "--target-url: the value is not a URL: it contains a space"},
      {{"operator", "nexus", "endpoint", "update", "--name", "e", "--target-url", "ftp://x"},
       "--target-url: the value is not an http(s) URL"},
      // Exit 4 (no such profile) hid the typo.
      {{"config", "get", "--prop", "adress"}, "unknown property \"adress\""},
  };
  for (const auto& c : cases) {
    FakeCluster cluster;
    auto r = run_cli(cluster, c.args, {{"XDG_CONFIG_HOME", "/nonexistent-twctl-test"}});
    INFO(r.err);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("Error: " + c.message, 0) == 0);
    CHECK(cluster.calls.empty());
  }
}
