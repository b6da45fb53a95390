// `settings --check`: the steps in order, the first failure ending the run with its exit code, the checklist
// as text and JSON; DNS, TCP and TLS through a fake prober, the server and the namespace through the fake cluster.
// Also the pure parts of the connection diagnosis: hints, address splitting, handshake failures.
#include "client/probe.hpp"
#include "client/status.hpp"
#include "fake_gateway.hpp"
#include "ops/config/check.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <grpcpp/support/status.h>
#include <nlohmann/json.hpp>

#include "grpc/health/v1/health.pb.h"
#include "temporal/api/enums/v1/namespace.pb.h"

using namespace twctl;
using twctl::testing::FakeCluster;
using twctl::testing::run_cli;

namespace health = grpc::health::v1;

namespace {

// Answers as a script says; records what it was asked.
struct FakeProber : client::Prober {
  client::DnsResult dns{{"127.0.0.1"}, ""};
  bool refuse = false;
  bool server_speaks_tls = false;
  client::TlsReport tls;
  std::vector<std::string> asked;

  client::DnsResult resolve(const client::HostPort& hp) override {
    asked.push_back("dns " + hp.host);
    return dns;
  }
  client::TcpResult connect(const std::string& ip, const std::string& port, std::chrono::milliseconds timeout) override {
    asked.push_back(fmt::format("tcp {}:{} {}ms", ip, port, timeout.count()));
    client::TcpResult r;
    r.address = ip + ":" + port;
    r.connected = !refuse;
    if (refuse) r.cause = "refused", r.error = "Connection refused";
    return r;
  }
  client::TlsReport handshake(const std::string& address, const client::TlsOptions&, std::chrono::milliseconds) override {
    asked.push_back("tls " + address);
    return tls;
  }
  bool speaks_tls(const std::string& address, std::chrono::milliseconds) override {
    asked.push_back("speaks_tls " + address);
    return server_speaks_tls;
  }
};

// Runs `settings --check` with the prober (the default factory is put back after); `prober` stays readable.
testing::Run run_check(FakeCluster& c, std::shared_ptr<FakeProber> prober, std::vector<std::string> args,
                       std::vector<std::pair<std::string, std::string>> env = {}) {
  std::vector<std::string> argv{"settings", "--check", "--disable-config-file"};
  argv.insert(argv.end(), args.begin(), args.end());
  struct Forward : client::Prober {
    std::shared_ptr<FakeProber> p;
    client::DnsResult resolve(const client::HostPort& hp) override { return p->resolve(hp); }
    client::TcpResult connect(const std::string& ip, const std::string& port, std::chrono::milliseconds t) override {
      return p->connect(ip, port, t);
    }
    client::TlsReport handshake(const std::string& a, const client::TlsOptions& o,
                                std::chrono::milliseconds t) override {
      return p->handshake(a, o, t);
    }
    bool speaks_tls(const std::string& a, std::chrono::milliseconds t) override { return p->speaks_tls(a, t); }
  };
  auto saved = ops::config::prober_factory();
  ops::config::prober_factory() = [prober]() -> std::unique_ptr<client::Prober> {
    auto f = std::make_unique<Forward>();
    f->p = prober;
    return f;
  };
  auto r = run_cli(c, argv, env);
  ops::config::prober_factory() = saved;
  return r;
}

void healthy(FakeCluster& c) {
  c.answer<health::HealthCheckResponse>().set_status(health::HealthCheckResponse::SERVING);
  c.answer<testing::wsv::GetSystemInfoResponse>().set_server_version("1.32.1");
  c.answer<testing::wsv::GetSystemInfoResponse>().mutable_capabilities()->set_signal_and_query_header(true);
  auto& ns = c.answer<testing::wsv::DescribeNamespaceResponse>();
  ns.mutable_namespace_info()->set_name("default");
  ns.mutable_namespace_info()->set_state(temporal::api::enums::v1::NAMESPACE_STATE_REGISTERED);
  ns.mutable_config()->mutable_workflow_execution_retention_ttl()->set_seconds(86400);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::string line;
  for (char ch : text) {
    if (ch == '\n') out.push_back(line), line.clear();
    else line += ch;
  }
  return out;
}

}  // namespace

