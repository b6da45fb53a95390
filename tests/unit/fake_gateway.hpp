#pragma once
// A gateway that records requests and answers with canned responses or errors; for command tests only.
// The end-to-end suite always talks to the real server.

#include "cli/app.hpp"
#include "client/gateway.hpp"
#include "client/rpc.hpp"
#include "app/context.hpp"
#include "core/error.hpp"

#include <doctest/doctest.h>
#include <google/protobuf/message.h>

#include <atomic>
#include <deque>
#include <exception>
#include <initializer_list>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::testing {

namespace wsv = temporal::api::workflowservice::v1;
namespace gp = google::protobuf;

// What the fake cluster was asked, and what it answers, keyed by message type: answers by response type,
// requests and scripted failures by request type. Every call is checked against the service descriptors as
// the real gateway checks it (client/rpc.hpp), so a request paired with the wrong response type fails here
// too. A canned answer that no call used fails the test when the cluster goes out of scope: a test that sets
// up an answer expects the command to ask for it. Calls may come from several threads at once (a bulk start,
// a trace): each is answered under a lock. `on_call`, when set, runs (outside the lock) before each answer.
struct FakeCluster {
  std::vector<std::shared_ptr<gp::Message>> calls;  // every request, in order
  std::optional<Error> fail_with;                   // fails every call
  int gateways_made = 0;
  std::function<void(const gp::Message& req)> on_call;
  // Answers a call itself when it returns true: for answers that depend on the request, since concurrent calls
  // come in no set order. Runs under the lock, after the scripted failures.
  std::function<bool(const gp::Message& req, gp::Message& resp)> respond;

  FakeCluster() = default;
  FakeCluster(const FakeCluster&) = delete;
  FakeCluster& operator=(const FakeCluster&) = delete;
  ~FakeCluster() {
    if (std::uncaught_exceptions() > 0) return;
    for (const auto& [type, q] : queued_) {
      if (!q.empty()) FAIL_CHECK("fake cluster: " << q.size() << " queued " << type << " never asked for");
    }
    for (const auto& [type, slot] : standing_) {
      if (!slot.used) FAIL_CHECK("fake cluster: the standing " << type << " was never asked for");
    }
  }

  // Every request of type Req, in order.
  template <typename Req>
  std::vector<Req> requests() const {
    std::vector<Req> out;
    for (const auto& req : calls) {
      if (req->GetDescriptor() == Req::descriptor()) out.push_back(static_cast<const Req&>(*req));
    }
    return out;
  }
  // The answer of type Resp given whenever none is queued (made empty on first use).
  template <typename Resp>
  Resp& answer() {
    auto& slot = standing_[Resp::descriptor()->full_name()];
    if (!slot.message) slot.message = std::make_shared<Resp>();
    return static_cast<Resp&>(*slot.message);
  }
  // Queues one answer of type Resp for the next call that wants one.
  template <typename Resp>
  void then(Resp resp) {
    queued_[Resp::descriptor()->full_name()].push_back(std::make_shared<Resp>(std::move(resp)));
  }
  // The next calls with a Req fail with these errors in turn (nullopt: answer as usual), then answer as usual.
  template <typename Req>
  void fail_next(std::initializer_list<std::optional<Error>> errors) {
    auto& q = failures_[Req::descriptor()->full_name()];
    q.insert(q.end(), errors.begin(), errors.end());
  }

  void call(const gp::Message& req, gp::Message& resp) {
    (void)client::rpc_for(req, &resp);
    if (on_call) on_call(req);
    std::lock_guard lock(mu_);
    std::shared_ptr<gp::Message> copy(req.New());
    copy->CopyFrom(req);
    calls.push_back(std::move(copy));
    if (fail_with) throw *fail_with;
    if (auto f = failures_.find(req.GetDescriptor()->full_name()); f != failures_.end() && !f->second.empty()) {
      auto e = f->second.front();
      f->second.pop_front();
      if (e) throw *e;
    }
    if (respond && respond(req, resp)) return;
    const auto& type = resp.GetDescriptor()->full_name();
    if (auto& q = queued_[type]; !q.empty()) {
      resp.CopyFrom(*q.front());
      q.pop_front();
      return;
    }
    if (auto it = standing_.find(type); it != standing_.end()) {
      it->second.used = true;
      resp.CopyFrom(*it->second.message);
      return;
    }
    resp.Clear();
  }

 private:
  std::mutex mu_;
  struct Standing {
    std::shared_ptr<gp::Message> message;
    bool used = false;
  };
  std::map<std::string, std::deque<std::shared_ptr<gp::Message>>> queued_;
  std::map<std::string, Standing> standing_;
  std::map<std::string, std::deque<std::optional<Error>>> failures_;
};

class FakeGateway : public client::Gateway {
 public:
  explicit FakeGateway(FakeCluster& c) : c_(c) {}
  void call(const gp::Message& req, gp::Message& resp) override { c_.call(req, resp); }

 private:
  FakeCluster& c_;
};

// Runs argv through the same entry point as main, with captured streams and a fake cluster.
struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

// `setup` may change the context before the run (a terminal's width, say).
inline Run run_cli(FakeCluster& cluster, std::vector<std::string> args,
                   std::vector<std::pair<std::string, std::string>> env = {}, std::string stdin_text = {},
                   const std::function<void(Context&)>& setup = {}) {
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  CancelToken cancel;
  Context ctx(in, out, err, cancel);
  ctx.env = [env](std::string_view name) -> std::optional<std::string> {
    for (const auto& [k, v] : env) {
      if (k == name) return v;
    }
    return std::nullopt;
  };
  // A fake clock that only pauses move: polls and retries do not wait in tests, and time-bounded loops (the
  // retry window, --command-timeout) still end. Atomic: concurrent calls read it and retries move it.
  auto clock = std::make_shared<std::atomic<TimePoint::rep>>(
      std::chrono::duration_cast<TimePoint::duration>(std::chrono::seconds(1'700'000'100)).count());
  ctx.now = [clock] { return TimePoint(TimePoint::duration(clock->load())); };
  ctx.pause = [clock](std::chrono::milliseconds d) {
    clock->fetch_add(std::chrono::duration_cast<TimePoint::duration>(d).count());
    return true;
  };
  ctx.gateway_factory = [&cluster](const client::ConnectionOptions&, CancelToken&) {
    ++cluster.gateways_made;
    return std::make_unique<FakeGateway>(cluster);
  };
  if (setup) setup(ctx);
  Run r;
  r.code = cli::run(args, ctx);
  r.out = out.str();
  r.err = err.str();
  return r;
}

}  // namespace twctl::testing
