#pragma once
// Retries of transient failures, as a Gateway decorator: exponential backoff with jitter, bounded in time (the
// retry window, --retry-window) and by --command-timeout, and only for calls that are safe to repeat (reads
// always; starts and cancels only with a request ID, which the server uses to de-duplicate them). Ops stay
// unaware. A change whose answer was lost (the request may have reached the server) fails as outcome_unknown.

#include "client/gateway.hpp"
#include "core/error.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

namespace twctl::client {

struct RetryPolicy {
  std::chrono::milliseconds initial_backoff{200};
  std::chrono::milliseconds max_backoff{5'000};
  double multiplier = 2.0;
  double jitter = 0.2;  // each wait is scaled by a random factor in [1 - jitter, 1 + jitter]
  // How long one call is retried, from its first failure, once the cluster has answered this command at least
  // once (it is there: ride out a restart or a failover; --retry-window) ...
  std::chrono::milliseconds window{60'000};
  // ... and while it never has (a wrong address or a stopped server should fail fast).
  std::chrono::milliseconds window_unreached{2'000};
};

// Transient: UNAVAILABLE for a refused, reset or dropped connection (not DNS, TLS or a bad address), and
// RESOURCE_EXHAUSTED that is not a message over the size limit.
bool is_transient(const Error& e);

// Whether a failed attempt may have reached the server (and a change been applied): the connection was lost
// or the deadline passed after the call began. A refused connection, DNS, TLS or a connect timeout: not sent.
bool may_have_been_sent(const Error& e);

// The wait before retry number `retry` (1-based), before jitter.
std::chrono::milliseconds backoff(const RetryPolicy& p, int retry);

struct RetryHooks {
  std::function<std::chrono::system_clock::time_point()> now;
  // Sleeps up to the given time; returns false if interrupted (then the last error is raised as interrupted).
  std::function<bool(std::chrono::milliseconds)> sleep;
  std::function<double()> random;  // uniform in [0, 1); null: a seeded generator
  std::function<void(std::string_view)> log;  // one line per retry (--verbose); may be null
  std::optional<std::chrono::system_clock::time_point> deadline;  // --command-timeout
};

std::unique_ptr<Gateway> with_retries(std::unique_ptr<Gateway> inner, RetryPolicy policy, RetryHooks hooks);

}  // namespace twctl::client