TEST_CASE("settings --check: every step ok prints one line each and exits 0") {
  FakeCluster c;
  healthy(c);
  auto p = std::make_shared<FakeProber>();
  p->dns.addresses = {"127.0.0.1", "::1"};
  auto r = run_check(c, p, {"--address", "myhost:7233", "--client-connect-timeout", "3s"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 6);
  CHECK(lines[0].rfind("  ok    settings   profile default (no config file), address myhost:7233 (flag --address), "
                       "namespace default (default), TLS off (default)  (",
                       0) == 0);
  CHECK(lines[1].rfind("  ok    dns        myhost → 127.0.0.1, ::1  (", 0) == 0);
  CHECK(lines[2].find("127.0.0.1:7233 connected") != std::string::npos);
  CHECK(lines[3].rfind("  ok    tls        off (default), and the server does not ask for it", 0) == 0);
  CHECK(lines[4].rfind("  ok    server     SERVING, Temporal server 1.32.1, 1 of ", 0) == 0);
  CHECK(lines[5].rfind("  ok    namespace  default: Registered, retention 24h0m0s", 0) == 0);
  // TCP to each address, bounded by the connect timeout.
  CHECK(p->asked == std::vector<std::string>{"dns myhost", "tcp 127.0.0.1:7233 3000ms", "tcp ::1:7233 3000ms",
                                             "speaks_tls myhost:7233"});
  CHECK(c.requests<testing::wsv::DescribeNamespaceRequest>().at(0).namespace_() == "default");
}

TEST_CASE("settings --check: a refused port fails the TCP step, skips the rest and exits 6") {
  FakeCluster c;
  auto p = std::make_shared<FakeProber>();
  p->refuse = true;
  auto r = run_check(c, p, {"-o", "json"});
  CHECK(r.code == 6);
  auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["ok"] == false);
  CHECK(doc["failedStep"] == "tcp");
  std::vector<std::string> states;
  for (const auto& s : doc["steps"]) states.push_back(s["name"].get<std::string>() + ":" + s["status"].get<std::string>());
  CHECK(states == std::vector<std::string>{"settings:ok", "dns:ok", "tcp:failed", "tls:skipped", "server:skipped",
                                           "namespace:skipped"});
  CHECK(doc["steps"][2]["error"]["cause"] == "refused");
  // localhost:7233, the default: there is no server there yet.
  CHECK(doc["steps"][2]["detail"] == "no server at localhost:7233 (connection refused): start one with `temporal "
                                     "server start-dev` or set --address/TEMPORAL_ADDRESS");
  auto err = nlohmann::json::parse(lines_of(r.err).back())["error"];
  CHECK(err["cause"] == "refused");
  CHECK(err["code"] == 6);
  CHECK(c.calls.empty());
}

TEST_CASE("settings --check: DNS failure names the host; exit 6, cause dns") {
  FakeCluster c;
  auto p = std::make_shared<FakeProber>();
  p->dns = {{}, "Name or service not known"};
  auto r = run_check(c, p, {"--address", "nohost.invalid:7233"});
  CHECK(r.code == 6);
  auto lines = lines_of(r.out);
  CHECK(lines[1].find("FAIL  dns        cannot reach the cluster at nohost.invalid:7233: the host \"nohost.invalid\" "
                      "cannot be resolved (DNS lookup failed: Name or service not known): check --address") !=
        std::string::npos);
  CHECK(lines[2] == "  skip  tcp        not run: an earlier step failed");
  CHECK(r.err.find("Error: cannot reach the cluster at nohost.invalid:7233: the host") == 0);
}

TEST_CASE("settings --check: a plaintext connection to a TLS server fails the TLS step: add --tls") {
  FakeCluster c;
  auto p = std::make_shared<FakeProber>();
  p->server_speaks_tls = true;
  auto r = run_check(c, p, {"-o", "json"});
  CHECK(r.code == 6);
  auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["failedStep"] == "tls");
  CHECK(doc["steps"][3]["error"]["cause"] == "tls_required");
  CHECK(doc["steps"][3]["detail"] == "the server at localhost:7233 requires TLS: add --tls");
}

