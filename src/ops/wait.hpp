#pragma once
// Asking the cluster again until something holds, with a pause growing from 100 ms to 1 s, bounded by a
// --wait duration: `operator cluster health --wait`, `task-queue describe --require-pollers --wait`.

#include "app/context.hpp"
#include "core/error.hpp"

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

namespace twctl::ops {

// What a wait waits out besides the answer it wants: a server that is not up yet (refused, reset,
// UNAVAILABLE) or not answering in time. A wrong address, TLS or credentials fail at once; so does
// --command-timeout.
bool worth_waiting(const Error& e);

struct WaitResult {
  bool done = false;  // `check` returned true
  int attempts = 0;
  std::string last;   // what the last check saw (the error's message, or what `check` wrote)
};

// Calls `check(last)` until it returns true or `wait` has passed (each check runs at least once). `check`
// returns false and says in `last` what it saw; an Error that worth_waiting accepts counts as a "not yet",
// any other propagates. Interrupted (SIGINT) is an Error of its own kind. With --verbose each pause is one line:
// "<not_yet> (<last>); checking again in 200ms".
WaitResult wait_with_backoff(Context& ctx, std::chrono::nanoseconds wait, std::string_view not_yet,
                             const std::function<bool(std::string& last)>& check);

}  // namespace twctl::ops
