#pragma once
// Retries of transient failures, as a Gateway decorator: exponential backoff with jitter, bounded in attempts
// and time, and only for calls that are safe to repeat (reads always; starts and cancels only with a request
// ID, which the server uses to de-duplicate them). Ops stay unaware.

#include "client/gateway.hpp"
#include "core/error.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

namespace twctl::client {

struct RetryPolicy {
  int max_attempts = 12;
  std::chrono::milliseconds initial_backoff{200};
  std::chrono::milliseconds max_backoff{5'000};
  double multiplier = 2.0;
  double jitter = 0.2;  // each wait is scaled by a random factor in [1 - jitter, 1 + jitter]
  // Total time spent retrying one call once the cluster has answered this command at least once (it is there:
  // ride out a restart or a failover) ...
  std::chrono::milliseconds max_elapsed{60'000};
  // ... and while it never has (a wrong address or a stopped server should fail fast).
  std::chrono::milliseconds max_elapsed_unreached{2'000};
};

// Transient: UNAVAILABLE for a refused, reset or dropped connection (not DNS, TLS or a bad address), and
// RESOURCE_EXHAUSTED that is not a message over the size limit.
bool is_transient(const Error& e);

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
