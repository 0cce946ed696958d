// The whole bot in-process: fake Bot API server on loopback, fake answerers, in-memory state.
#include "telegram/bot.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <map>

#include "bot_test_support.hpp"
#include "fakes/fake_bot_api.hpp"
#include "support/test_env.hpp"
#include "telegram/bot_messages.hpp"
#include "telegram/message_splitter.hpp"

namespace videobot::telegram {
namespace {

using namespace std::chrono_literals;
using testing::AnswerLog;
using testing::BotRunner;
using testing::FakeAnswerers;
using testing::LogCapture;
using testing::MemoryStateStore;
using videobot::testing::FakeBotApi;
using videobot::testing::ScriptedFailure;
using videobot::testing::SentMessage;

using testing::kToken;
using testing::Texts;

class BotTest : public testing::BotFixture {};

TEST_F(BotTest, RepliesWithExactlyTheAnswerersText) {
  auto bot = Start();
  server_.PushText(1, "Сколько всего видео есть в системе?");
  server_.PushText(2, "Какое общее количество лайков набрали все видео?");
  const auto last = server_.PushText(1, "второй вопрос");
  ASSERT_TRUE(server_.WaitForSent(3, 10s));
  EXPECT_EQ(Texts(server_.SentTo(1)),
            (std::vector<std::string>{"ответ:Сколько всего видео есть в системе?", "ответ:второй вопрос"}));
  EXPECT_EQ(Texts(server_.SentTo(2)),
            (std::vector<std::string>{"ответ:Какое общее количество лайков набрали все видео?"}));
  EXPECT_TRUE(WaitForSavedOffset(last + 1));
  EXPECT_EQ(store_.bot_id(), FakeBotApi::kBotId);  // the id getMe reports
  EXPECT_EQ(bot->Stop(), kBotExitOk);
  EXPECT_EQ(server_.Sent().size(), 3u);
  EXPECT_EQ(server_.CallCount("deleteWebhook"), 1u);
  EXPECT_EQ(server_.CallCount("setMyCommands"), 2u);
  const std::string log = log_.Text();
  EXPECT_NE(log.find("update_id=" + std::to_string(last) + " chat_id=1"), std::string::npos) << log;
  EXPECT_NE(log.find("planner=fake outcome=ok delivery=sent latency_ms="), std::string::npos) << log;
}

TEST_F(BotTest, AnOversizedGetUpdatesReplyIsLoggedAndRetriedWithASmallerBatch) {
  // 60 questions of about 1.2 KB each: all of them pass the client's 64 KiB limit, 50 do not.
  const std::string padding(500, 'x');
  std::int64_t last = 0;
  for (int chat = 1; chat <= 60; ++chat)
    last = server_.PushText(chat, "вопрос " + std::to_string(chat) + " " + padding + padding);
  BotDependencies deps = Dependencies();
  deps.http_clients = [] {
    net::CurlOptions options;
    options.max_response_bytes = 64 * 1024;
    return net::MakeCurlHttpClient(options);
  };
  BotRunner bot(Config(), std::move(deps));
  EXPECT_TRUE(server_.WaitForSent(60, 20s)) << server_.Sent().size() << " sent";
  EXPECT_TRUE(WaitForSavedOffset(last + 1));
  EXPECT_EQ(bot.Stop(), kBotExitOk);
  EXPECT_EQ(server_.Sent().size(), 60u);
  const std::string log = log_.Text();
  EXPECT_NE(log.find("event=poll_retry"), std::string::npos) << log;
  EXPECT_NE(log.find("больше допустимых 64 КиБ"), std::string::npos) << log;
  EXPECT_EQ(log.find(kToken), std::string::npos);
}

TEST_F(BotTest, KeepsOrderWithinEachChatUnderLoad) {
  auto bot = Start();
  constexpr int kChats = 20;
  constexpr int kPerChat = 15;
  for (int i = 0; i < kPerChat; ++i) {
    for (int chat = 1; chat <= kChats; ++chat) {
      server_.PushText(chat, (i % 5 == 0 ? "slow:5 " : "") + std::to_string(i));
    }
  }
  ASSERT_TRUE(server_.WaitForSent(kChats * kPerChat, 30s)) << server_.Sent().size();
  for (int chat = 1; chat <= kChats; ++chat) {
    const auto texts = Texts(server_.SentTo(chat));
    ASSERT_EQ(texts.size(), static_cast<std::size_t>(kPerChat));
    for (int i = 0; i < kPerChat; ++i) {
      EXPECT_EQ(texts[static_cast<std::size_t>(i)],
                "ответ:" + std::string(i % 5 == 0 ? "slow:5 " : "") + std::to_string(i));
    }
  }
  EXPECT_EQ(bot->Stop(), kBotExitOk);
  EXPECT_EQ(server_.Sent().size(), static_cast<std::size_t>(kChats * kPerChat));
}

TEST_F(BotTest, ASlowQuestionDoesNotHoldUpOtherChats) {
  auto bot = Start();
  server_.PushText(1, "held");  // answered only when the test releases it
  for (int chat = 2; chat <= 6; ++chat) server_.PushText(chat, "быстрый");
  ASSERT_TRUE(server_.WaitForSent(5, 30s)) << "fast chats waited for the slow one";
  EXPECT_TRUE(server_.SentTo(1).empty());
  // A message that arrives later, while the slow question is still being answered, is fetched
  // and answered too.
  server_.PushText(7, "позже");
  ASSERT_TRUE(server_.WaitForSent(6, 30s)) << "a later message waited for the slow one";
  EXPECT_EQ(Texts(server_.SentTo(7)), std::vector<std::string>{"ответ:позже"});
  EXPECT_TRUE(server_.SentTo(1).empty());
  // The slow question runs long enough for the chat to see "typing…"; the fast ones never do.
  ASSERT_TRUE(videobot::testing::WaitFor(
      [&] {
        const auto typing = server_.TypingActions();
        return std::find(typing.begin(), typing.end(), 1) != typing.end();
      },
      30s));
  answers_.Release();
  ASSERT_TRUE(server_.WaitForSent(7, 30s));
  EXPECT_EQ(Texts(server_.SentTo(1)), std::vector<std::string>{"ответ:held"});
  const auto typing = server_.TypingActions();
  EXPECT_EQ(std::count(typing.begin(), typing.end(), 2), 0);
}

TEST_F(BotTest, UnsupportedUpdatesGetShortRepliesOrAreIgnored) {
  auto bot = Start();
  server_.PushUpdate(
      {{"edited_message", {{"message_id", 1}, {"chat", {{"id", 5}, {"type", "private"}}}, {"text", "x"}}}});
  server_.PushUpdate(
      {{"channel_post", {{"message_id", 2}, {"chat", {{"id", -100}, {"type", "channel"}}}, {"text", "x"}}}});
  server_.PushUpdate(
      {{"message", {{"message_id", 3}, {"chat", {{"id", 5}, {"type", "private"}}}, {"sticker", {{"file_id", "s"}}}}}});
  server_.PushUpdate(
      {{"message",
        {{"message_id", 4}, {"chat", {{"id", -7}, {"type", "group"}}}, {"photo", nlohmann::json::array()}}}});
  server_.PushRawUpdate(
      "\"message\":{\"message_id\":5,\"chat\":{\"id\":5,\"type\":\"private\"},\"text\":\"\xd0\xa1\xff\"}");
  server_.PushText(5, "   ");
  server_.PushText(5, std::string(5000, 'a'));
  server_.PushUpdate({{"message",
                       {{"message_id", 6},
                        {"from", {{"id", 9}, {"is_bot", true}}},
                        {"chat", {{"id", 5}, {"type", "private"}}},
                        {"text", "бот"}}}});
  server_.PushText(5, "/start");
  server_.PushText(5, "/explain Сколько видео?");
  server_.PushText(5, "/unknown");
  const auto last = server_.PushText(5, "Сколько видео?");
  ASSERT_TRUE(WaitForSavedOffset(last + 1, 10s));
  EXPECT_EQ(
      Texts(server_.SentTo(5)),
      (std::vector<std::string>{std::string(kNotTextReply), std::string(kUnreadableTextReply),
                                std::string(kEmptyTextReply), std::string(kTooLongReply), EscapeHtml(kHelpText),
                                "план:Сколько видео?", std::string(kUnknownCommandReply), "ответ:Сколько видео?"}));
  EXPECT_TRUE(server_.SentTo(-7).empty());
  EXPECT_TRUE(server_.SentTo(-100).empty());
  EXPECT_EQ(answers_.Questions(), std::vector<std::string>{"Сколько видео?"});  // nothing else computed
  EXPECT_EQ(bot->Stop(), kBotExitOk);
  const std::string log = log_.Text();
  for (const char* kind : {"kind=unsupported_update", "kind=not_text", "kind=invalid_utf8", "kind=empty_text",
                           "kind=too_long", "kind=from_bot", "kind=start", "kind=explain", "kind=unknown_command"}) {
    EXPECT_NE(log.find(kind), std::string::npos) << kind;
  }
}

TEST_F(BotTest, RateLimitIsPerChatAndToldOnce) {
  BotConfig config = Config();
  config.rate_limit_per_minute = 3;
  auto bot = Start(config);
  std::int64_t last = 0;
  for (int i = 0; i < 6; ++i) last = server_.PushText(1, "q" + std::to_string(i));
  last = server_.PushText(2, "другой чат");
  ASSERT_TRUE(WaitForSavedOffset(last + 1, 10s));
  EXPECT_EQ(Texts(server_.SentTo(1)),
            (std::vector<std::string>{"ответ:q0", "ответ:q1", "ответ:q2", std::string(kRateLimitedReply)}));
  EXPECT_EQ(Texts(server_.SentTo(2)), std::vector<std::string>{"ответ:другой чат"});
  EXPECT_EQ(answers_.Questions().size(), 4u);
  EXPECT_NE(log_.Text().find("outcome=rate_limited_quiet"), std::string::npos);
}

TEST_F(BotTest, WorkersFinishingTogetherLeaveTheNewestOffsetSaved) {
  // Many chats answered by four workers at once: whichever worker finishes last, the saved offset
  // must end at the newest one, never at an older snapshot submitted late.
  for (int round = 0; round < 5; ++round) {
    auto bot = Start();
    std::int64_t last = 0;
    for (int i = 0; i < 80; ++i) last = server_.PushText(1 + i % 40, "q" + std::to_string(i));
    ASSERT_TRUE(WaitForSavedOffset(last + 1, 10s)) << "round " << round << " saved " << store_.state().offset;
    EXPECT_EQ(bot->Stop(), kBotExitOk);
  }
}

TEST_F(BotTest, AllowlistRefusesOthersWithoutComputingAndIsSilentInGroups) {
  BotConfig config = Config();
  config.allowed_user_ids = {10};
  config.allowed_chat_ids = {-500};
  auto bot = Start(config);
  server_.PushText(10, "свой");
  server_.PushText(11, "чужой");
  server_.PushText(-500, "/ask в группе", 12, "group");
  server_.PushText(-600, "/ask в чужой группе", 13, "group");
  // A listed user in an unlisted group: everyone there would read the answer.
  const auto last = server_.PushText(-600, "/ask свой в чужой группе", 10, "group");
  ASSERT_TRUE(WaitForSavedOffset(last + 1, 10s));
  EXPECT_EQ(Texts(server_.SentTo(10)), std::vector<std::string>{"ответ:свой"});
  EXPECT_EQ(Texts(server_.SentTo(11)), std::vector<std::string>{std::string(kAccessDeniedReply)});
  EXPECT_EQ(Texts(server_.SentTo(-500)), std::vector<std::string>{"ответ:в группе"});
  EXPECT_TRUE(server_.SentTo(-600).empty());
  const auto questions = answers_.Questions();
  EXPECT_EQ(std::count(questions.begin(), questions.end(), "чужой"), 0);
  EXPECT_EQ(std::count(questions.begin(), questions.end(), "в чужой группе"), 0);
  EXPECT_EQ(std::count(questions.begin(), questions.end(), "свой в чужой группе"), 0);
  EXPECT_NE(log_.Text().find("outcome=access_denied"), std::string::npos);
}

TEST_F(BotTest, HonoursRetryAfterOnSendMessage) {
  auto bot = Start();
  server_.FailNext("sendMessage", ScriptedFailure{429, 2, 0ms, ""});
  const auto pushed = std::chrono::steady_clock::now();
  server_.PushText(1, "вопрос");
  ASSERT_TRUE(server_.WaitForSent(1, 10s));
  EXPECT_GE(server_.Sent()[0].at - pushed, 1900ms);
  EXPECT_EQ(server_.CallCount("sendMessage"), 2u);
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(server_.Sent().size(), 1u);
  EXPECT_NE(log_.Text().find("event=send_rate_limited chat_id=1 retry_after_s=2"), std::string::npos);
}

TEST_F(BotTest, HonoursRetryAfterOnGetUpdates) {
  server_.FailNext("getUpdates", ScriptedFailure{429, 2, 0ms, ""});
  const auto started = std::chrono::steady_clock::now();
  auto bot = Start();
  server_.PushText(1, "вопрос");
  ASSERT_TRUE(server_.WaitForSent(1, 10s));
  EXPECT_GE(std::chrono::steady_clock::now() - started, 1900ms);
}

TEST_F(BotTest, RecoversFromServerErrorsAndHangs) {
  server_.FailNext("getUpdates", ScriptedFailure{500, 0, 0ms, ""}, 2);
  server_.FailNext("sendMessage", ScriptedFailure{502, 0, 0ms, ""});
  server_.FailNext("sendMessage", ScriptedFailure{0, 0, 100ms, ""});  // slow but fine
  auto bot = Start();
  server_.PushText(1, "первый");
  server_.PushText(1, "второй");
  ASSERT_TRUE(server_.WaitForSent(2, 15s));
  EXPECT_EQ(Texts(server_.SentTo(1)), (std::vector<std::string>{"ответ:первый", "ответ:второй"}));
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(server_.Sent().size(), 2u);
  EXPECT_NE(log_.Text().find("event=poll_retry"), std::string::npos);
  EXPECT_NE(log_.Text().find("event=send_retry"), std::string::npos);
}

TEST_F(BotTest, RestartNeitherRepeatsNorSkips) {
  {
    auto bot = Start();
    for (int i = 0; i < 5; ++i) server_.PushText(1, "a" + std::to_string(i));
    ASSERT_TRUE(server_.WaitForSent(5, 10s));
    EXPECT_EQ(bot->Stop(), kBotExitOk);
  }
  for (int i = 0; i < 5; ++i) server_.PushText(1, "b" + std::to_string(i));
  auto bot = Start();
  ASSERT_TRUE(server_.WaitForSent(10, 10s));
  std::this_thread::sleep_for(300ms);
  const auto texts = Texts(server_.SentTo(1));
  ASSERT_EQ(texts.size(), 10u);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(texts[static_cast<std::size_t>(i)], "ответ:a" + std::to_string(i));
    EXPECT_EQ(texts[static_cast<std::size_t>(i + 5)], "ответ:b" + std::to_string(i));
  }
}

TEST_F(BotTest, RestoredStateSkipsUpdatesAnsweredAboveTheOffset) {
  // As if the previous run answered `second` but was killed while `first` was in progress.
  const auto first = server_.PushText(1, "не отвечен");
  const auto second = server_.PushText(2, "уже отвечен");
  const auto third = server_.PushText(3, "новый");
  store_.set_state(LedgerState{first, {second}});
  auto bot = Start();
  ASSERT_TRUE(WaitForSavedOffset(third + 1, 10s));
  EXPECT_EQ(Texts(server_.SentTo(1)), std::vector<std::string>{"ответ:не отвечен"});
  EXPECT_TRUE(server_.SentTo(2).empty());
  EXPECT_EQ(Texts(server_.SentTo(3)), std::vector<std::string>{"ответ:новый"});
  EXPECT_EQ(store_.state(), (LedgerState{third + 1, {}}));
}

TEST_F(BotTest, KeepsServingWhileTheStateStoreIsDownAndSavesWhenItIsBack) {
  auto bot = Start();
  const auto first = server_.PushText(1, "раз");
  ASSERT_TRUE(WaitForSavedOffset(first + 1));
  store_.set_available(false);
  std::int64_t last = 0;
  for (int i = 0; i < 3; ++i) last = server_.PushText(1, "два" + std::to_string(i));
  ASSERT_TRUE(server_.WaitForSent(4, 10s));
  // A reply is sent before its offset is saved: wait for the failed save, not only the reply.
  ASSERT_TRUE(WaitUntil([&] { return store_.failed_saves() > 0; }, 10s));
  EXPECT_EQ(store_.state().offset, first + 1);
  store_.set_available(true);
  EXPECT_TRUE(WaitForSavedOffset(last + 1, 10s));
  EXPECT_NE(log_.Text().find("event=state_save_failed"), std::string::npos);
}

TEST_F(BotTest, StartsEvenWhenTheStateStoreIsDown) {
  store_.set_available(false);
  auto bot = Start();
  const auto id = server_.PushText(1, "вопрос");
  ASSERT_TRUE(server_.WaitForSent(1, 10s));
  store_.set_available(true);
  EXPECT_TRUE(WaitForSavedOffset(id + 1, 10s));
  EXPECT_NE(log_.Text().find("event=state_unavailable"), std::string::npos);
}

TEST_F(BotTest, GracefulStopFinishesTheQuestionInProgress) {
  auto bot = Start();
  const auto id = server_.PushText(1, "slow:800");
  while (answers_.in_progress == 0) std::this_thread::sleep_for(5ms);
  EXPECT_EQ(bot->Stop(), kBotExitOk);
  EXPECT_EQ(Texts(server_.SentTo(1)), std::vector<std::string>{"ответ:slow:800"});
  EXPECT_EQ(store_.state().offset, id + 1);
}

TEST_F(BotTest, QueuedQuestionsAreLeftForTheNextRun) {
  BotConfig config = Config();
  config.workers = 1;
  auto bot = Start(config);
  server_.PushText(1, "slow:600");
  const auto queued = server_.PushText(1, "в очереди 1");
  server_.PushText(1, "в очереди 2");
  while (answers_.in_progress == 0) std::this_thread::sleep_for(5ms);
  std::this_thread::sleep_for(100ms);  // the next poll has fetched the queued ones
  EXPECT_EQ(bot->Stop(), kBotExitOk);
  EXPECT_EQ(Texts(server_.SentTo(1)), std::vector<std::string>{"ответ:slow:600"});
  EXPECT_EQ(store_.state().offset, queued);
  bot = Start(config);
  ASSERT_TRUE(server_.WaitForSent(3, 10s));
  EXPECT_EQ(Texts(server_.SentTo(1)),
            (std::vector<std::string>{"ответ:slow:600", "ответ:в очереди 1", "ответ:в очереди 2"}));
}

TEST_F(BotTest, AnswererFailuresBecomeRepliesAndRecover) {
  answers_.factory_failures_left = 1;
  BotConfig config = Config();
  config.workers = 1;
  auto bot = Start(config);
  server_.PushText(1, "нет базы");
  server_.PushText(1, "throw please");
  server_.PushText(1, "unavailable now");
  server_.PushText(1, "снова работает");
  ASSERT_TRUE(server_.WaitForSent(4, 10s));
  EXPECT_EQ(Texts(server_.SentTo(1)),
            (std::vector<std::string>{std::string(kUnavailableReply), std::string(kInternalErrorReply),
                                      "временно недоступно", "ответ:снова работает"}));
  const std::string log = log_.Text();
  EXPECT_NE(log.find("outcome=answerer_unavailable"), std::string::npos);
  EXPECT_NE(log.find("outcome=internal_error"), std::string::npos);
  EXPECT_NE(log.find("outcome=database_unavailable"), std::string::npos);
}

TEST_F(BotTest, ARejectedTokenStopsTheBotWithFailure) {
  BotConfig config = Config();
  config.token = "1:WRONG";
  auto bot = Start(config);
  EXPECT_EQ(bot->Join(), kBotExitFailure);
  EXPECT_NE(log_.Text().find("event=token_rejected"), std::string::npos);
}

TEST_F(BotTest, TheTokenNeverAppearsInTheLog) {
  server_.FailNext("getUpdates", ScriptedFailure{500, 0, 0ms, ""});
  server_.FailNext("sendMessage", ScriptedFailure{429, 1, 0ms, ""});
  server_.FailNext("sendMessage", ScriptedFailure{400, 0, 0ms, ""});
  auto bot = Start();
  server_.PushText(1, std::string("вопрос с токеном ") + kToken);
  server_.PushText(1, "второй");
  server_.PushText(1, "третий");
  ASSERT_TRUE(server_.WaitForSent(2, 10s));
  bot->Stop();
  const std::string log = log_.Text();
  EXPECT_NE(log.find("update_id="), std::string::npos);
  EXPECT_EQ(log.find(kToken), std::string::npos) << log;
  EXPECT_EQ(log.find("BOT-token_secret"), std::string::npos) << log;
}

}  // namespace
}  // namespace videobot::telegram
