#include "ops/wait.hpp"

#include "client/retry.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace twctl::ops {

bool worth_waiting(const Error& e) {
  if (client::is_transient(e)) return true;
  return e.kind() == ErrorKind::DeadlineExceeded && e.cause != "command_timeout";
}

WaitResult wait_with_backoff(Context& ctx, std::chrono::nanoseconds wait, std::string_view not_yet,
                             const std::function<bool(std::string& last)>& check) {
  auto until = ctx.now() + std::chrono::duration_cast<std::chrono::system_clock::duration>(wait);
  auto pause = std::chrono::milliseconds(100);
  WaitResult result;
  for (;;) {
    ++result.attempts;
    result.last.clear();
    try {
      if (check(result.last)) {
        result.done = true;
        return result;
      }
    } catch (const Error& e) {
      if (!worth_waiting(e)) throw;
      result.last = e.what();
    }
    auto now = ctx.now();
    if (now >= until) return result;
    ctx.debug(fmt::format("{} ({}); checking again in {}ms", not_yet, result.last, pause.count()));
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - now) + std::chrono::milliseconds(1);
    if (!ctx.pause(std::min(pause, left))) throw Error(ErrorKind::Interrupted, "interrupted");
    pause = std::min(pause * 2, std::chrono::milliseconds(1'000));
  }
}

}  // namespace twctl::ops
