#include "telegram/redaction.hpp"

#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include <sstream>

namespace videobot::telegram {
namespace {

constexpr std::string_view kToken = "123456:AAE-secret_Token";

TEST(RedactTest, ReplacesEveryOccurrence) {
  const std::string text = "POST https://api.telegram.org/bot123456:AAE-secret_Token/getMe and 123456:AAE-secret_Token";
  const std::string redacted = Redact(text, kToken);
  EXPECT_EQ(redacted.find(kToken), std::string::npos);
  EXPECT_EQ(redacted, "POST https://api.telegram.org/bot<redacted>/getMe and <redacted>");
}

TEST(RedactTest, ReplacesTheUrlEncodedForm) {
  EXPECT_EQ(Redact("/bot123456%3AAAE-secret_Token/x", kToken), "/bot<redacted>/x");
  EXPECT_EQ(Redact("/bot123456%3aAAE-secret_Token/x", kToken), "/bot<redacted>/x");
}

TEST(RedactTest, EmptySecretChangesNothing) { EXPECT_EQ(Redact("abc", ""), "abc"); }

TEST(RedactingLoggerTest, NoLineCarriesTheToken) {
  std::ostringstream out;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
  auto logger = MakeRedactingLogger("test", std::string(kToken), sink);
  logger->info("url=https://api.telegram.org/bot{}/sendMessage", kToken);
  logger->warn("error=\"{}\"", std::string("failed: ") + std::string(kToken));
  logger->flush();
  const std::string text = out.str();
  EXPECT_EQ(text.find(kToken), std::string::npos) << text;
  EXPECT_NE(text.find("bot<redacted>/sendMessage"), std::string::npos) << text;
  EXPECT_NE(text.find("failed: <redacted>"), std::string::npos) << text;
}

}  // namespace
}  // namespace videobot::telegram
