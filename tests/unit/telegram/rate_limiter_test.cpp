#include "telegram/rate_limiter.hpp"

#include <gtest/gtest.h>

namespace videobot::telegram {
namespace {

using namespace std::chrono_literals;

TEST(RateLimiterTest, AllowsABurstThenLimitsAndTellsOnce) {
  RateLimiter limiter(3);
  const auto t0 = RateLimiter::Clock::now();
  EXPECT_EQ(limiter.Acquire(1, t0), RateDecision::kAllowed);
  EXPECT_EQ(limiter.Acquire(1, t0), RateDecision::kAllowed);
  EXPECT_EQ(limiter.Acquire(1, t0), RateDecision::kAllowed);
  EXPECT_EQ(limiter.Acquire(1, t0), RateDecision::kLimited);
  EXPECT_EQ(limiter.Acquire(1, t0 + 1s), RateDecision::kLimitedQuiet);
  EXPECT_EQ(limiter.Acquire(1, t0 + 2s), RateDecision::kLimitedQuiet);
}

TEST(RateLimiterTest, RefillsOverTime) {
  RateLimiter limiter(60);  // one per second
  const auto t0 = RateLimiter::Clock::now();
  for (int i = 0; i < 60; ++i) ASSERT_EQ(limiter.Acquire(1, t0), RateDecision::kAllowed);
  EXPECT_EQ(limiter.Acquire(1, t0 + 500ms), RateDecision::kLimited);
  EXPECT_EQ(limiter.Acquire(1, t0 + 1100ms), RateDecision::kAllowed);
  EXPECT_EQ(limiter.Acquire(1, t0 + 1200ms), RateDecision::kLimited);  // told again after an allowed one
  // Never more than the burst, however long the pause.
  int allowed = 0;
  for (int i = 0; i < 100; ++i) allowed += limiter.Acquire(1, t0 + 1h) == RateDecision::kAllowed ? 1 : 0;
  EXPECT_EQ(allowed, 60);
}

TEST(RateLimiterTest, ChatsAreIndependent) {
  RateLimiter limiter(1);
  const auto t0 = RateLimiter::Clock::now();
  EXPECT_EQ(limiter.Acquire(1, t0), RateDecision::kAllowed);
  EXPECT_EQ(limiter.Acquire(1, t0), RateDecision::kLimited);
  EXPECT_EQ(limiter.Acquire(2, t0), RateDecision::kAllowed);
}

TEST(RateLimiterTest, ZeroDisablesTheLimit) {
  RateLimiter limiter(0);
  const auto t0 = RateLimiter::Clock::now();
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(limiter.Acquire(1, t0), RateDecision::kAllowed);
}

TEST(RateLimiterTest, ManyChatsKeepWorking) {
  RateLimiter limiter(5);
  const auto t0 = RateLimiter::Clock::now();
  for (std::int64_t chat = 0; chat < 30'000; ++chat) limiter.Acquire(chat, t0 + std::chrono::seconds(chat));
  // Chat 0 (forgotten or refilled) gets exactly a full burst again.
  for (int i = 0; i < 5; ++i) EXPECT_EQ(limiter.Acquire(0, t0 + 10h), RateDecision::kAllowed);
  EXPECT_EQ(limiter.Acquire(0, t0 + 10h), RateDecision::kLimited);
}

}  // namespace
}  // namespace videobot::telegram
