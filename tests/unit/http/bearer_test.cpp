#include <gtest/gtest.h>

#include "http/api_server.hpp"

namespace videobot::http {
namespace {

TEST(BearerTokenTest, AcceptsOnlyTheExactTokenWithTheBearerScheme) {
  EXPECT_TRUE(BearerTokenMatches("Bearer s3cret-token", "s3cret-token"));
  EXPECT_TRUE(BearerTokenMatches("bearer s3cret-token", "s3cret-token"));
  EXPECT_FALSE(BearerTokenMatches("Bearer s3cret-tokeN", "s3cret-token"));
  EXPECT_FALSE(BearerTokenMatches("Bearer s3cret-token-longer", "s3cret-token"));
  EXPECT_FALSE(BearerTokenMatches("Bearer s3cret", "s3cret-token"));
  EXPECT_FALSE(BearerTokenMatches("Bearer ", "s3cret-token"));
  EXPECT_FALSE(BearerTokenMatches("Basic s3cret-token", "s3cret-token"));
  EXPECT_FALSE(BearerTokenMatches("s3cret-token", "s3cret-token"));
  EXPECT_FALSE(BearerTokenMatches("", "s3cret-token"));
  EXPECT_FALSE(BearerTokenMatches("Bearer ", "")) << "an empty token never matches";
  // A token repeated to the expected length is still a different token.
  EXPECT_FALSE(BearerTokenMatches("Bearer ab", "abab"));
}

}  // namespace
}  // namespace videobot::http
