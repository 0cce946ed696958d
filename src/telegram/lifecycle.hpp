#pragma once
// The bot's run state shared by its threads: running, or stopping with a deadline for the work
// that is allowed to finish (replies of questions already being answered).

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace videobot::telegram {

class Lifecycle {
 public:
  using Clock = std::chrono::steady_clock;

  /// After RequestStop, work may continue for `grace`.
  explicit Lifecycle(std::chrono::milliseconds grace);

  /// Starts the shutdown; wakes every waiter. Idempotent.
  void RequestStop();

  /// True once RequestStop was called.
  bool stopping() const;

  /// True when stopping and the grace period is over.
  bool PastDeadline() const;

  /// Waits until `until` unless the shutdown deadline comes first; true when `until` was reached.
  bool WaitUntil(Clock::time_point until);

  /// Waits until `until` or until the shutdown starts; true when the shutdown started.
  bool WaitForStop(Clock::time_point until);

 private:
  std::chrono::milliseconds grace_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  bool stopping_ = false;
  Clock::time_point deadline_ = Clock::time_point::max();
};

}  // namespace videobot::telegram
