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
  CHECK(h.log[0].find("retrying DescribeWorkflowExecution in 200ms (attempt 1 failed; 60s of the 60s retry window "
                      "left)") == 0);
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

TEST_CASE("retry: bounded by the retry window, not by a number of attempts, and by --command-timeout") {
  SUBCASE("a cluster never reached gets the short window") {
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
    CHECK(h.clock - before == RetryPolicy{}.window_unreached);
    CHECK(h.inner->calls == 5);  // 200 + 400 + 800 ms, then the 600 ms left of 2 s
  }
  SUBCASE("a cluster that answered before is retried for the whole window: a 45 s outage is ridden out") {
    // Refuses until the fake clock reaches `back`.
    struct Outage : testing::FakeGateway {
      Outage(testing::FakeCluster& c, Harness& h) : FakeGateway(c), h_(h) {}
      void call(const google::protobuf::Message& req, google::protobuf::Message& resp) override {
        ++calls;
        if (h_.clock < back) throw unavailable("refused");
        FakeGateway::call(req, resp);
      }
      Harness& h_;
      std::chrono::system_clock::time_point back{};
      int calls = 0;
    };
    Harness h;
    auto inner = std::make_unique<Outage>(h.cluster, h);
    auto* outage = inner.get();
    RetryHooks hooks;
    hooks.now = [&h] { return h.clock; };
    hooks.sleep = [&h](std::chrono::milliseconds d) {
      h.clock += d;
      return true;
    };
    hooks.random = [] { return 0.5; };
    auto g = with_retries(std::move(inner), {}, hooks);
    client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());  // reached
    outage->back = h.clock + 45s;
    CHECK_NOTHROW(client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest()));
    CHECK(h.clock >= outage->back);
    CHECK(outage->calls > 1 + 12);  // more attempts than the old limit of 12
  }
  SUBCASE("the window runs out: the error says for how long it was retried") {
    Harness h;
    RetryPolicy p;
    p.window = 90s;
    auto g = h.make(p);
    client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());
    h.script = std::deque<Error>(100, unavailable("refused"));
    auto before = h.clock;
    try {
      client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());
      FAIL("expected unavailable");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::Unavailable);
      CHECK(e.cause == "refused");
      CHECK(std::string(e.what()).find("retried for 90s: --retry-window") != std::string::npos);
    }
    CHECK(h.clock - before == 90s);  // the last attempt comes at the window's end
    CHECK(h.inner->calls > 12);      // no attempt limit
  }
  SUBCASE("a zero window does not retry") {
    Harness h;
    RetryPolicy p;
    p.window = 0s;
    auto g = h.make(p);
    client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());
    h.script = {unavailable("refused")};
    CHECK_THROWS_AS(client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest()), Error);
    CHECK(h.inner->calls == 2);
  }
  SUBCASE("--command-timeout running out during an outage is the deadline, not the outage") {
    Harness h;
    auto g = h.make({}, h.clock + 1s);
    client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());
    h.script = std::deque<Error>(50, unavailable("refused"));
    try {
      client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());
      FAIL("expected deadline_exceeded");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::DeadlineExceeded);
      CHECK(exit_code(e.kind()) == 7);
      CHECK(e.cause == "command_timeout");
      CHECK(std::string(e.what()).find("--command-timeout") != std::string::npos);
    }
    CHECK(h.clock < std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'001)));
  }
}

