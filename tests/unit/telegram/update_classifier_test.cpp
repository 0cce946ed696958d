#include "telegram/update_classifier.hpp"

#include <gtest/gtest.h>

#include "telegram/bot_messages.hpp"

namespace videobot::telegram {
namespace {

constexpr std::string_view kBot = "videobot_test_bot";

Update TextUpdate(std::optional<std::string> text, std::string chat_type = "private", bool from_bot = false) {
  Update update;
  update.update_id = 1;
  update.kind = "message";
  Message message;
  message.message_id = 10;
  message.chat = {77, std::move(chat_type)};
  message.from = User{5, from_bot, "Tester", ""};
  message.text = std::move(text);
  update.message = message;
  return update;
}

TEST(UpdateClassifierTest, PlainTextIsATrimmedQuestion) {
  const auto c = ClassifyUpdate(TextUpdate("  Сколько всего видео есть в системе?\n"), kBot);
  EXPECT_EQ(c.action, UpdateAction::kAnswer);
  EXPECT_EQ(c.outcome, "question");
  EXPECT_EQ(c.text, "Сколько всего видео есть в системе?");
}

TEST(UpdateClassifierTest, StartAndHelpGiveTheHelpText) {
  for (const char* text : {"/start", "/help", "/HELP", "/help@videobot_test_bot", "/start payload"}) {
    const auto c = ClassifyUpdate(TextUpdate(text), kBot);
    EXPECT_EQ(c.action, UpdateAction::kReply) << text;
    EXPECT_EQ(c.text, kHelpText) << text;
  }
}

TEST(UpdateClassifierTest, ExplainTakesTheQuestion) {
  const auto c = ClassifyUpdate(TextUpdate("/explain   Сколько видео?  "), kBot);
  EXPECT_EQ(c.action, UpdateAction::kExplain);
  EXPECT_EQ(c.text, "Сколько видео?");
  const auto usage = ClassifyUpdate(TextUpdate("/explain"), kBot);
  EXPECT_EQ(usage.action, UpdateAction::kReply);
  EXPECT_EQ(usage.outcome, "explain_usage");
  const auto multiline = ClassifyUpdate(TextUpdate("/explain\nСколько видео?"), kBot);
  EXPECT_EQ(multiline.action, UpdateAction::kExplain);
  EXPECT_EQ(multiline.text, "Сколько видео?");
}

TEST(UpdateClassifierTest, CommandsForOtherBotsAreIgnoredUnknownOnesGetAHint) {
  EXPECT_EQ(ClassifyUpdate(TextUpdate("/help@other_bot"), kBot).action, UpdateAction::kIgnore);
  const auto unknown = ClassifyUpdate(TextUpdate("/delete_everything"), kBot);
  EXPECT_EQ(unknown.action, UpdateAction::kReply);
  EXPECT_EQ(unknown.outcome, "unknown_command");
}

TEST(UpdateClassifierTest, OtherUpdateKindsAreIgnored) {
  for (const char* kind : {"edited_message", "channel_post", "edited_channel_post", "callback_query", ""}) {
    Update update;
    update.update_id = 3;
    update.kind = kind;
    const auto c = ClassifyUpdate(update, kBot);
    EXPECT_EQ(c.action, UpdateAction::kIgnore) << kind;
    EXPECT_EQ(c.outcome, "unsupported_update") << kind;
  }
}

TEST(UpdateClassifierTest, MessagesFromBotsAreIgnored) {
  EXPECT_EQ(ClassifyUpdate(TextUpdate("Сколько видео?", "private", true), kBot).action, UpdateAction::kIgnore);
}

TEST(UpdateClassifierTest, NonTextMessagesGetAReplyOnlyInPrivateChats) {
  const auto private_chat = ClassifyUpdate(TextUpdate(std::nullopt, "private"), kBot);
  EXPECT_EQ(private_chat.action, UpdateAction::kReply);
  EXPECT_EQ(private_chat.outcome, "not_text");
  EXPECT_EQ(ClassifyUpdate(TextUpdate(std::nullopt, "group"), kBot).action, UpdateAction::kIgnore);
  EXPECT_EQ(ClassifyUpdate(TextUpdate(std::nullopt, "supergroup"), kBot).action, UpdateAction::kIgnore);
}

TEST(UpdateClassifierTest, EmptyTooLongAndUnreadableTextGetShortReplies) {
  EXPECT_EQ(ClassifyUpdate(TextUpdate(""), kBot).outcome, "empty_text");
  EXPECT_EQ(ClassifyUpdate(TextUpdate(" \n\t "), kBot).outcome, "empty_text");
  std::string long_text;
  for (int i = 0; i < 4097; ++i) long_text += "ы";
  EXPECT_EQ(ClassifyUpdate(TextUpdate(long_text), kBot).outcome, "too_long");
  long_text.resize(long_text.size() - 2);  // exactly 4096 characters
  EXPECT_EQ(ClassifyUpdate(TextUpdate(long_text), kBot).outcome, "question");
  EXPECT_EQ(ClassifyUpdate(TextUpdate(std::string("abc\xff")), kBot).outcome, "invalid_utf8");
  EXPECT_EQ(ClassifyUpdate(TextUpdate(std::string("abc\xEF\xBF\xBD")), kBot).outcome, "invalid_utf8");
  for (const char* text : {"", "abc\xff"}) {
    EXPECT_EQ(ClassifyUpdate(TextUpdate(std::string(text)), kBot).action, UpdateAction::kReply);
  }
}

TEST(UpdateClassifierTest, MessageWithoutChatIsIgnored) {
  Update update = TextUpdate("hi");
  update.message->chat.id = 0;
  EXPECT_EQ(ClassifyUpdate(update, kBot).action, UpdateAction::kIgnore);
}

}  // namespace
}  // namespace videobot::telegram
