#include "client/retry.hpp"

#include "client/rpc.hpp"

#include <fmt/format.h>
#include <google/protobuf/message.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace twctl::client {

namespace {

using std::chrono::milliseconds;

class RetryingGateway final : public Gateway {
 public:
  RetryingGateway(std::unique_ptr<Gateway> inner, RetryPolicy policy, RetryHooks hooks)
      : inner_(std::move(inner)), policy_(policy), hooks_(std::move(hooks)) {
    if (!hooks_.random) {
      hooks_.random = [gen = std::mt19937_64(std::random_device{}())]() mutable {
        return std::uniform_real_distribution<double>(0.0, 1.0)(gen);
      };
    }
  }

  // Whether a failed attempt may be repeated is a rule over the request (client/rpc.hpp): reads always,
  // writes only when the server de-duplicates them (a request ID or update ID).
  void call(const google::protobuf::Message& req, google::protobuf::Message& resp) override {
    const auto& rpc = rpc_for(req, &resp);
    run(rpc.name, is_repeatable(rpc, req), [&] { inner_->call(req, resp); });
  }

 private:
  template <typename Fn>
  void run(std::string_view rpc, bool repeatable, Fn&& fn) {
    std::optional<std::chrono::system_clock::time_point> first_failure;
    for (int attempt = 1;; ++attempt) {
      try {
        fn();
        reached_ = true;
        return;
      } catch (const Error& e) {
        // Any answer from the server, even an error, shows it is there.
        if (e.grpc_code && e.kind() != ErrorKind::Unavailable) reached_ = true;
        if (!repeatable || !is_transient(e) || attempt >= policy_.max_attempts) throw;
        auto budget = reached_ ? policy_.max_elapsed : policy_.max_elapsed_unreached;
        auto wait = backoff(policy_, attempt);
        double factor = 1.0 + policy_.jitter * (2.0 * hooks_.random() - 1.0);
        wait = milliseconds(static_cast<int64_t>(std::llround(static_cast<double>(wait.count()) * factor)));
        auto now = hooks_.now();
        if (!first_failure) first_failure = now;
        auto resume = now + wait;
        if (resume - *first_failure > budget) throw;
        if (hooks_.deadline && resume >= *hooks_.deadline) throw;
        if (hooks_.log) {
          hooks_.log(fmt::format("retrying {} in {}ms (attempt {} of {} failed): {}", rpc, wait.count(), attempt,
                                 policy_.max_attempts, e.what()));
        }
        if (!hooks_.sleep(wait)) throw Error(ErrorKind::Interrupted, "interrupted");
      }
    }
  }

  std::unique_ptr<Gateway> inner_;
  RetryPolicy policy_;
  RetryHooks hooks_;
  bool reached_ = false;
};

}  // namespace

bool is_transient(const Error& e) {
  if (e.kind() == ErrorKind::ResourceExhausted) return e.cause != "message_too_large";
  if (e.kind() != ErrorKind::Unavailable) return false;
  return e.cause == "refused" || e.cause == "reset" || e.cause == "unavailable";
}

std::chrono::milliseconds backoff(const RetryPolicy& p, int retry) {
  double ms = static_cast<double>(p.initial_backoff.count()) * std::pow(p.multiplier, std::max(0, retry - 1));
  return milliseconds(static_cast<int64_t>(std::min(ms, static_cast<double>(p.max_backoff.count()))));
}

std::unique_ptr<Gateway> with_retries(std::unique_ptr<Gateway> inner, RetryPolicy policy, RetryHooks hooks) {
  return std::make_unique<RetryingGateway>(std::move(inner), policy, std::move(hooks));
}

}  // namespace twctl::client
