#include "client/retry.hpp"

#include "client/rpc.hpp"

#include <fmt/format.h>
#include <google/protobuf/message.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <random>

namespace twctl::client {

namespace {

using std::chrono::milliseconds;

std::string seconds_text(milliseconds d) {
  if (d.count() % 1000 == 0) return fmt::format("{}s", d.count() / 1000);
  return fmt::format("{:.1f}s", static_cast<double>(d.count()) / 1000.0);
}

// No answer came: the connection failed, the deadline passed, or the wait was interrupted.
bool no_answer(const Error& e) {
  return e.kind() == ErrorKind::Unavailable || e.kind() == ErrorKind::DeadlineExceeded ||
         e.kind() == ErrorKind::Interrupted;
}

// A change that may have reached the server, with no answer: say so, keeping the cause. Interrupted stays
// interrupted (exit 130: the user asked for it), with the same warning.
Error lost_answer(std::string_view rpc, const Error& last) {
  Error out = last.kind() == ErrorKind::Interrupted
                  ? rephrased(last, ErrorKind::Interrupted,
                              fmt::format("interrupted while waiting for the answer to {}: it may or may not have "
                                          "been applied",
                                          rpc))
                  : rephrased(last, ErrorKind::OutcomeUnknown,
                              fmt::format("the answer to {} was lost, so it may or may not have been applied ({})",
                                          rpc, last.what()));
  if (out.details.is_null()) out.details = {{"rpc", rpc}, {"lostBecause", kind_name(last.kind())}};
  return out;
}

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
    run(rpc.name, is_repeatable(rpc, req), !is_read(rpc), [&] { inner_->call(req, resp); });
  }

  bool pause_before_retry(milliseconds d, const std::function<bool(milliseconds)>& sleep) override {
    return inner_->pause_before_retry(d, sleep);
  }

 private:
  template <typename Fn>
  void run(std::string_view rpc, bool repeatable, bool change, Fn&& fn) {
    std::optional<std::chrono::system_clock::time_point> first_failure;
    bool maybe_sent = false;
    for (int attempt = 1;; ++attempt) {
      try {
        fn();
        reached_ = true;
        return;
      } catch (const Error& e) {
        // Any answer from the server, even an error, shows it is there.
        if (e.grpc_code && e.kind() != ErrorKind::Unavailable) reached_ = true;
        maybe_sent = maybe_sent || may_have_been_sent(e);
        // The error the command ends with: a change that may have been applied says so.
        auto final_error = [&](const Error& last) {
          return change && maybe_sent && no_answer(last) ? lost_answer(rpc, last) : last;
        };
        if (!repeatable || !is_transient(e)) throw final_error(e);
        auto now = hooks_.now();
        if (!first_failure) first_failure = now;
        auto window = reached_.load() ? policy_.window : std::min(policy_.window, policy_.window_unreached);
        auto left = std::chrono::duration_cast<milliseconds>(*first_failure + window - now);
        if (left.count() <= 0) {
          if (!reached_.load()) throw final_error(e);
          throw final_error(rephrased(e, e.kind(), fmt::format("{} (retried for {}: --retry-window)", e.what(),
                                                               seconds_text(window))));
        }
        auto wait = backoff(policy_, attempt);
        double factor = 1.0 + policy_.jitter * (2.0 * random() - 1.0);
        wait = milliseconds(static_cast<int64_t>(std::llround(static_cast<double>(wait.count()) * factor)));
        wait = std::min(wait, left);  // the last attempt comes at the window's end
        if (hooks_.deadline && now + wait >= *hooks_.deadline) {
          // The command's own bound ran out during an outage: that is the deadline, not the outage.
          Error timed_out(ErrorKind::DeadlineExceeded,
                          fmt::format("the command timed out (--command-timeout) while retrying {}: {}", rpc, e.what()));
          timed_out.cause = "command_timeout";
          throw final_error(timed_out);
        }
        if (hooks_.log) {
          auto spent = std::chrono::duration_cast<milliseconds>(now - *first_failure);
          hooks_.log(fmt::format("retrying {} in {}ms (attempt {} failed; {} of the {} retry window left): {}", rpc,
                                 wait.count(), attempt, seconds_text(window - spent), seconds_text(window),
                                 e.what()));
        }
        if (!inner_->pause_before_retry(wait, hooks_.sleep)) throw final_error(Error(ErrorKind::Interrupted, "interrupted"));
      }
    }
  }

  // The hook (a shared generator, or a test's sequence) is not made for concurrent callers.
  double random() {
    std::lock_guard lock(random_mu_);
    return hooks_.random();
  }

  // Calls may be made from several threads at once (workflow start --from-file, workflow trace): what is shared
  // between them is `reached_` and the jitter's generator; everything else about a call is its own.
  std::unique_ptr<Gateway> inner_;
  RetryPolicy policy_;
  RetryHooks hooks_;
  std::atomic<bool> reached_{false};
  std::mutex random_mu_;
};

}  // namespace

bool is_transient(const Error& e) {
  if (e.kind() == ErrorKind::ResourceExhausted) return e.cause != "message_too_large";
  if (e.kind() != ErrorKind::Unavailable) return false;
  return e.cause == "refused" || e.cause == "reset" || e.cause == "unavailable";
}

bool may_have_been_sent(const Error& e) {
  // Errors raised before a call began (awaiting the connection, an interrupted wait) carry no gRPC status.
  if (!e.grpc_code) return false;
  switch (e.kind()) {
    case ErrorKind::DeadlineExceeded:
    case ErrorKind::Interrupted:
      return true;
    case ErrorKind::Unavailable:
      return (e.cause == "reset" || e.cause == "unavailable") &&
             std::string_view(e.what()).find("failed to connect") == std::string_view::npos;
    default:
      return false;
  }
}

std::chrono::milliseconds backoff(const RetryPolicy& p, int retry) {
  double ms = static_cast<double>(p.initial_backoff.count()) * std::pow(p.multiplier, std::max(0, std::min(retry, 64) - 1));
  return milliseconds(static_cast<int64_t>(std::min(ms, static_cast<double>(p.max_backoff.count()))));
}

std::unique_ptr<Gateway> with_retries(std::unique_ptr<Gateway> inner, RetryPolicy policy, RetryHooks hooks) {
  return std::make_unique<RetryingGateway>(std::move(inner), policy, std::move(hooks));
}

}  // namespace twctl::client
