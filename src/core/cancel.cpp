#include "core/cancel.hpp"

namespace twctl {

// Callbacks run under the lock so that a Registration being destroyed on another thread cannot have its
// callback run after its destructor returned (the callback typically points at a gRPC ClientContext).
void CancelToken::cancel() {
  std::lock_guard lock(mu_);
  if (cancelled_.exchange(true)) return;
  for (auto& [id, fn] : callbacks_) fn();
  cv_.notify_all();
}

bool CancelToken::wait_for(std::chrono::milliseconds d) {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, d, [this] { return cancelled_.load(); });
}

CancelToken::Registration::Registration(CancelToken& token, std::function<void()> fn) : token_(token) {
  bool run_now = false;
  {
    std::lock_guard lock(token_.mu_);
    id_ = token_.next_id_++;
    if (token_.cancelled_) {
      run_now = true;
    } else {
      token_.callbacks_.emplace(id_, fn);
    }
  }
  if (run_now) fn();
}

CancelToken::Registration::~Registration() {
  std::lock_guard lock(token_.mu_);
  token_.callbacks_.erase(id_);
}

}  // namespace twctl
