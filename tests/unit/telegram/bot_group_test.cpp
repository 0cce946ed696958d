// The bot in group chats, threading, the «Как посчитано?» button, /status and HTML escaping,
// in-process against the fake Bot API.
#include <gtest/gtest.h>

#include "bot_test_support.hpp"
#include "fakes/fake_bot_api.hpp"
#include "support/png_image.hpp"
#include "telegram/bot.hpp"
#include "telegram/bot_messages.hpp"
#include "telegram/message_splitter.hpp"

namespace videobot::telegram {
namespace {

using namespace std::chrono_literals;
using testing::Texts;
using videobot::testing::FakeBotApi;
using videobot::testing::SentMessage;

constexpr std::int64_t kGroup = -1001;
constexpr std::int64_t kUser = 7;
const std::string kMention = "@videobot_test_bot";

class BotGroupTest : public testing::BotFixture {
 protected:
  /// The last message sent to `chat`, after waiting for `count` messages in all.
  SentMessage LastSent(std::int64_t chat) {
    const auto sent = server_.SentTo(chat);
    EXPECT_FALSE(sent.empty());
    return sent.empty() ? SentMessage{} : sent.back();
  }
};

TEST_F(BotGroupTest, InAGroupOnlyMentionsAskAndRepliesToTheBotAreAnsweredInThreads) {
  auto bot = Start();
  server_.PushText(kGroup, "всем привет", kUser, "supergroup");
  server_.PushText(kGroup, kMention + " сколько видео?", kUser, "supergroup");
  const auto mention_id = server_.LastPushedMessageId();
  ASSERT_TRUE(server_.WaitForSent(1, 10s));
  server_.PushText(kGroup, "/ask@videobot_test_bot лайки", kUser, "supergroup");
  const auto ask_id = server_.LastPushedMessageId();
  server_.PushText(kGroup, "/help@other_bot", kUser, "supergroup");
  server_.PushText(kGroup, "Бот, сколько видео?", kUser, "supergroup");    // no mention: chatter
  server_.PushReply(kGroup, "а просмотры?", mention_id, 8, "supergroup");  // a reply to a person
  ASSERT_TRUE(server_.WaitForSent(2, 10s));
  const auto answer = server_.SentTo(kGroup).front();
  server_.PushReply(kGroup, "а просмотры?", answer.message_id, 8, "supergroup");
  const auto reply_id = server_.LastPushedMessageId();
  const auto last = server_.PushText(kGroup, "спасибо всем", kUser, "group");
  ASSERT_TRUE(WaitForSavedOffset(last + 1, 10s));
  const auto sent = server_.SentTo(kGroup);
  EXPECT_EQ(Texts(sent), (std::vector<std::string>{"ответ:сколько видео?", "ответ:лайки", "ответ:а просмотры?"}));
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(sent[0].reply_to_message_id, mention_id);
  EXPECT_EQ(sent[1].reply_to_message_id, ask_id);
  EXPECT_EQ(sent[2].reply_to_message_id, reply_id);
  for (const auto& message : sent) EXPECT_TRUE(message.allow_sending_without_reply);
  const std::string log = log_.Text();
  EXPECT_NE(log.find("kind=group_chatter"), std::string::npos) << log;
  EXPECT_NE(log.find("kind=mention"), std::string::npos) << log;
  EXPECT_NE(log.find("kind=reply_to_bot"), std::string::npos) << log;
  EXPECT_NE(log.find("kind=other_bot_command"), std::string::npos) << log;
}

TEST_F(BotGroupTest, AnAddressAtTheStartIsDroppedAndPrivateRepliesAreThreadedToo) {
  auto bot = Start();
  server_.PushText(1, "Бот, сколько видео?");
  const auto question_id = server_.LastPushedMessageId();
  ASSERT_TRUE(server_.WaitForSent(1, 10s));
  EXPECT_EQ(answers_.Questions(), std::vector<std::string>{"сколько видео?"});
  const auto answer = LastSent(1);
  EXPECT_EQ(answer.text, "ответ:сколько видео?");
  EXPECT_EQ(answer.reply_to_message_id, question_id);
  EXPECT_TRUE(answer.allow_sending_without_reply);
}

TEST_F(BotGroupTest, CommandsAreRegisteredForPrivateAndGroupChats) {
  auto bot = Start();
  ASSERT_TRUE(WaitUntil([&] { return server_.CommandSets().size() == 2; }, 10s));
  std::map<std::string, std::vector<std::string>> by_scope;
  for (const auto& set : server_.CommandSets()) {
    std::vector<std::string> names;
    for (const auto& command : set["commands"]) {
      names.push_back(command["command"].get<std::string>());
      EXPECT_FALSE(command["description"].get<std::string>().empty());
    }
    by_scope[set["scope"]["type"].get<std::string>()] = names;
  }
  EXPECT_EQ(by_scope["all_private_chats"], (std::vector<std::string>{"start", "help", "explain", "status"}));
  EXPECT_EQ(by_scope["all_group_chats"], (std::vector<std::string>{"ask", "help", "explain", "status"}));
}

TEST_F(BotGroupTest, NumbersCarryTheButtonAndAreNotParsedEverythingElseIsEscapedHtml) {
  auto bot = Start();
  server_.PushText(1, "сколько видео?");
  server_.PushText(1, "/help");
  server_.PushText(1, "refuse <b>жирно</b> &amp; </pre> <i>");
  ASSERT_TRUE(server_.WaitForSent(3, 10s));
  const auto sent = server_.SentTo(1);
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(sent[0].parse_mode, "");
  EXPECT_EQ(sent[0].text, "ответ:сколько видео?");
  ASSERT_TRUE(sent[0].reply_markup.is_object());
  const auto& button = sent[0].reply_markup["inline_keyboard"][0][0];
  EXPECT_EQ(button["text"], std::string(kExplainButtonText));
  EXPECT_EQ(button["callback_data"], "explain");
  EXPECT_EQ(sent[1].parse_mode, "HTML");
  EXPECT_TRUE(sent[1].reply_markup.is_null());
  EXPECT_EQ(sent[1].text, EscapeHtml(kHelpText));
  EXPECT_NE(sent[1].text.find("&lt;вопрос&gt;"), std::string::npos);
  EXPECT_EQ(sent[2].parse_mode, "HTML");
  EXPECT_TRUE(sent[2].reply_markup.is_null());
  EXPECT_EQ(sent[2].text, "не понял «refuse &lt;b&gt;жирно&lt;/b&gt; &amp;amp; &lt;/pre&gt; &lt;i&gt;»");
}

TEST_F(BotGroupTest, ExplainPutsTheSqlInAPreBlockWithEscapedText) {
  auto bot = Start();
  server_.PushText(1, "/explain sql <script>");
  ASSERT_TRUE(server_.WaitForSent(1, 10s));
  const auto sent = LastSent(1);
  EXPECT_EQ(sent.parse_mode, "HTML");
  EXPECT_EQ(sent.text, "план:sql &lt;script&gt;\n\nSQL:\n<pre>SELECT a &lt; b &amp; c -- sql &lt;script&gt;</pre>");
}

TEST_F(BotGroupTest, TheButtonExplainsTheQuestionInAThreadAndAnswersTheCallback) {
  auto bot = Start();
  server_.PushText(kGroup, kMention + " Бот, sql сколько видео?", kUser, "supergroup");
  ASSERT_TRUE(server_.WaitForSent(1, 10s));
  const auto answer = LastSent(kGroup);
  const auto id = server_.PushButtonPress(kGroup, answer.message_id, 8, "explain", "supergroup");
  ASSERT_TRUE(server_.WaitForSent(2, 10s));
  ASSERT_TRUE(server_.WaitForCallbackAnswers(1, 10s));
  const auto explanation = LastSent(kGroup);
  EXPECT_EQ(explanation.parse_mode, "HTML");
  EXPECT_EQ(explanation.reply_to_message_id, answer.message_id);
  EXPECT_TRUE(explanation.reply_markup.is_null());
  EXPECT_NE(explanation.text.find("план:sql сколько видео?"), std::string::npos) << explanation.text;
  EXPECT_NE(explanation.text.find("<pre>"), std::string::npos) << explanation.text;
  EXPECT_EQ(answers_.Explained(), std::vector<std::string>{"sql сколько видео?"});
  const auto callbacks = server_.CallbackAnswers();
  ASSERT_EQ(callbacks.size(), 1u);
  EXPECT_EQ(callbacks[0].callback_query_id, id);
  EXPECT_EQ(callbacks[0].text, "");
  // The log line follows the callback's answer.
  EXPECT_TRUE(WaitUntil([&] { return log_.Text().find("kind=button_explain") != std::string::npos; }, 10s));
}

TEST_F(BotGroupTest, TheButtonStillWorksAfterARestart) {
  SentMessage answer;
  {
    auto bot = Start();
    server_.PushText(1, "/ask сколько лайков?");
    ASSERT_TRUE(server_.WaitForSent(1, 10s));
    answer = LastSent(1);
    EXPECT_EQ(bot->Stop(), kBotExitOk);
  }
  auto bot = Start();
  server_.PushButtonPress(1, answer.message_id, 1);
  ASSERT_TRUE(server_.WaitForSent(2, 10s));
  ASSERT_TRUE(server_.WaitForCallbackAnswers(1, 10s));
  EXPECT_EQ(LastSent(1).text, "план:сколько лайков?");
  EXPECT_EQ(server_.CallbackAnswers()[0].text, "");
}

TEST_F(BotGroupTest, TheButtonUnderADeletedQuestionSaysSoPolitely) {
  auto bot = Start();
  server_.PushText(1, "сколько видео?");
  const auto question_id = server_.LastPushedMessageId();
  ASSERT_TRUE(server_.WaitForSent(1, 10s));
  server_.DeleteMessage(1, question_id);
  server_.PushButtonPress(1, LastSent(1).message_id, 1);
  ASSERT_TRUE(server_.WaitForCallbackAnswers(1, 10s));
  EXPECT_EQ(server_.CallbackAnswers()[0].text, kExplanationExpiredNotice);
  EXPECT_EQ(server_.Sent().size(), 1u);
  EXPECT_TRUE(answers_.Explained().empty());
  // A button from an unknown version, and one whose message Telegram no longer sends (answered
  // in any order: without its message the press belongs to no chat).
  const auto unknown = server_.PushButtonPress(1, LastSent(1).message_id, 1, "other");
  const auto gone = server_.PushButtonPress(1, 999'999, 1);
  ASSERT_TRUE(server_.WaitForCallbackAnswers(3, 10s));
  std::map<std::string, std::string> notices;
  for (const auto& answer : server_.CallbackAnswers()) notices[answer.callback_query_id] = answer.text;
  EXPECT_EQ(notices[unknown], kButtonUnknownNotice);
  EXPECT_EQ(notices[gone], kExplanationExpiredNotice);
  EXPECT_EQ(server_.Sent().size(), 1u);
}

TEST_F(BotGroupTest, AButtonPressFromSomeoneNotAllowedIsRefusedInItsNotice) {
  BotConfig config = Config();
  config.allowed_chat_ids = {kGroup};
  auto bot = Start(config);
  server_.PushText(kGroup, "/ask сколько видео?", kUser, "group");
  ASSERT_TRUE(server_.WaitForSent(1, 10s));
  const auto answer = LastSent(kGroup);
  // The group is listed: anyone in it may press the button.
  server_.PushButtonPress(kGroup, answer.message_id, 99, "explain", "group");
  ASSERT_TRUE(server_.WaitForSent(2, 10s));  // the group is listed: anyone in it may press
  ASSERT_TRUE(server_.WaitForCallbackAnswers(1, 10s));
  EXPECT_EQ(server_.CallbackAnswers()[0].text, "");
  bot->Stop();
  // Only a user list now: a press by someone not on it is refused in the notice, nothing computed.
  config.allowed_chat_ids = {};
  config.allowed_user_ids = {kUser};
  bot = Start(config);
  server_.PushButtonPress(kGroup, answer.message_id, 99, "explain", "group");
  ASSERT_TRUE(server_.WaitForCallbackAnswers(2, 10s));
  EXPECT_EQ(server_.CallbackAnswers()[1].text, kButtonAccessDeniedNotice);
  EXPECT_EQ(server_.Sent().size(), 2u);
  EXPECT_EQ(answers_.Explained().size(), 1u);
}

TEST_F(BotGroupTest, StatusShowsTheDataAndTheUrlToAdminsInPrivateOnly) {
  BotConfig config = Config();
  config.admin_user_ids = {10};
  BotDependencies deps = Dependencies();
  std::atomic<int> reads{0};
  deps.status = [&reads] {
    ++reads;
    BotStatus status;
    status.version = "9.9.9";
    status.engine = "PostgreSQL";
    status.schema = 6;
    status.coverage.videos = 358;
    status.coverage.snapshots = 35946;
    status.coverage.first_measured = 1'763'978'400'000'000;  // 2025-11-24 10:00:00 UTC
    status.coverage.last_measured = 1'764'324'000'000'000;
    status.coverage.loaded_at = 1'764'400'000'000'000;
    status.plan_source = "rules";
    status.database_url = "postgresql://videobot:***@db.internal:5432/videobot";
    return status;
  };
  testing::BotRunner bot(config, std::move(deps));
  server_.PushText(10, "/status");
  server_.PushText(11, "/status");
  server_.PushText(kGroup, "/status@videobot_test_bot", 10, "supergroup");
  ASSERT_TRUE(server_.WaitForSent(3, 10s));
  const std::string admin = LastSent(10).text;
  const std::string other = LastSent(11).text;
  for (const auto& text : {admin, other}) {
    EXPECT_NE(text.find("videobot 9.9.9"), std::string::npos) << text;
    EXPECT_NE(text.find("PostgreSQL"), std::string::npos) << text;
    EXPECT_NE(text.find("версии 6"), std::string::npos) << text;
    EXPECT_NE(text.find("358"), std::string::npos) << text;
    EXPECT_NE(text.find("35946"), std::string::npos) << text;
    EXPECT_NE(text.find("2025-11-24 10:00:00 UTC"), std::string::npos) << text;
    EXPECT_NE(text.find("rules"), std::string::npos) << text;
  }
  EXPECT_NE(admin.find("postgresql://videobot:***@db.internal:5432/videobot"), std::string::npos) << admin;
  EXPECT_EQ(other.find("db.internal"), std::string::npos) << other;
  // Not in a group, even to an administrator: everyone there would read it.
  EXPECT_EQ(LastSent(kGroup).text.find("db.internal"), std::string::npos);
  EXPECT_NE(LastSent(kGroup).text.find("videobot 9.9.9"), std::string::npos);
  EXPECT_EQ(LastSent(10).parse_mode, "HTML");
  EXPECT_EQ(reads, 3);
}

TEST_F(BotGroupTest, StatusWithoutADatabaseSaysItIsUnavailable) {
  BotDependencies deps = Dependencies();
  deps.status = []() -> BotStatus { throw EnvironmentError("database down"); };
  testing::BotRunner bot(Config(), std::move(deps));
  server_.PushText(1, "/status");
  ASSERT_TRUE(server_.WaitForSent(1, 10s));
  EXPECT_EQ(LastSent(1).text, kStatusUnavailableReply);
}

TEST_F(BotGroupTest, TheRateLimitAlsoCountsOneUserAcrossGroups) {
  BotConfig config = Config();
  config.rate_limit_per_minute = 3;
  auto bot = Start(config);
  std::int64_t last = 0;
  for (int group = 0; group < 6; ++group) last = server_.PushText(kGroup - group, "/ask вопрос", kUser, "group");
  last = server_.PushText(kGroup - 10, "/ask другой человек", 8, "group");
  ASSERT_TRUE(WaitForSavedOffset(last + 1, 10s));
  std::size_t answered = 0;
  std::size_t notices = 0;
  for (const auto& message : server_.Sent()) {
    if (message.text == "ответ:вопрос") ++answered;
    if (message.text == kRateLimitedReply) ++notices;
  }
  EXPECT_EQ(answered, 3u);
  EXPECT_EQ(notices, 1u);
  EXPECT_EQ(Texts(server_.SentTo(kGroup - 10)), std::vector<std::string>{"ответ:другой человек"});
}

/// Width and height from a PNG's IHDR chunk; {0, 0} when `png` is not a PNG.
std::pair<std::uint32_t, std::uint32_t> PngSize(const std::string& png) {
  if (png.size() < 24 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return {0, 0};
  const auto word = [&](std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) value = value << 8 | static_cast<unsigned char>(png[at + i]);
    return value;
  };
  return {word(16), word(20)};
}

TEST_F(BotGroupTest, ASeriesIsAChartWithItsKeyFiguresAndItsNumbersOnRequest) {
  auto bot = Start();
  server_.PushText(kGroup, kMention + " series по дням", kUser, "supergroup");
  const auto question_id = server_.LastPushedMessageId();
  ASSERT_TRUE(server_.WaitForPhotos(1, 10s));
  const auto photo = server_.Photos().front();
  EXPECT_EQ(PngSize(photo.bytes), std::make_pair(1280u, 720u));
  EXPECT_EQ(photo.parse_mode, "HTML");
  EXPECT_EQ(photo.reply_to_message_id, question_id);
  EXPECT_EQ(photo.caption, "Прирост лайков по дням\nВсего: 6 · максимум: 3 (28 ноя) · интервалов: 3");
  ASSERT_FALSE(photo.reply_markup.is_null());
  EXPECT_EQ(photo.reply_markup["inline_keyboard"][0][0]["callback_data"], "numbers");
  EXPECT_TRUE(server_.SentTo(kGroup).empty()) << "the chart is the whole answer";

  server_.PushButtonPress(kGroup, photo.message_id, kUser, "numbers", "supergroup");
  ASSERT_TRUE(server_.WaitForSent(1, 10s));
  ASSERT_TRUE(server_.WaitForCallbackAnswers(1, 10s));
  const auto numbers = LastSent(kGroup);
  EXPECT_EQ(numbers.text, "2025-11-27 1\n2025-11-28 3\n2025-11-29 2");
  EXPECT_EQ(numbers.reply_to_message_id, photo.message_id);
  EXPECT_EQ(server_.CallbackAnswers().front().text, "");
  EXPECT_EQ(server_.Photos().size(), 1u);
}

TEST_F(BotGroupTest, ARankingIsABarChartWithItsLeaderAndASuperlativeStaysText) {
  auto bot = Start();
  server_.PushText(1, "ranking видео по лайкам");
  const auto question_id = server_.LastPushedMessageId();
  ASSERT_TRUE(server_.WaitForPhotos(1, 10s));
  const auto photo = server_.Photos().front();
  const auto image = videobot::testing::DecodePng(photo.bytes);
  ASSERT_TRUE(image.has_value()) << "the upload is a PNG that decodes";
  EXPECT_EQ(image->width, 1280);
  EXPECT_EQ(image->height, 720);
  EXPECT_GT(videobot::testing::CountPixelsUnlike(*image, videobot::testing::Pixel{255, 255, 255}), 10000u)
      << "bars are drawn";
  EXPECT_EQ(photo.reply_to_message_id, question_id);
  EXPECT_EQ(photo.caption,
            "Топ-2 видео по числу лайков\nЛидер: 3f2504e0-4f89-41d3-9a0c-0305e82c3301 — 1\u2009200 · всего у 2: "
            "2\u2009000");
  EXPECT_EQ(photo.reply_markup["inline_keyboard"][0][0]["callback_data"], "numbers");
  EXPECT_TRUE(server_.SentTo(1).empty()) << "the chart is the whole answer";

  server_.PushText(1, "top1 видео по лайкам");
  ASSERT_TRUE(server_.WaitForSent(1, 10s));
  EXPECT_EQ(LastSent(1).text, "3f2504e0-4f89-41d3-9a0c-0305e82c3301 1200");
  EXPECT_EQ(server_.Photos().size(), 1u) << "one row is a text answer";
}

TEST_F(BotGroupTest, TheNumbersButtonOfAChartWhoseQuestionIsGoneSaysSo) {
  auto bot = Start();
  server_.PushText(1, "series по дням");
  const auto question_id = server_.LastPushedMessageId();
  ASSERT_TRUE(server_.WaitForPhotos(1, 10s));
  server_.DeleteMessage(1, question_id);
  server_.PushButtonPress(1, server_.Photos().front().message_id, 1, "numbers");
  ASSERT_TRUE(server_.WaitForCallbackAnswers(1, 10s));
  EXPECT_EQ(server_.CallbackAnswers().front().text, std::string(kNumbersExpiredNotice));
  EXPECT_TRUE(server_.SentTo(1).empty());
}

}  // namespace
}  // namespace videobot::telegram
