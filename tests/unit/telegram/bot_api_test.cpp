// The Bot API client against the fake Bot API server on loopback.
#include "telegram/bot_api.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <thread>

#include "fakes/fake_bot_api.hpp"
#include "telegram/bot_config.hpp"
#include "telegram/json_repair.hpp"

namespace videobot::telegram {
namespace {

using namespace std::chrono_literals;
using testing::FakeBotApi;
using testing::ScriptedFailure;

constexpr const char* kToken = "424242:TEST-token_for-unit-tests";

class BotApiTest : public ::testing::Test {
 protected:
  FakeBotApi server_{kToken};
  std::unique_ptr<net::HttpClient> http_ = net::MakeCurlHttpClient();
  BotApi api_{*http_, server_.url(), kToken, 5s};
};

void ExpectNoToken(const std::exception& error) {
  EXPECT_EQ(std::string(error.what()).find(kToken), std::string::npos) << error.what();
  EXPECT_EQ(std::string(error.what()).find("TEST-token"), std::string::npos) << error.what();
}

TEST_F(BotApiTest, GetMeReturnsTheBotAccount) {
  const User me = api_.GetMe();
  EXPECT_TRUE(me.is_bot);
  EXPECT_EQ(me.username, server_.bot_username());
  EXPECT_EQ(server_.CallCount("getMe"), 1u);
}

TEST_F(BotApiTest, SetupCallsSucceed) {
  EXPECT_NO_THROW(api_.DeleteWebhook());
  EXPECT_NO_THROW(api_.SetMyCommands({{"help", "справка"}}));
  EXPECT_EQ(server_.CallCount("deleteWebhook"), 1u);
  EXPECT_EQ(server_.CallCount("setMyCommands"), 1u);
}

TEST_F(BotApiTest, GetUpdatesReturnsQueuedMessagesAndTheOffsetConfirmsThem) {
  const auto first = server_.PushText(7, "Сколько всего видео есть в системе?");
  const auto second = server_.PushText(8, "второй", 99, "group");
  const auto updates = api_.GetUpdates(0, 0s);
  ASSERT_EQ(updates.size(), 2u);
  EXPECT_EQ(updates[0].update_id, first);
  EXPECT_EQ(updates[0].kind, "message");
  ASSERT_TRUE(updates[0].message && updates[0].message->text);
  EXPECT_EQ(*updates[0].message->text, "Сколько всего видео есть в системе?");
  EXPECT_EQ(updates[0].message->chat.id, 7);
  EXPECT_EQ(updates[1].message->from->id, 99);
  EXPECT_EQ(updates[1].message->chat.type, "group");
  EXPECT_EQ(server_.Unconfirmed(), 2u);
  EXPECT_EQ(api_.GetUpdates(second, 0s).size(), 1u);  // confirms `first`
  EXPECT_EQ(server_.Unconfirmed(), 1u);
  EXPECT_TRUE(api_.GetUpdates(second + 1, 0s).empty());
  EXPECT_EQ(server_.Unconfirmed(), 0u);
  EXPECT_EQ(server_.RequestedOffsets(), (std::vector<std::int64_t>{0, second, second + 1}));
}

TEST_F(BotApiTest, LongPollWaitsForAnUpdateAndTimesOutEmpty) {
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(api_.GetUpdates(0, 1s).empty());
  EXPECT_GE(std::chrono::steady_clock::now() - start, 900ms);

  std::thread pusher([&] {
    std::this_thread::sleep_for(200ms);
    server_.PushText(1, "hi");
  });
  start = std::chrono::steady_clock::now();
  const auto updates = api_.GetUpdates(0, 10s);
  const auto waited = std::chrono::steady_clock::now() - start;
  pusher.join();
  EXPECT_EQ(updates.size(), 1u);
  EXPECT_LT(waited, 5s);
}

TEST_F(BotApiTest, OtherUpdateKindsAreParsedWithTheirKind) {
  server_.PushUpdate(
      {{"edited_message", {{"message_id", 1}, {"chat", {{"id", 3}, {"type", "private"}}}, {"text", "x"}}}});
  server_.PushUpdate({{"channel_post", {{"message_id", 2}, {"chat", {{"id", -100}, {"type", "channel"}}}}}});
  const auto updates = api_.GetUpdates(0, 0s);
  ASSERT_EQ(updates.size(), 2u);
  EXPECT_EQ(updates[0].kind, "edited_message");
  EXPECT_FALSE(updates[0].message.has_value());
  EXPECT_EQ(updates[1].kind, "channel_post");
}

TEST_F(BotApiTest, IllFormedUtf8InOneUpdateDoesNotSpoilTheBatch) {
  server_.PushRawUpdate(
      "\"message\":{\"message_id\":1,\"chat\":{\"id\":5,\"type\":\"private\"},\"text\":\"bad \xff\xfe\"}");
  server_.PushRawUpdate(
      "\"message\":{\"message_id\":2,\"chat\":{\"id\":5,\"type\":\"private\"},\"text\":\"x\\ud800\"}");
  server_.PushText(5, "хороший вопрос");
  const auto updates = api_.GetUpdates(0, 0s);
  ASSERT_EQ(updates.size(), 3u);
  EXPECT_NE(updates[0].message->text->find(kReplacementCharacter), std::string::npos);
  EXPECT_NE(updates[1].message->text->find(kReplacementCharacter), std::string::npos);
  EXPECT_EQ(*updates[2].message->text, "хороший вопрос");
}

TEST_F(BotApiTest, SendMessageDeliversTheExactText) {
  const Message sent = api_.SendMessage(42, "35730");
  EXPECT_GT(sent.message_id, 0);
  api_.SendMessage(42, "Не понял вопрос. Например: «Сколько всего видео есть в системе?»");
  const auto messages = server_.SentTo(42);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].text, "35730");
  EXPECT_EQ(messages[1].text, "Не понял вопрос. Например: «Сколько всего видео есть в системе?»");
}

