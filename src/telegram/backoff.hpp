#pragma once
// Bounded exponential backoff with jitter, for retrying network and database failures.

#include <chrono>
#include <random>

namespace videobot::telegram {

class Backoff {
 public:
  /// Delays start at `initial`, double on each Next(), never exceed `maximum`; each delay is
  /// scaled by a random factor in [1 - jitter, 1].
  Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds maximum, double jitter = 0.2);

  /// The delay before the next attempt.
  std::chrono::milliseconds Next();

  /// Back to `initial` (after a success).
  void Reset();

 private:
  std::chrono::milliseconds initial_;
  std::chrono::milliseconds maximum_;
  std::chrono::milliseconds current_;
  double jitter_;
  std::minstd_rand random_;
};

}  // namespace videobot::telegram
