// Retries: which failures, which calls, how long; with a fake clock and a scripted gateway.
#include "client/retry.hpp"
#include "fake_gateway.hpp"

#include <doctest/doctest.h>

#include <deque>

namespace wsv = temporal::api::workflowservice::v1;

using namespace twctl;
using namespace twctl::client;
using namespace std::chrono_literals;

namespace {

Error unavailable(std::string cause) {
  Error e(ErrorKind::Unavailable, "cannot reach the cluster at h:1: " + cause);
  e.grpc_code = 14;
  e.cause = std::move(cause);
  return e;
}

// Fails with the scripted errors in turn, then answers.
class ScriptedGateway : public testing::FakeGateway {
 public:
  ScriptedGateway(testing::FakeCluster& c, std::deque<Error>& script) : FakeGateway(c), script_(script) {}
  void call(const google::protobuf::Message& req, google::protobuf::Message& resp) override {
    ++calls;
    next();
    FakeGateway::call(req, resp);
  }
  int calls = 0;

 private:
  void next() {
    if (script_.empty()) return;
    auto e = script_.front();
    script_.pop_front();
    throw e;
  }
  std::deque<Error>& script_;
};

struct Harness {
  testing::FakeCluster cluster;
  std::deque<Error> script;
  ScriptedGateway* inner = nullptr;
  std::chrono::system_clock::time_point clock{std::chrono::seconds(1'700'000'000)};
  std::vector<std::chrono::milliseconds> waits;
  std::vector<std::string> log;

  std::unique_ptr<Gateway> make(RetryPolicy policy = {}, std::optional<std::chrono::system_clock::time_point> deadline = {}) {
    auto g = std::make_unique<ScriptedGateway>(cluster, script);
    inner = g.get();
    RetryHooks hooks;
    hooks.now = [this] { return clock; };
    hooks.sleep = [this](std::chrono::milliseconds d) {
      waits.push_back(d);
      clock += d;
      return true;
    };
    hooks.random = [] { return 0.5; };  // no jitter
    hooks.log = [this](std::string_view m) { log.emplace_back(m); };
    hooks.deadline = deadline;
    return with_retries(std::move(g), policy, std::move(hooks));
  }
};

}  // namespace

TEST_CASE("retry: transient failures are retried with exponential backoff, and each retry is logged") {
  Harness h;
  auto g = h.make();
  // The cluster answered once: it is there, so a lost connection is ridden out.
  client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());
  h.script = {unavailable("reset"), unavailable("refused"), unavailable("refused")};
  client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());
  CHECK(h.inner->calls == 5);
  CHECK(h.waits == std::vector<std::chrono::milliseconds>{200ms, 400ms, 800ms});
  REQUIRE(h.log.size() == 3);
  CHECK(h.log[0].find("retrying DescribeWorkflowExecution in 200ms (attempt 1 of 12 failed)") == 0);
}

TEST_CASE("retry: backoff grows to its cap, and jitter stays within its bounds") {
  RetryPolicy p;
  CHECK(backoff(p, 1) == 200ms);
  CHECK(backoff(p, 5) == 3200ms);
  CHECK(backoff(p, 6) == 5000ms);
  CHECK(backoff(p, 30) == 5000ms);
  Harness h;
  auto g = h.make();
  client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());
  h.script = {unavailable("refused")};
  // random() == 0.5 means factor 1; check the extremes by hand.
  client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());
  CHECK(h.waits.front() == 200ms);
}

TEST_CASE("retry: what is not transient fails at once") {
  for (auto cause : {"dns", "tls_handshake", "tls_certificate", "connect_timeout"}) {
    Harness h;
    auto g = h.make();
    h.script = {unavailable(cause)};
    CHECK_THROWS_AS(client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest()), Error);
    CHECK(h.inner->calls == 1);
  }
  Harness h;
  auto g = h.make();
  Error not_found(ErrorKind::NotFound, "no such workflow");
  Error too_large(ErrorKind::ResourceExhausted, "message larger than max");
  too_large.cause = "message_too_large";
  h.script = {not_found};
  CHECK_THROWS_AS(client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest()), Error);
  h.script = {too_large};
  CHECK_THROWS_AS(client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest()), Error);
  CHECK(h.inner->calls == 2);
  CHECK(is_transient(Error(ErrorKind::ResourceExhausted, "rate limited")));
  CHECK_FALSE(is_transient(too_large));
}

