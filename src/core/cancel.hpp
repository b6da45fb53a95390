#pragma once
// A cancellation token: set once (SIGINT, SIGTERM or a test), observed by long calls.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>

namespace twctl {

class CancelToken {
 public:
  bool cancelled() const { return cancelled_.load(); }
  // Runs every registered callback once; later registrations run at once.
  void cancel();
  // Waits up to `d`, returning early (true) once cancelled. For backoff between retries.
  bool wait_for(std::chrono::milliseconds d);

  // While a Registration lives, its callback runs on cancel(). Used to abort an RPC in flight.
  class Registration {
   public:
    Registration(CancelToken& token, std::function<void()> fn);
    ~Registration();
    Registration(const Registration&) = delete;
    Registration& operator=(const Registration&) = delete;

   private:
    CancelToken& token_;
    int id_;
  };

 private:
  std::atomic<bool> cancelled_{false};
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<int, std::function<void()>> callbacks_;
  int next_id_ = 0;
};

}  // namespace twctl