TEST_CASE("settings --check: TLS failures from the handshake, with the flag to change") {
  FakeCluster c;
  auto p = std::make_shared<FakeProber>();
  SUBCASE("a plaintext server; TLS turned on by an API key") {
    p->tls.cause = "server_not_tls";
    p->tls.message = "the server does not speak TLS";
    auto r = run_check(c, p, {}, {{"TEMPORAL_API_KEY", "sk-very-secret-1"}});
    CHECK(r.code == 6);
    CHECK(r.err.find("the server at localhost:7233 does not speak TLS: add --tls=false (TLS was turned on by "
                     "TEMPORAL_API_KEY)") != std::string::npos);
    CHECK(r.out.find("API key ******** (env TEMPORAL_API_KEY)") != std::string::npos);
    CHECK(r.out.find("sk-very-secret-1") == std::string::npos);
    CHECK(r.err.find("sk-very-secret-1") == std::string::npos);
  }
  SUBCASE("a client certificate the server wants is exit 8") {
    p->tls.cause = "client_certificate";
    p->tls.message = "the server requires a client certificate (mTLS): set --tls-cert-path and --tls-key-path";
    auto r = run_check(c, p, {"--tls", "-o", "json"});
    CHECK(r.code == 8);
    CHECK(nlohmann::json::parse(r.out)["failedStep"] == "tls");
  }
  SUBCASE("handshake ok: protocol, certificate, verification, client certificate") {
    healthy(c);
    p->tls.handshake = true;
    p->tls.protocol = "TLSv1.3";
    p->tls.alpn = "h2";
    p->tls.subject = "CN=localhost";
    p->tls.issuer = "CN=test ca";
    p->tls.not_after = "Dec  4 00:00:00 2026 GMT";
    p->tls.verified = true;
    p->tls.verify_result = "ok";
    p->tls.client_cert_requested = true;
    auto r = run_check(c, p, {"--tls"});
    CHECK(r.code == 0);
    CHECK(lines_of(r.out)[3].rfind("  ok    tls        TLSv1.3 (h2), certificate CN=localhost issued by CN=test ca, "
                                   "valid until Dec  4 00:00:00 2026 GMT, verified; client certificate requested, "
                                   "none configured (--tls-cert-path, --tls-key-path)  (",
                                   0) == 0);
  }
}

TEST_CASE("settings --check: a bad setting fails the first step with exit 2; an unreadable TLS file is tls_file") {
  FakeCluster c;
  auto p = std::make_shared<FakeProber>();
  auto r = run_check(c, p, {"--tls-ca-path", "/nonexistent/ca.pem", "-o", "json"});
  CHECK(r.code == 2);
  auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["failedStep"] == "settings");
  CHECK(doc["steps"][0]["error"]["cause"] == "tls_file");
  CHECK(doc["steps"][0]["detail"].get<std::string>().find("/nonexistent/ca.pem") != std::string::npos);
  CHECK(p->asked.empty());
  // The same file on a command: the same cause, nothing sent.
  auto list = run_cli(c, {"workflow", "list", "--disable-config-file", "--tls-ca-path", "/nonexistent/ca.pem", "-o",
                          "json"});
  CHECK(list.code == 2);
  CHECK(nlohmann::json::parse(lines_of(list.err).back())["error"]["cause"] == "tls_file");
  CHECK(c.calls.empty());
}

TEST_CASE("settings --check: the namespace step names a missing namespace and where its name came from") {
  FakeCluster c;
  c.answer<health::HealthCheckResponse>().set_status(health::HealthCheckResponse::SERVING);
  c.answer<testing::wsv::GetSystemInfoResponse>().set_server_version("1.32.1");
  Error missing(ErrorKind::NotFound, "namespace \"nope\" does not exist");
  c.fail_next<testing::wsv::DescribeNamespaceRequest>({missing});
  auto p = std::make_shared<FakeProber>();
  auto r = run_check(c, p, {"--namespace", "nope"});
  CHECK(r.code == 4);
  CHECK(lines_of(r.out)[5].find("FAIL  namespace  namespace \"nope\" does not exist at localhost:7233: check "
                                "--namespace (the name is from flag --namespace)") != std::string::npos);
}

