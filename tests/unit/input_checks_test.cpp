// Values checked where they enter: text that goes on the wire, gRPC headers, addresses; nothing is sent and
// nothing aborts when one is bad.
#include "cli/app.hpp"
#include "core/text.hpp"
#include "fake_gateway.hpp"
#include "message/utf8_fields.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

using namespace twctl;
using namespace twctl::testing;
namespace wsv = temporal::api::workflowservice::v1;

TEST_CASE("text checks: UTF-8, control characters, gRPC header keys and values") {
  CHECK(utf8_problem("héllo wörld ✓ 🙂").empty());
  CHECK(utf8_problem("a\xff") == "is not valid UTF-8 (byte 2)");
  CHECK(utf8_problem("\xc0\xaf") == "is not valid UTF-8 (byte 1)");          // overlong '/'
  CHECK(utf8_problem("\xed\xa0\x80") == "is not valid UTF-8 (byte 1)");      // a surrogate
  CHECK(utf8_problem("\xf4\x90\x80\x80") == "is not valid UTF-8 (byte 1)");  // past U+10FFFF
  CHECK(utf8_problem("ab\xe2\x9c") == "is not valid UTF-8 (byte 3)");        // cut short
  CHECK(text_problem("a\nb") == "contains a control character (byte 2 is 0x0a)");
  CHECK(text_problem("tab\there").find("control character") != std::string::npos);
  CHECK(text_problem("plain-ns_1.x").empty());
  CHECK(header_value_problem("Bearer abc.DEF-123_~+/=").empty());
  CHECK(header_value_problem("abc\r").find("control character (byte 4") != std::string::npos);
  CHECK(header_value_problem("caf\xc3\xa9").find("outside ASCII") != std::string::npos);
  CHECK(header_key_problem("x-team.id_1").empty());
  CHECK(!header_key_problem("X-Team").empty());
  CHECK(!header_key_problem("a b").empty());
  CHECK(!header_key_problem("").empty());
  CHECK(header_key_problem("grpc-timeout").find("grpc-") != std::string::npos);
}

TEST_CASE("utf8 fields: the first string field that is not UTF-8 is named with its path") {
  wsv::StartWorkflowExecutionRequest req;
  req.set_workflow_id("w-ü");
  req.mutable_workflow_type()->set_name("T");
  CHECK(message::invalid_utf8_field(req).empty());
  req.mutable_task_queue()->set_name("q\xfe");
  CHECK(message::invalid_utf8_field(req) == "task_queue.name is not valid UTF-8 (byte 2)");
  req.mutable_task_queue()->set_name("q");
  (*req.mutable_memo()->mutable_fields())["k\xff"].set_data("\xff");  // payload data is bytes: fine
  CHECK(message::invalid_utf8_field(req) == "memo.fields[0].key is not valid UTF-8 (byte 2)");
}

TEST_CASE("input checks: bad bytes in a command's values are a usage error and nothing is sent") {
  FakeCluster c;
  auto r = run_cli(c, {"workflow", "start", "--type", "T", "-t", "q", "-w", "id-\xff"});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("workflow_id is not valid UTF-8 (byte 4); nothing was sent") != std::string::npos);
  CHECK(c.requests<wsv::StartWorkflowExecutionRequest>().empty());
}

TEST_CASE("input checks: connection values are checked where they enter, naming flag, variable or key") {
  struct Case {
    std::vector<std::string> args;
    std::vector<std::pair<std::string, std::string>> env;
    std::string needle;
  };
  std::string key = "s3cr3t-key";
  std::vector<Case> cases{
      {{"-n", "a\nb"}, {}, "--namespace: the value contains a control character (byte 2 is 0x0a)"},
      {{}, {{"TEMPORAL_NAMESPACE", "ns\xff"}}, "TEMPORAL_NAMESPACE: the value is not valid UTF-8 (byte 3)"},
      {{}, {{"TEMPORAL_API_KEY", key + "\x01"}}, "TEMPORAL_API_KEY: the value contains a control character"},
      {{"--api-key", key + "\n\n"}, {}, "--api-key: the value contains a control character"},
      {{"--grpc-meta", "x-team=a\tb"}, {}, "--grpc-meta: the value contains a control character"},
      {{"--grpc-meta", "x team=1"}, {}, "--grpc-meta: the metadata key \"x team\" may hold only"},
      {{"--address", "http://h:7233"}, {}, "--address: the value takes host:port, not a URL"},
      {{"--address", "h:99999"}, {}, "--address: the value has a port that is not a number from 1 to 65535"},
      {{"--address", "h:abc"}, {}, "--address: the value has a port that is not a number"},
      {{"--address", "[::1"}, {}, "--address: the value"},
      {{"--address", "::1:7233"}, {}, "--address: the value has an IPv6 host: write it in brackets"},
      {{"--address", "h :1"}, {}, "--address: the value must not contain spaces"},
      {{"--tls-server-name", std::string(300, 'a')}, {}, "--tls-server-name: the value is longer than a host name"},
  };
  for (const auto& tc : cases) {
    CAPTURE(tc.needle);
    FakeCluster c;
    std::vector<std::string> args{"workflow", "count"};
    args.insert(args.end(), tc.args.begin(), tc.args.end());
    auto r = run_cli(c, args, tc.env);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find(tc.needle) != std::string::npos);
    CHECK(r.err.find(key) == std::string::npos);  // a secret is never quoted
    CHECK(c.gateways_made == 0);
  }
}

TEST_CASE("input checks: an API key loses one trailing newline; good addresses pass") {
  FakeCluster c;
  wsv::CountWorkflowExecutionsResponse count;
  count.set_count(3);
  c.answer<wsv::CountWorkflowExecutionsResponse>() = count;
  for (auto address : {"localhost:7233", "[::1]:7233", "10.0.0.1:1", "dns:///h:7233", "unix:/tmp/s.sock"}) {
    CAPTURE(address);
    auto r = run_cli(c, {"workflow", "count", "--address", address}, {{"TEMPORAL_API_KEY", "abc\n"}});
    CHECK(r.code == 0);
  }
}

TEST_CASE("parse: -n=NS is -n NS, as in the official CLI; after -- it is left alone") {
  auto tree = cli::parse({"workflow", "count", "-n=other"});
  CHECK(tree->globals.namespace_ == "other");
  auto split = cli::cli11_args({"-n=x", "--", "-n=y"});
  CHECK(split == std::vector<std::string>{"-n=y", "--", "x", "-n"});
}

TEST_CASE("input checks: a number flag names itself and what it takes when the value does not convert") {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  for (const auto& c : std::vector<Case>{
           {{"workflow", "list", "--limit", "99999999999999"}, "Error: --limit 99999999999999 is out of range\n"},
           {{"workflow", "list", "--limit", "abc"}, "Error: --limit takes a whole number, not \"abc\"\n"},
           {{"workflow", "list", "--page-size=1e3"}, "Error: --page-size takes a whole number, not \"1e3\"\n"}}) {
    FakeCluster cluster;
    auto r = run_cli(cluster, c.args);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.substr(0, r.err.find('\n') + 1) == c.message);
    CHECK(cluster.calls.empty());
  }
}
