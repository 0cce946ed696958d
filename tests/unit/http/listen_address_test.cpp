#include "http/listen_address.hpp"

#include <gtest/gtest.h>

namespace videobot::http {
namespace {

TEST(ListenAddressTest, ParsesHostAndPortIncludingBracketedIpv6AndPortZero) {
  const auto v4 = ParseListenAddress("127.0.0.1:8080");
  ASSERT_TRUE(v4.has_value());
  EXPECT_EQ(v4->host, "127.0.0.1");
  EXPECT_EQ(v4->port, 8080);
  const auto v6 = ParseListenAddress("[::1]:0");
  ASSERT_TRUE(v6.has_value());
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->port, 0);
  EXPECT_EQ(FormatListenAddress(*v6), "[::1]:0");
  EXPECT_EQ(FormatListenAddress(*v4), "127.0.0.1:8080");
}

TEST(ListenAddressTest, RejectsMalformedAddresses) {
  for (const char* bad : {"", "8080", ":8080", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1", "127.0.0.1:80x",
                          "::1:8080", "[::1]", "[]:80", "host name:80"}) {
    EXPECT_FALSE(ParseListenAddress(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace videobot::http
