#include "telegram/rate_limiter.hpp"

#include <algorithm>

namespace videobot::telegram {
namespace {

/// Above this many tracked chats, chats whose bucket is full again are forgotten.
constexpr std::size_t kPruneThreshold = 10'000;

}  // namespace

RateLimiter::RateLimiter(int per_minute) : capacity_(per_minute), tokens_per_second_(per_minute / 60.0) {}

void RateLimiter::Refill(Bucket& bucket, Clock::time_point now) const {
  const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
  if (elapsed > 0) {
    bucket.tokens = std::min(capacity_, bucket.tokens + elapsed * tokens_per_second_);
    bucket.updated = now;
  }
}

void RateLimiter::ForgetIdle(Clock::time_point now) {
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    Refill(it->second, now);
    it = it->second.tokens >= capacity_ ? buckets_.erase(it) : std::next(it);
  }
}

RateDecision RateLimiter::Acquire(std::int64_t chat_id, Clock::time_point now) {
  if (capacity_ <= 0) return RateDecision::kAllowed;
  std::lock_guard lock(mutex_);
  if (buckets_.size() > kPruneThreshold) ForgetIdle(now);
  auto [it, inserted] = buckets_.try_emplace(chat_id, Bucket{capacity_, now, false});
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

}  // namespace videobot::telegram
