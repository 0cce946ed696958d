#pragma once
// A per-chat token bucket: each chat may ask `per_minute` questions in a burst, and then one
// more every 60/per_minute seconds.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <unordered_map>

namespace videobot::telegram {

/// The verdict for one message.
enum class RateDecision {
  kAllowed,       ///< answer it
  kLimited,       ///< over the limit: tell the chat once
  kLimitedQuiet,  ///< over the limit and already told: drop without a reply
};

/// Thread-safe. Time is passed in so tests control it.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  /// `per_minute` == 0 disables the limit.
  explicit RateLimiter(int per_minute);

  /// Takes a token for `chat_id` at time `now`.
  RateDecision Acquire(std::int64_t chat_id, Clock::time_point now);

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point updated;
    bool notified = false;  ///< the chat was told it is limited since its last allowed message
  };
  void Refill(Bucket& bucket, Clock::time_point now) const;
  void ForgetIdle(Clock::time_point now);

  double capacity_;
  double tokens_per_second_;
  std::mutex mutex_;
  std::unordered_map<std::int64_t, Bucket> buckets_;
};

}  // namespace videobot::telegram