TEST_F(BotApiTest, RepliesButtonsAndButtonPressesGoThroughTheBotApi) {
  server_.PushText(-5, "@bot сколько видео?", 7, "supergroup");
  const auto question_id = server_.LastPushedMessageId();
  SendOptions options;
  options.reply_to_message_id = question_id;
  options.reply_markup = {{"inline_keyboard", {{{{"text", "Как посчитано?"}, {"callback_data", "explain"}}}}}};
  const Message answer = api_.SendMessage(-5, "42", options);
  api_.SendMessage(-5, "<b>x</b>", SendOptions{0, true, nullptr});
  const auto sent = server_.SentTo(-5);
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].reply_to_message_id, question_id);
  EXPECT_TRUE(sent[0].allow_sending_without_reply);
  EXPECT_EQ(sent[0].parse_mode, "");
  EXPECT_EQ(sent[0].reply_markup["inline_keyboard"][0][0]["callback_data"], "explain");
  EXPECT_EQ(sent[1].parse_mode, "HTML");
  EXPECT_EQ(sent[1].reply_to_message_id, 0);
  EXPECT_TRUE(sent[1].reply_markup.is_null());
  const auto id = server_.PushButtonPress(-5, answer.message_id, 8, "explain", "supergroup");
  const auto updates = api_.GetUpdates(0, 0s);
  ASSERT_EQ(updates.size(), 2u);
  ASSERT_TRUE(updates[1].callback_query.has_value());
  const CallbackQuery& query = *updates[1].callback_query;
  EXPECT_EQ(updates[1].kind, "callback_query");
  EXPECT_EQ(query.id, id);
  EXPECT_EQ(query.from.id, 8);
  EXPECT_EQ(query.data, "explain");
  ASSERT_TRUE(query.message.has_value());
  EXPECT_EQ(query.message->message_id, answer.message_id);
  ASSERT_NE(query.message->reply_to_message, nullptr);
  EXPECT_EQ(query.message->reply_to_message->text, "@bot сколько видео?");
  api_.AnswerCallbackQuery(id, "");
  api_.AnswerCallbackQuery(id, "уведомление");
  const auto answers = server_.CallbackAnswers();
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[0].callback_query_id, id);
  EXPECT_EQ(answers[0].text, "");
  EXPECT_EQ(answers[1].text, "уведомление");
}

TEST_F(BotApiTest, SendChatActionIsRecorded) {
  api_.SendChatAction(9, "typing");
  EXPECT_EQ(server_.TypingActions(), std::vector<std::int64_t>{9});
}

TEST_F(BotApiTest, RateLimitIsATypedErrorWithRetryAfter) {
  server_.FailNext("sendMessage", ScriptedFailure{429, 3, 0ms, ""});
  try {
    api_.SendMessage(1, "1");
    FAIL() << "expected BotApiError";
  } catch (const BotApiError& error) {
    EXPECT_EQ(error.error_code(), 429);
    EXPECT_TRUE(error.IsRateLimited());
    EXPECT_TRUE(error.IsTransient());
    ASSERT_TRUE(error.retry_after().has_value());
    EXPECT_EQ(*error.retry_after(), 3s);
    EXPECT_EQ(error.method(), "sendMessage");
    ExpectNoToken(error);
  }
  EXPECT_NO_THROW(api_.SendMessage(1, "1"));
}

TEST_F(BotApiTest, ServerErrorsAreTransientBadRequestsAreNot) {
  server_.FailNext("getUpdates", ScriptedFailure{502, 0, 0ms, ""});
  try {
    api_.GetUpdates(0, 0s);
    FAIL();
  } catch (const BotApiError& error) {
    EXPECT_EQ(error.error_code(), 502);
    EXPECT_TRUE(error.IsTransient());
    EXPECT_FALSE(error.IsRateLimited());
  }
  try {
    api_.SendMessage(1, "");
    FAIL();
  } catch (const BotApiError& error) {
    EXPECT_EQ(error.error_code(), 400);
    EXPECT_FALSE(error.IsTransient());
    EXPECT_NE(error.description().find("empty"), std::string::npos);
  }
}

