#include "telegram/update_classifier.hpp"

#include <gtest/gtest.h>

#include "telegram/bot_messages.hpp"

namespace videobot::telegram {
namespace {

const BotIdentity kBot{4242, "videobot_test_bot", "Videobot"};

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
  for (const char* kind :
       {"edited_message", "channel_post", "edited_channel_post", "callback_query", ""}) {  // no payload
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

Update GroupUpdate(std::string text, std::string type = "supergroup") {
  return TextUpdate(std::move(text), std::move(type));
}

Update ReplyTo(Update update, std::int64_t author_id, std::string replied_text = "35730") {
  Message replied;
  replied.message_id = 9;
  replied.chat = update.message->chat;
  replied.from = User{author_id, author_id == kBot.id, "X", ""};
  replied.text = std::move(replied_text);
  update.message->reply_to_message = std::make_shared<const Message>(std::move(replied));
  return update;
}

TEST(UpdateClassifierTest, InGroupsAMentionAnywhereIsAQuestionWithoutTheMention) {
  for (const char* text : {"@videobot_test_bot сколько видео?", "сколько видео @VideoBot_Test_Bot?",
                           "@videobot_test_bot, сколько видео?", "сколько @videobot_test_bot видео?"}) {
    for (const char* type : {"group", "supergroup"}) {
      const auto c = ClassifyUpdate(GroupUpdate(text, type), kBot);
      EXPECT_EQ(c.action, UpdateAction::kAnswer) << text;
      EXPECT_EQ(c.outcome, "mention") << text;
      EXPECT_EQ(c.text.find('@'), std::string::npos) << c.text;
      EXPECT_NE(c.text.find("сколько"), std::string::npos) << c.text;
    }
  }
  EXPECT_EQ(ClassifyUpdate(GroupUpdate("сколько видео @videobot_test_bot"), kBot).text, "сколько видео");
}

TEST(UpdateClassifierTest, InGroupsEverythingNotAddressedIsIgnoredSilently) {
  for (const char* text :
       {"всем привет", "Сколько всего видео?", "Бот, сколько видео?", "@videobot_test_bot_two сколько видео?",
        "mail@videobot_test_bot.ru", "/help@other_bot", "/weather Москва"}) {
    const auto c = ClassifyUpdate(GroupUpdate(text), kBot);
    EXPECT_EQ(c.action, UpdateAction::kIgnore) << text;
  }
  EXPECT_EQ(ClassifyUpdate(GroupUpdate("всем привет"), kBot).outcome, "group_chatter");
  EXPECT_EQ(ClassifyUpdate(GroupUpdate(std::string("ÿ")), kBot).action, UpdateAction::kIgnore);
  // A reply to somebody else is chatter too.
  EXPECT_EQ(ClassifyUpdate(ReplyTo(GroupUpdate("а за ноябрь?"), 5), kBot).outcome, "group_chatter");
}

TEST(UpdateClassifierTest, InGroupsAskWithOrWithoutTheBotsNameIsAQuestion) {
  for (const char* text :
       {"/ask Сколько видео?", "/ask@videobot_test_bot Сколько видео?", "/ASK@VIDEOBOT_TEST_BOT   Сколько видео?"}) {
    const auto c = ClassifyUpdate(GroupUpdate(text), kBot);
    EXPECT_EQ(c.action, UpdateAction::kAnswer) << text;
    EXPECT_EQ(c.outcome, "ask") << text;
    EXPECT_EQ(c.text, "Сколько видео?") << text;
  }
  EXPECT_EQ(ClassifyUpdate(GroupUpdate("/ask"), kBot).outcome, "ask_usage");
  EXPECT_EQ(ClassifyUpdate(GroupUpdate("/ask@other_bot Сколько видео?"), kBot).action, UpdateAction::kIgnore);
  // /ask works in private chats too.
  const auto private_ask = ClassifyUpdate(TextUpdate("/ask Сколько видео?"), kBot);
  EXPECT_EQ(private_ask.action, UpdateAction::kAnswer);
  EXPECT_EQ(private_ask.text, "Сколько видео?");
}

TEST(UpdateClassifierTest, InGroupsAReplyToTheBotIsAQuestion) {
  const auto c = ClassifyUpdate(ReplyTo(GroupUpdate("а сколько лайков?"), kBot.id), kBot);
  EXPECT_EQ(c.action, UpdateAction::kAnswer);
  EXPECT_EQ(c.outcome, "reply_to_bot");
  EXPECT_EQ(c.text, "а сколько лайков?");
}

TEST(UpdateClassifierTest, InGroupsHelpExplainsHowToAddressTheBot) {
  const auto help = ClassifyUpdate(GroupUpdate("/help@videobot_test_bot"), kBot);
  EXPECT_EQ(help.action, UpdateAction::kReply);
  EXPECT_NE(help.text.find("@videobot_test_bot"), std::string::npos);
  EXPECT_NE(help.text.find("/ask"), std::string::npos);
  EXPECT_NE(help.text.find("privacy mode"), std::string::npos);
  EXPECT_EQ(ClassifyUpdate(GroupUpdate("/help"), kBot).text, help.text);
  EXPECT_EQ(ClassifyUpdate(TextUpdate("/help"), kBot).text, kHelpText);
  EXPECT_EQ(ClassifyUpdate(GroupUpdate("/unknown@videobot_test_bot"), kBot).outcome, "unknown_command");
}

TEST(UpdateClassifierTest, StatusIsACommandEverywhere) {
  EXPECT_EQ(ClassifyUpdate(TextUpdate("/status"), kBot).action, UpdateAction::kStatus);
  EXPECT_EQ(ClassifyUpdate(GroupUpdate("/status@videobot_test_bot"), kBot).action, UpdateAction::kStatus);
  EXPECT_EQ(ClassifyUpdate(GroupUpdate("/status@other_bot"), kBot).action, UpdateAction::kIgnore);
}

TEST(UpdateClassifierTest, AnAddressAtTheStartIsNotPartOfTheQuestion) {
  for (const char* text : {"Бот, сколько видео?", "бот: сколько видео?", "videobot, сколько видео?",
                           "Videobot — сколько видео?", "@videobot_test_bot сколько видео?", "БОТИК, сколько видео?"}) {
    const auto c = ClassifyUpdate(TextUpdate(text), kBot);
    EXPECT_EQ(c.action, UpdateAction::kAnswer) << text;
    EXPECT_EQ(c.text, "сколько видео?") << text;
  }
  EXPECT_EQ(ClassifyUpdate(TextUpdate("/explain Бот, сколько видео?"), kBot).text, "сколько видео?");
  EXPECT_EQ(ClassifyUpdate(TextUpdate("Бот,"), kBot).outcome, "question_usage");
}

Update ButtonPress(std::optional<Message> message, std::string data = "explain") {
  Update update;
  update.update_id = 5;
  update.kind = "callback_query";
  CallbackQuery query;
  query.id = "cb1";
  query.from = User{5, false, "Tester", ""};
  query.data = std::move(data);
  query.message = std::move(message);
  update.callback_query = std::move(query);
  return update;
}

TEST(UpdateClassifierTest, TheButtonExplainsTheQuestionTheAnswerRepliedTo) {
  Message question;
  question.message_id = 1;
  question.chat = {-77, "supergroup"};
  question.text = "@videobot_test_bot Бот, сколько видео?";
  Message answer;
  answer.message_id = 2;
  answer.chat = question.chat;
  answer.from = User{kBot.id, true, "Videobot", "videobot_test_bot"};
  answer.text = "42";
  answer.reply_to_message = std::make_shared<const Message>(question);
  const auto c = ClassifyUpdate(ButtonPress(answer), kBot);
  EXPECT_EQ(c.action, UpdateAction::kButtonExplain);
  EXPECT_EQ(c.text, "сколько видео?");
  question.text = "/ask@videobot_test_bot сколько видео?";
  answer.reply_to_message = std::make_shared<const Message>(question);
  EXPECT_EQ(ClassifyUpdate(ButtonPress(answer), kBot).text, "сколько видео?");
  // The question was deleted: Telegram sends the answer without reply_to_message.
  answer.reply_to_message.reset();
  const auto expired = ClassifyUpdate(ButtonPress(answer), kBot);
  EXPECT_EQ(expired.action, UpdateAction::kButtonNotice);
  EXPECT_EQ(expired.outcome, "button_expired");
  EXPECT_EQ(expired.text, kExplanationExpiredNotice);
  EXPECT_EQ(ClassifyUpdate(ButtonPress(std::nullopt), kBot).outcome, "button_expired");
  EXPECT_EQ(ClassifyUpdate(ButtonPress(answer, "other"), kBot).outcome, "button_unknown");
}

TEST(UpdateClassifierTest, MessageWithoutChatIsIgnored) {
  Update update = TextUpdate("hi");
  update.message->chat.id = 0;
  EXPECT_EQ(ClassifyUpdate(update, kBot).action, UpdateAction::kIgnore);
}

}  // namespace
}  // namespace videobot::telegram
