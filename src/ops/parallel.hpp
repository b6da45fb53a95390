#pragma once
// Calls made side by side: fn(i) for every i in [0, n), at most `concurrency` at once, each on a thread of
// its own (the gateway is safe for concurrent calls: client/gateway.hpp). After the first exception no new
// index is started; it is rethrown once every thread has ended.

#include "message/pool.hpp"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace twctl::ops {

template <typename Fn>
void for_each_parallel(size_t n, int concurrency, Fn&& fn) {
  size_t threads = std::min(n, static_cast<size_t>(std::max(concurrency, 1)));
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mu;
  std::exception_ptr first;
  auto work = [&] {
    while (!failed.load()) {
      size_t i = next.fetch_add(1);
      if (i >= n) return;
      try {
        fn(i);
      } catch (...) {
        std::lock_guard lock(mu);
        if (!first) first = std::current_exception();
        failed = true;
      }
    }
  };
  message::pool();  // every descriptor the threads may use, registered before they start (message/pool.hpp)
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();  // this thread takes its share too
  for (auto& t : pool) t.join();
  if (first) std::rethrow_exception(first);
}

}  // namespace twctl::ops
