#include "telegram/bot_config.hpp"

#include <gtest/gtest.h>

#include <map>

namespace videobot::telegram {
namespace {

BotConfig FromMap(const std::map<std::string, std::string>& env) {
  return BotConfig::FromLookup([&](std::string_view name) -> std::optional<std::string> {
    const auto it = env.find(std::string(name));
    if (it == env.end()) return std::nullopt;
    return it->second;
  });
}

TEST(BotConfigTest, MissingTokenIsAClearError) {
  try {
    FromMap({});
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& error) {
    EXPECT_NE(std::string(error.what()).find("BOT_TOKEN"), std::string::npos);
  }
  EXPECT_THROW(FromMap({{"BOT_TOKEN", "   "}}), ConfigError);
}

TEST(BotConfigTest, DefaultsWithOnlyAToken) {
  const BotConfig config = FromMap({{"BOT_TOKEN", "123:abc"}});
  EXPECT_EQ(config.token, "123:abc");
  EXPECT_EQ(config.api_url, "https://api.telegram.org");
  EXPECT_TRUE(config.allowed_user_ids.empty());
  EXPECT_TRUE(config.allowed_chat_ids.empty());
  EXPECT_GE(config.workers, 1);
  EXPECT_GT(config.rate_limit_per_minute, 0);
  EXPECT_EQ(config.max_response_bytes, 16u << 20);
}

TEST(BotConfigTest, ReadsEveryVariable) {
  const BotConfig config = FromMap({{"BOT_TOKEN", "123:abc"},
                                    {"TELEGRAM_API_URL", "http://127.0.0.1:8081/"},
                                    {"TELEGRAM_PROXY", "socks5h://127.0.0.1:1080"},
                                    {"ALLOWED_USER_IDS", "1, 2,3"},
                                    {"ALLOWED_CHAT_IDS", "-100123"},
                                    {"ADMIN_USER_IDS", "7,8"},
                                    {"BOT_WORKERS", "8"},
                                    {"BOT_RATE_LIMIT_PER_MINUTE", "0"},
                                    {"BOT_POLL_TIMEOUT_SECONDS", "2"},
                                    {"BOT_STATEMENT_TIMEOUT_MS", "1500"},
                                    {"BOT_SHUTDOWN_GRACE_SECONDS", "3"},
                                    {"BOT_MAX_RESPONSE_BYTES", "1048576"}});
  EXPECT_EQ(config.api_url, "http://127.0.0.1:8081");
  EXPECT_EQ(config.proxy_url, "socks5h://127.0.0.1:1080");
  EXPECT_EQ(config.allowed_user_ids, (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(config.allowed_chat_ids, (std::vector<std::int64_t>{-100123}));
  EXPECT_EQ(config.admin_user_ids, (std::vector<std::int64_t>{7, 8}));
  EXPECT_EQ(config.workers, 8);
  EXPECT_EQ(config.rate_limit_per_minute, 0);
  EXPECT_EQ(config.poll_timeout, std::chrono::seconds(2));
  EXPECT_EQ(config.statement_timeout, std::chrono::milliseconds(1500));
  EXPECT_EQ(config.shutdown_grace, std::chrono::seconds(3));
  EXPECT_EQ(config.max_response_bytes, 1u << 20);
}

TEST(BotConfigTest, MalformedValuesNameTheVariableButNotTheToken) {
  const std::string token = "987654:SECRET-token-value";
  for (const auto& [name, value] : std::map<std::string, std::string>{{"ALLOWED_USER_IDS", "1,x"},
                                                                      {"ALLOWED_CHAT_IDS", "1,,2"},
                                                                      {"ADMIN_USER_IDS", "admin"},
                                                                      {"BOT_WORKERS", "0"},
                                                                      {"BOT_WORKERS", "many"},
                                                                      {"BOT_RATE_LIMIT_PER_MINUTE", "-1"},
                                                                      {"BOT_MAX_RESPONSE_BYTES", "1000"},
                                                                      {"BOT_MAX_RESPONSE_BYTES", "16MiB"},
                                                                      {"TELEGRAM_API_URL", "ftp://x"}}) {
    try {
      FromMap({{"BOT_TOKEN", token}, {name, value}});
      FAIL() << name << "=" << value << " accepted";
    } catch (const ConfigError& error) {
      EXPECT_NE(std::string(error.what()).find(name), std::string::npos) << error.what();
      EXPECT_EQ(std::string(error.what()).find(token), std::string::npos) << error.what();
    }
  }
}

TEST(BotConfigTest, TokenWithUrlCharactersIsRejected) {
  EXPECT_THROW(FromMap({{"BOT_TOKEN", "123/abc"}}), ConfigError);
  EXPECT_THROW(FromMap({{"BOT_TOKEN", "123 abc"}}), ConfigError);
}

TEST(ParseIdListTest, ParsesAndRejects) {
  EXPECT_EQ(ParseIdList("", "X"), std::vector<std::int64_t>{});
  EXPECT_EQ(ParseIdList(" 5 ", "X"), std::vector<std::int64_t>{5});
  EXPECT_EQ(ParseIdList("-1,2", "X"), (std::vector<std::int64_t>{-1, 2}));
  EXPECT_THROW(ParseIdList("1,", "X"), ConfigError);
  EXPECT_THROW(ParseIdList("1;2", "X"), ConfigError);
  EXPECT_THROW(ParseIdList("99999999999999999999", "X"), ConfigError);
}

}  // namespace
}  // namespace videobot::telegram
