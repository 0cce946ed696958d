// `videobot bot` with VIDEOBOT_HTTP_ADDR against the fake Bot API: readiness follows getUpdates,
// and /metrics counts Bot API calls and questions.
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "fakes/fake_bot_api.hpp"
#include "serve_fixture.hpp"

namespace videobot::testing {
namespace {

using Json = nlohmann::json;
using namespace std::chrono_literals;

constexpr const char* kBotToken = "777000:HTTP-secret_bot-token";

class BotHttpTest : public ServeFixture {
 protected:
  void SetUp() override {
    ServeFixture::SetUp();
    base_env_.push_back("BOT_TOKEN=" + std::string(kBotToken));
    base_env_.push_back("TELEGRAM_API_URL=" + telegram_.url());
    base_env_.push_back("BOT_POLL_TIMEOUT_SECONDS=1");
    base_env_.push_back("BOT_WORKERS=2");
    base_env_.push_back("BOT_SHUTDOWN_GRACE_SECONDS=5");
  }

  void TearDown() override {
    ServeFixture::TearDown();
    for (const auto& path : logs_) {
      std::ifstream in(path);
      std::ostringstream log_buffer;
      log_buffer << in.rdbuf();
      const std::string log = log_buffer.str();
      EXPECT_EQ(log.find("HTTP-secret"), std::string::npos) << "the bot token leaked into " << path;
    }
  }

  std::string Metrics() {
    auto metrics = Client().Get("/metrics");
    return metrics && metrics->status == 200 ? metrics->body : std::string();
  }

  FakeBotApi telegram_{kBotToken};
};

TEST_F(BotHttpTest, ReadyAfterASuccessfulGetUpdatesAndCountsBotApiCallsAndQuestions) {
  LoadGenerated(20);
  Start("bot", {"VIDEOBOT_LOG_FORMAT=json"});
  ASSERT_TRUE(WaitFor(
      [&] {
        auto ready = Client().Get("/readyz");
        return ready && ready->status == 200;
      },
      60s))
      << process_->Log();
  const std::string expected = Cli({"ask", "Сколько всего видео есть в системе?"});
  telegram_.PushText(9, "Сколько всего видео есть в системе?");
  ASSERT_TRUE(telegram_.WaitForSent(1, 60s));
  EXPECT_EQ(telegram_.SentTo(9).front().text, expected);
  std::string text;
  ASSERT_TRUE(WaitFor(
      [&] {
        // The bot counts sendMessage once Telegram's response is back, after the fake saw the message.
        text = Metrics();
        return text.find("videobot_questions_total{outcome=\"ok\",planner=\"rules\"} 1\n") != std::string::npos &&
               text.find("videobot_bot_api_requests_total{method=\"sendMessage\",code=\"200\"} 1\n") !=
                   std::string::npos;
      },
      30s))
      << text;
  EXPECT_NE(text.find("videobot_bot_api_requests_total{method=\"getUpdates\",code=\"200\"}"), std::string::npos)
      << text;
  EXPECT_NE(text.find("videobot_last_get_updates_success_timestamp_seconds "), std::string::npos) << text;
  EXPECT_EQ(text.find("HTTP-secret"), std::string::npos);
  const auto check = RunProcess({FindOnPath("promtool"), "check", "metrics"}, text);
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  Stop();
  std::istringstream lines(process_->Log());
  std::string line;
  bool saw_update = false;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    const Json json = Json::parse(line, nullptr, false);
    ASSERT_TRUE(json.is_object()) << line;
    if (json.contains("update_id") && json.value("outcome", "") == "ok") saw_update = true;
  }
  EXPECT_TRUE(saw_update) << process_->Log();
}

TEST_F(BotHttpTest, NotReadyWhileGetUpdatesFails) {
  LoadGenerated(5);
  // More failures than the bot's back-off can use up during the test.
  ScriptedFailure failure;
  failure.status = 502;
  telegram_.FailNext("getUpdates", failure, 1000);
  Start("bot");
  ASSERT_TRUE(WaitFor([&] { return telegram_.CallCount("getUpdates") >= 1; }, 60s));
  auto ready = Client().Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 503);
  EXPECT_NE(ready->body.find("getUpdates"), std::string::npos) << ready->body;
  std::string text;
  ASSERT_TRUE(WaitFor(
      [&] {
        text = Metrics();
        return text.find("videobot_bot_api_requests_total{method=\"getUpdates\",code=\"502\"}") != std::string::npos;
      },
      30s))
      << text;
}

}  // namespace
}  // namespace videobot::testing