TEST_CASE("settings --check: the checklist renders each state") {
  std::vector<ops::config::Step> steps(3);
  steps[0].name = "dns";
  steps[0].state = ops::config::StepState::Ok;
  steps[0].detail = "h → 10.0.0.1";
  steps[0].took = std::chrono::microseconds(1234);
  steps[1].name = "tls";
  steps[1].state = ops::config::StepState::Failed;
  steps[1].detail = "bad";
  steps[1].took = std::chrono::microseconds(25400);
  steps[1].error = Error(ErrorKind::Unavailable, "bad");
  steps[2].name = "server";
  steps[2].detail = "not run: an earlier step failed";
  CHECK(ops::config::render_checks(steps, output::Style(false)) ==
        "  ok    dns        h → 10.0.0.1  (1.2 ms)\n"
        "  FAIL  tls        bad  (25 ms)\n"
        "  skip  server     not run: an earlier step failed\n");
  auto j = ops::config::checks_json(steps);
  CHECK(j["failedStep"] == "tls");
  CHECK(j["steps"][0]["ms"] == 1.2);
  CHECK(j["steps"][1]["error"]["kind"] == "unavailable");
  CHECK(!j["steps"][2].contains("ms"));
}

TEST_CASE("connection diagnosis: hints name the flag from where TLS was set") {
  CHECK(client::tls_off_hint("--tls") == "remove --tls");
  CHECK(client::tls_off_hint("implied by --api-key") == "add --tls=false (TLS was turned on by --api-key)");
  CHECK(client::tls_off_hint("TEMPORAL_TLS") == "unset TEMPORAL_TLS or add --tls=false");
  CHECK(client::tls_off_hint("profile p (/f.toml)") == "add --tls=false (TLS is on in profile p (/f.toml))");
  CHECK(client::tls_on_hint("") == "add --tls");
  CHECK(client::tls_on_hint("--tls") == "remove --tls=false");
}

TEST_CASE("connection diagnosis: addresses split into host and port") {
  auto a = client::split_address("localhost:7233");
  CHECK((a.host == "localhost" && a.port == "7233" && a.loopback && !a.ip_literal));
  auto b = client::split_address("[::1]:7233");
  CHECK((b.host == "::1" && b.port == "7233" && b.loopback && b.ip_literal));
  auto d = client::split_address("dns:///temporal.example:443");
  CHECK((d.host == "temporal.example" && d.port == "443" && !d.loopback));
  CHECK(client::split_address("unix:/tmp/t.sock").unix_socket);
  CHECK(client::split_address("127.0.0.2:7233").loopback);
}

TEST_CASE("connection diagnosis: handshake failures → required vs rejected client certificate, not TLS") {
  CHECK(client::handshake_failure("wrong version number", false).cause == "server_not_tls");
  CHECK(client::handshake_failure("tlsv13 alert certificate required", false).cause == "client_certificate");
  CHECK(client::handshake_failure("sslv3 alert bad certificate", false).cause == "client_certificate");
  auto rejected = client::handshake_failure("tlsv1 alert unknown ca", true);
  CHECK(rejected.cause == "client_certificate_rejected");
  CHECK(rejected.message.find("--tls-cert-path") != std::string::npos);
  CHECK(client::handshake_failure("something else", true).cause.empty());
  // The errors a command ends with: exit 8 for the client certificate, 6 for the server's side.
  client::TlsReport report;
  report.cause = "client_certificate_rejected";
  report.message = rejected.message;
  CHECK(client::tls_failure("h:1", "", report).kind() == ErrorKind::PermissionDenied);
  report.cause = "server_not_tls";
  auto not_tls = client::tls_failure("h:1", "--tls", report);
  CHECK(not_tls.kind() == ErrorKind::Unavailable);
  CHECK(std::string(not_tls.what()) == "the server at h:1 does not speak TLS: remove --tls");
  CHECK(std::string(client::tls_required("h:1", "").what()) == "the server at h:1 requires TLS: add --tls");
}

TEST_CASE("connection diagnosis: a proxy's HTTP 400 with a client certificate configured means it was rejected") {
  grpc::Status bad_request(grpc::StatusCode::INTERNAL, "Received http2 header with status: 400");
  auto rejected = client::from_status(bad_request, "h:1", false, true, 0, true);
  CHECK(rejected.kind() == ErrorKind::PermissionDenied);
  CHECK(rejected.cause == "client_certificate_rejected");
  CHECK(std::string(rejected.what()).find("rejected the client certificate") != std::string::npos);
  CHECK(client::from_status(bad_request, "h:1", false, true, 0, false).cause == "client_certificate");
}