TEST_CASE("retry: a change whose answer was lost is outcome_unknown; one never sent keeps its error") {
  auto deadline = [] {
    Error e(ErrorKind::DeadlineExceeded, "no answer from h:1 in time: Deadline Exceeded");
    e.grpc_code = 4;
    e.cause = "deadline";
    return e;
  };
  SUBCASE("a start whose call ran out of time") {
    Harness h;
    auto g = h.make();
    h.script = {deadline()};
    wsv::StartWorkflowExecutionRequest start;
    start.set_request_id("r-1");
    try {
      client::call<wsv::StartWorkflowExecutionResponse>(*g, start);
      FAIL("expected outcome_unknown");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::OutcomeUnknown);
      CHECK(exit_code(e.kind()) == 14);
      CHECK(e.cause == "deadline");
      CHECK(std::string(e.what()).find("StartWorkflowExecution") != std::string::npos);
      CHECK(std::string(e.what()).find("may or may not have been applied") != std::string::npos);
    }
  }
  SUBCASE("a signal whose connection was reset, then refused until the window ran out") {
    Harness h;
    auto g = h.make();
    client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());
    h.script = std::deque<Error>(100, unavailable("refused"));
    h.script.front() = unavailable("reset");
    wsv::SignalWorkflowExecutionRequest signal;
    signal.set_request_id("r-2");
    try {
      client::call<wsv::SignalWorkflowExecutionResponse>(*g, signal);
      FAIL("expected outcome_unknown");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::OutcomeUnknown);
    }
  }
  SUBCASE("a change never sent (refused throughout) is unavailable; a read that timed out is the deadline") {
    Harness h;
    auto g = h.make();
    h.script = std::deque<Error>(50, unavailable("refused"));
    wsv::SignalWorkflowExecutionRequest signal;
    signal.set_request_id("r-3");
    try {
      client::call<wsv::SignalWorkflowExecutionResponse>(*g, signal);
      FAIL("expected unavailable");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::Unavailable);
    }
    h.script = {deadline()};
    try {
      client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());
      FAIL("expected deadline_exceeded");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::DeadlineExceeded);
    }
  }
  SUBCASE("a definite answer after a lost one is that answer") {
    Harness h;
    auto g = h.make();
    Error exists(ErrorKind::AlreadyExists, "already started");
    exists.grpc_code = 6;
    h.script = {unavailable("reset"), exists};
    wsv::StartWorkflowExecutionRequest start;
    start.set_request_id("r-4");
    try {
      client::call<wsv::StartWorkflowExecutionResponse>(*g, start);
      FAIL("expected already_exists");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::AlreadyExists);
    }
  }
  CHECK(may_have_been_sent(unavailable("reset")));
  CHECK_FALSE(may_have_been_sent(unavailable("refused")));
  CHECK_FALSE(may_have_been_sent(unavailable("dns")));
  CHECK_FALSE(may_have_been_sent(Error(ErrorKind::DeadlineExceeded, "the command timed out (--command-timeout)")));
}

TEST_CASE("retry: the pause between attempts is the gateway's, which may end it early") {
  struct Reconnecting : testing::FakeGateway {
    using FakeGateway::FakeGateway;
    bool pause_before_retry(std::chrono::milliseconds d, const std::function<bool(std::chrono::milliseconds)>&) override {
      asked.push_back(d);
      return true;  // "connected again": no sleep at all
    }
    void call(const google::protobuf::Message& req, google::protobuf::Message& resp) override {
      if (fail-- > 0) throw unavailable("refused");
      FakeGateway::call(req, resp);
    }
    int fail = 0;
    std::vector<std::chrono::milliseconds> asked;
  };
  testing::FakeCluster cluster;
  auto inner = std::make_unique<Reconnecting>(cluster);
  auto* raw = inner.get();
  bool slept = false;
  RetryHooks hooks;
  hooks.now = [] { return std::chrono::system_clock::time_point(); };
  hooks.sleep = [&slept](std::chrono::milliseconds) { return slept = true; };
  hooks.random = [] { return 0.5; };
  auto g = with_retries(std::move(inner), {}, hooks);
  raw->fail = 2;
  client::call<wsv::DescribeWorkflowExecutionResponse>(*g, wsv::DescribeWorkflowExecutionRequest());
  CHECK(raw->asked == std::vector<std::chrono::milliseconds>{200ms, 400ms});
  CHECK_FALSE(slept);
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