TEST_F(BotApiTest, ANonJsonAnswerIsATypedError) {
  server_.FailNext("getMe", ScriptedFailure{502, 0, 0ms, "<html>Bad Gateway</html>"});
  try {
    api_.GetMe();
    FAIL();
  } catch (const BotApiError& error) {
    EXPECT_EQ(error.error_code(), 502);
    EXPECT_TRUE(error.IsTransient());
  }
}

TEST_F(BotApiTest, AWrongTokenIsUnauthorizedAndNotEchoed) {
  const std::string wrong = "111:WRONG-secret";
  BotApi api(*http_, server_.url(), wrong, 5s);
  try {
    api.GetMe();
    FAIL();
  } catch (const BotApiError& error) {
    EXPECT_TRUE(error.IsUnauthorized());
    EXPECT_FALSE(error.IsTransient());
    EXPECT_EQ(std::string(error.what()).find(wrong), std::string::npos);
  }
}

TEST_F(BotApiTest, AHangingServerTimesOutWithoutTheTokenInTheError) {
  server_.FailNext("sendMessage", ScriptedFailure{0, 0, 3000ms, ""});
  BotApi api(*http_, server_.url(), kToken, 300ms);
  try {
    api.SendMessage(1, "1");
    FAIL();
  } catch (const net::NetworkError& error) {
    EXPECT_TRUE(error.timed_out());
    ExpectNoToken(error);
  }
}

TEST(BotApiNetworkTest, ConnectionRefusedIsANetworkErrorWithoutTheToken) {
  int port = 0;
  {
    FakeBotApi server(kToken);
    port = server.port();
  }  // closed again
  auto http = net::MakeCurlHttpClient();
  BotApi api(*http, "http://127.0.0.1:" + std::to_string(port), kToken, 2s);
  try {
    api.GetMe();
    FAIL();
  } catch (const net::NetworkError& error) {
    ExpectNoToken(error);
  }
}

// The fields of an update with a text of the longest length, encoded as Telegram encodes it
// (every non-ASCII character as a \uXXXX escape, six bytes for one letter).
std::string LongestMessageFields(std::int64_t chat_id, std::int64_t message_id) {
  std::string text;
  for (std::size_t i = 0; i < kMaxMessageLength; ++i) text += "ж";
  const nlohmann::json message = {
      {"message_id", message_id},
      {"from", {{"id", chat_id}, {"is_bot", false}, {"first_name", "Tester"}, {"language_code", "ru"}}},
      {"chat", {{"id", chat_id}, {"type", "private"}}},
      {"date", 1'764'000'000},
      {"text", text}};
  return "\"message\":" + message.dump(-1, ' ', /*ensure_ascii=*/true);
}

std::unique_ptr<net::HttpClient> ClientWithLimit(std::size_t limit) {
  net::CurlOptions options;
  options.max_response_bytes = limit;
  return net::MakeCurlHttpClient(options);
}

TEST(BotApiResponseLimit, AFullBatchOfTheLongestMessagesFitsTheDefaultLimit) {
  FakeBotApi server(kToken);
  for (int i = 1; i <= kMaxUpdatesPerRequest; ++i) server.PushRawUpdate(LongestMessageFields(i, i));
  const auto http = ClientWithLimit(BotConfig{}.max_response_bytes);
  BotApi api(*http, server.url(), kToken, 5s);
  const auto updates = api.GetUpdates(0, 0s);
  ASSERT_EQ(updates.size(), static_cast<std::size_t>(kMaxUpdatesPerRequest));
  ASSERT_TRUE(updates.back().message && updates.back().message->text);
  EXPECT_EQ(updates.back().message->text->size(), kMaxMessageLength * 2);  // two UTF-8 bytes a letter
}

TEST(BotApiResponseLimit, AnOversizedGetUpdatesReplyIsANetworkErrorWithoutTheToken) {
  FakeBotApi server(kToken);
  for (int i = 1; i <= 20; ++i) server.PushRawUpdate(LongestMessageFields(i, i));  // about 0.5 MB
  const auto http = ClientWithLimit(256 * 1024);
  BotApi api(*http, server.url(), kToken, 5s);
  try {
    api.GetUpdates(0, 0s);
    FAIL() << "an oversized reply was accepted";
  } catch (const net::ResponseTooLargeError& error) {
    EXPECT_EQ(error.limit_bytes(), 256u * 1024);
    EXPECT_NE(std::string(error.what()).find("getUpdates"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("256 КиБ"), std::string::npos) << error.what();
    EXPECT_FALSE(error.timed_out());
    ExpectNoToken(error);
  }
  // A smaller batch of the same updates fits, and the client is still usable.
  EXPECT_EQ(api.GetUpdates(0, 0s, 5).size(), 5u);
}

}  // namespace
}  // namespace videobot::telegram
