#pragma once
// A keyed token bucket: each key (a chat, a client address) may make `per_minute` requests in a
// burst, and then one more every 60/per_minute seconds. Shared by the bot and the HTTP API.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <unordered_map>

namespace videobot {

/// The verdict for one request.
enum class RateDecision {
  kAllowed,       ///< serve it
  kLimited,       ///< over the limit: tell the client once
  kLimitedQuiet,  ///< over the limit and already told: drop without a reply
};

/// Thread-safe. Time is passed in so tests control it.
template <typename Key>
class KeyedRateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  /// `per_minute` == 0 disables the limit.
  explicit KeyedRateLimiter(int per_minute) : capacity_(per_minute), tokens_per_second_(per_minute / 60.0) {}

  /// Takes a token for `key` at time `now`.
  RateDecision Acquire(const Key& key, Clock::time_point now) {
    if (capacity_ <= 0) return RateDecision::kAllowed;
    std::lock_guard lock(mutex_);
    if (buckets_.size() > kPruneThreshold) ForgetIdle(now);
    auto [it, inserted] = buckets_.try_emplace(key, Bucket{capacity_, now, false});
    Bucket& bucket = it->second;
    if (!inserted) Refill(bucket, now);
    if (bucket.tokens >= 1.0) {
      bucket.tokens -= 1.0;
      bucket.notified = false;
      return RateDecision::kAllowed;
    }
    if (bucket.notified) return RateDecision::kLimitedQuiet;
    bucket.notified = true;
    return RateDecision::kLimited;
  }

 private:
  /// Above this many tracked keys, keys whose bucket is full again are forgotten.
  static constexpr std::size_t kPruneThreshold = 10'000;

  struct Bucket {
    double tokens = 0;
    Clock::time_point updated;
    bool notified = false;  ///< the key was told it is limited since its last allowed request
  };

  void Refill(Bucket& bucket, Clock::time_point now) const {
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    if (elapsed > 0) {
      bucket.tokens = std::min(capacity_, bucket.tokens + elapsed * tokens_per_second_);
      bucket.updated = now;
    }
  }

  void ForgetIdle(Clock::time_point now) {
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      Refill(it->second, now);
      it = it->second.tokens >= capacity_ ? buckets_.erase(it) : std::next(it);
    }
  }

  double capacity_;
  double tokens_per_second_;
  std::mutex mutex_;
  std::unordered_map<Key, Bucket> buckets_;
};

}  // namespace videobot
