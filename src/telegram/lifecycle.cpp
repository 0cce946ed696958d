#include "telegram/lifecycle.hpp"

namespace videobot::telegram {

Lifecycle::Lifecycle(std::chrono::milliseconds grace) : grace_(grace) {}

void Lifecycle::RequestStop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
    deadline_ = Clock::now() + grace_;
  }
  cv_.notify_all();
}

bool Lifecycle::stopping() const {
  std::lock_guard lock(mutex_);
  return stopping_;
}

bool Lifecycle::PastDeadline() const {
  std::lock_guard lock(mutex_);
  return stopping_ && Clock::now() >= deadline_;
}

bool Lifecycle::WaitUntil(Clock::time_point until) {
  std::unique_lock lock(mutex_);
  while (true) {
    const auto now = Clock::now();
    if (now >= until) return true;
    if (stopping_ && now >= deadline_) return false;
    cv_.wait_until(lock, std::min(until, deadline_));
  }
}

bool Lifecycle::WaitForStop(Clock::time_point until) {
  std::unique_lock lock(mutex_);
  return cv_.wait_until(lock, until, [this] { return stopping_; });
}

}  // namespace videobot::telegram
