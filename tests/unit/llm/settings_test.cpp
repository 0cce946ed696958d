#include "llm/settings.hpp"

#include <gtest/gtest.h>

#include <map>

namespace videobot::llm {
namespace {

Settings::Lookup FromMap(std::map<std::string, std::string> values) {
  return [values = std::move(values)](const char* name) -> std::optional<std::string> {
    const auto found = values.find(name);
    if (found == values.end()) return std::nullopt;
    return found->second;
  };
}

TEST(LlmSettings, DefaultsWhenNothingIsSet) {
  auto settings = Settings::FromEnvironment(FromMap({}));
  ASSERT_TRUE(settings);
  EXPECT_EQ(settings->base_url, "https://api.openai.com/v1");
  EXPECT_EQ(settings->model, "gpt-4o-mini");
  EXPECT_FALSE(settings->HasKey());
  EXPECT_EQ(settings->proxy_url, "");
  EXPECT_EQ(settings->timeout, std::chrono::milliseconds(15'000));
  EXPECT_EQ(settings->max_response_bytes, 4u << 20);
}

TEST(LlmSettings, ReadsEveryVariable) {
  auto settings = Settings::FromEnvironment(FromMap({{"LLM_BASE_URL", "http://127.0.0.1:8080/v1/"},
                                                     {"LLM_API_KEY", "sk-secret"},
                                                     {"LLM_MODEL", "qwen2.5"},
                                                     {"LLM_PROXY_URL", "socks5h://u:p@127.0.0.1:1080"},
                                                     {"LLM_TIMEOUT_S", "2.5"},
                                                     {"LLM_MAX_RESPONSE_BYTES", "65536"}}));
  ASSERT_TRUE(settings);
  EXPECT_EQ(settings->base_url, "http://127.0.0.1:8080/v1");
  EXPECT_EQ(settings->api_key, "sk-secret");
  EXPECT_TRUE(settings->HasKey());
  EXPECT_EQ(settings->model, "qwen2.5");
  EXPECT_EQ(settings->proxy_url, "socks5h://u:p@127.0.0.1:1080");
  EXPECT_EQ(settings->timeout, std::chrono::milliseconds(2'500));
  EXPECT_EQ(settings->max_response_bytes, 65536u);
}

TEST(LlmSettings, EmptyVariablesKeepDefaults) {
  auto settings = Settings::FromEnvironment(FromMap({{"LLM_MODEL", "  "}, {"LLM_API_KEY", ""}}));
  ASSERT_TRUE(settings);
  EXPECT_EQ(settings->model, "gpt-4o-mini");
  EXPECT_FALSE(settings->HasKey());
}

TEST(LlmSettings, AcceptsEveryProxyScheme) {
  for (const char* proxy : {"http://127.0.0.1:3128", "https://proxy.local:443", "socks5://127.0.0.1:1080",
                            "socks5h://user:pass@127.0.0.1:1080"}) {
    EXPECT_TRUE(Settings::FromEnvironment(FromMap({{"LLM_PROXY_URL", proxy}}))) << proxy;
  }
}

TEST(LlmSettings, RejectsBadValuesWithoutEchoingThem) {
  const auto proxy = Settings::FromEnvironment(FromMap({{"LLM_PROXY_URL", "ftp://secretuser:pw@host"}}));
  ASSERT_FALSE(proxy);
  EXPECT_EQ(proxy.error().code, ErrorCode::kUsage);
  EXPECT_EQ(proxy.error().path, "LLM_PROXY_URL");
  EXPECT_EQ(proxy.error().Describe().find("secretuser"), std::string::npos);

  for (const char* timeout : {"abc", "0", "-3", "601", "5s"}) {
    const auto result = Settings::FromEnvironment(FromMap({{"LLM_TIMEOUT_S", timeout}}));
    ASSERT_FALSE(result) << timeout;
    EXPECT_EQ(result.error().path, "LLM_TIMEOUT_S");
  }
  for (const char* limit : {"abc", "0", "1023", "-5", "4MiB", "1073741825", "99999999999999999999999"}) {
    const auto result = Settings::FromEnvironment(FromMap({{"LLM_MAX_RESPONSE_BYTES", limit}}));
    ASSERT_FALSE(result) << limit;
    EXPECT_EQ(result.error().path, "LLM_MAX_RESPONSE_BYTES");
  }
  const auto base = Settings::FromEnvironment(FromMap({{"LLM_BASE_URL", "api.openai.com"}}));
  ASSERT_FALSE(base);
  EXPECT_EQ(base.error().path, "LLM_BASE_URL");
}

TEST(LlmSettings, DescribeNeverShowsSecrets) {
  Settings settings;
  settings.api_key = "sk-very-secret-key";
  settings.proxy_url = "socks5://alice:hunter2@127.0.0.1:1080";
  const std::string text = settings.Describe();
  EXPECT_EQ(text.find("sk-very-secret-key"), std::string::npos);
  EXPECT_EQ(text.find("hunter2"), std::string::npos);
  EXPECT_NE(text.find("alice:***@127.0.0.1:1080"), std::string::npos);
  EXPECT_NE(text.find("API key set"), std::string::npos);
}

TEST(LlmSettings, RedactSecretsReplacesKeyAndProxyPassword) {
  Settings settings;
  settings.api_key = "sk-abc";
  settings.proxy_url = "http://bob:pa55@127.0.0.1:3128";
  EXPECT_EQ(RedactSecrets("key sk-abc and sk-abc, password pa55", settings), "key *** and ***, password ***");
  EXPECT_EQ(MaskUrlCredentials("http://bob@127.0.0.1:3128"), "http://bob@127.0.0.1:3128");
  EXPECT_EQ(MaskUrlCredentials("http://127.0.0.1:3128/a@b"), "http://127.0.0.1:3128/a@b");
}

}  // namespace
}  // namespace videobot::llm
