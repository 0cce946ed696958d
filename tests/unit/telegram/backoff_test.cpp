#include "telegram/backoff.hpp"

#include <gtest/gtest.h>

namespace videobot::telegram {
namespace {

using std::chrono::milliseconds;

TEST(BackoffTest, DoublesUpToTheMaximumAndResets) {
  Backoff backoff(milliseconds(100), milliseconds(750), 0.0);
  EXPECT_EQ(backoff.Next(), milliseconds(100));
  EXPECT_EQ(backoff.Next(), milliseconds(200));
  EXPECT_EQ(backoff.Next(), milliseconds(400));
  EXPECT_EQ(backoff.Next(), milliseconds(750));
  EXPECT_EQ(backoff.Next(), milliseconds(750));
  backoff.Reset();
  EXPECT_EQ(backoff.Next(), milliseconds(100));
}

TEST(BackoffTest, JitterOnlyShortensTheDelay) {
  Backoff backoff(milliseconds(1000), milliseconds(1000), 0.2);
  for (int i = 0; i < 100; ++i) {
    const auto delay = backoff.Next();
    EXPECT_GE(delay, milliseconds(800));
    EXPECT_LE(delay, milliseconds(1000));
  }
}

}  // namespace
}  // namespace videobot::telegram