TEST_CASE("retry: a start is retried only with a request ID") {
  Harness h;
  auto g = h.make();
  client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());
  h.script = {unavailable("refused")};
  wsv::StartWorkflowExecutionRequest without_id;
  CHECK_THROWS_AS(client::call<wsv::StartWorkflowExecutionResponse>(*g, without_id), Error);
  CHECK(h.inner->calls == 2);
  h.script = {unavailable("refused")};
  wsv::StartWorkflowExecutionRequest with_id;
  with_id.set_request_id("r-1");
  client::call<wsv::StartWorkflowExecutionResponse>(*g, with_id);
  CHECK(h.inner->calls == 4);
  // Both attempts carried the same request ID, so the server can de-duplicate them.
  CHECK(h.cluster.requests<wsv::StartWorkflowExecutionRequest>().back().request_id() == "r-1");
}

TEST_CASE("retry: bounded by attempts, by time, and by --command-timeout") {
  SUBCASE("attempts") {
    Harness h;
    RetryPolicy p;
    p.max_attempts = 3;
    auto g = h.make(p);
    client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());
    h.script = std::deque<Error>(10, unavailable("refused"));
    CHECK_THROWS_AS(client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest()), Error);
    CHECK(h.inner->calls == 1 + 3);
  }
  SUBCASE("a cluster never reached gets the short budget") {
    Harness h;
    auto g = h.make();
    h.script = std::deque<Error>(50, unavailable("refused"));
    auto before = h.clock;
    try {
      client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());
      FAIL("expected unavailable");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::Unavailable);
    }
    CHECK(h.clock - before <= RetryPolicy{}.max_elapsed_unreached);
    CHECK(h.inner->calls == 4);  // 200 + 400 + 800 ms fit in 2 s; 1600 more would not
  }
  SUBCASE("a cluster that answered before gets the long budget") {
    Harness h;
    auto g = h.make();
    client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());
    h.script = std::deque<Error>(50, unavailable("refused"));
    auto before = h.clock;
    CHECK_THROWS_AS(client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest()), Error);
    CHECK(h.clock - before <= RetryPolicy{}.max_elapsed);
    CHECK(h.clock - before >= 20s);
    CHECK(h.inner->calls == 1 + 12);
  }
  SUBCASE("the command's deadline") {
    Harness h;
    auto g = h.make({}, h.clock + 1s);
    client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());
    h.script = std::deque<Error>(50, unavailable("refused"));
    CHECK_THROWS_AS(client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest()), Error);
    CHECK(h.clock < std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'001)));
  }
}

TEST_CASE("retry: an interrupted wait ends the command as interrupted") {
  testing::FakeCluster cluster;
  std::deque<Error> script{unavailable("refused")};
  RetryHooks hooks;
  hooks.now = [] { return std::chrono::system_clock::time_point(); };
  hooks.sleep = [](std::chrono::milliseconds) { return false; };
  auto g = with_retries(std::make_unique<ScriptedGateway>(cluster, script), {}, hooks);
  try {
    client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());
    FAIL("expected interrupted");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Interrupted);
  }
}

TEST_CASE("retry: commands through cli::run retry too, and --verbose shows it on stderr") {
  testing::FakeCluster c;
  // FakeCluster.fail_with fails every call: the command gives up within the unreached budget.
  c.fail_with = unavailable("refused");
  auto r = testing::run_cli(c, {"workflow", "describe", "-w", "w", "--verbose"});
  CHECK(r.code == 6);
  CHECK(c.requests<wsv::DescribeWorkflowExecutionRequest>().size() > 1);
  CHECK(r.err.find("twctl: retrying DescribeWorkflowExecution") != std::string::npos);
  auto quiet = testing::run_cli(c, {"workflow", "describe", "-w", "w"});
  CHECK(quiet.err.find("retrying") == std::string::npos);
}
