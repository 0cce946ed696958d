#include "telegram/addressing.hpp"

#include <gtest/gtest.h>

namespace videobot::telegram {
namespace {

const BotIdentity kBot{4242, "vb_test_bot", "Видеобот"};

TEST(AddressingTest, MentionsAreWholeUsernamesInAnyCase) {
  EXPECT_TRUE(MentionsBot("@vb_test_bot сколько видео?", "vb_test_bot"));
  EXPECT_TRUE(MentionsBot("сколько видео, @VB_Test_Bot?", "vb_test_bot"));
  EXPECT_FALSE(MentionsBot("@vb_test_bot2 сколько видео?", "vb_test_bot"));
  EXPECT_FALSE(MentionsBot("me@vb_test_bot", "vb_test_bot"));
  EXPECT_FALSE(MentionsBot("vb_test_bot сколько", "vb_test_bot"));
  EXPECT_FALSE(MentionsBot("@vb_test_bot", ""));
}

TEST(AddressingTest, RemovingMentionsLeavesTheQuestion) {
  EXPECT_EQ(RemoveMentions("@vb_test_bot сколько видео?", "vb_test_bot"), "сколько видео?");
  EXPECT_EQ(RemoveMentions("@vb_test_bot: сколько видео?", "vb_test_bot"), "сколько видео?");
  EXPECT_EQ(RemoveMentions("сколько  @VB_TEST_BOT   видео?", "vb_test_bot"), "сколько видео?");
  EXPECT_EQ(RemoveMentions("@vb_test_bot2 и @vb_test_bot", "vb_test_bot"), "@vb_test_bot2 и");
  EXPECT_EQ(RemoveMentions("@vb_test_bot", "vb_test_bot"), "");
}

TEST(AddressingTest, ALeadingAddressIsStripped) {
  for (const char* text :
       {"Бот, сколько видео?", "бот: сколько видео?", "БОТИК — сколько видео?", "videobot, сколько видео?",
        "VideoBot:сколько видео?", "vb_test_bot, сколько видео?", "@vb_test_bot - сколько видео?",
        "Видеобот, сколько видео?", "Бот, бот: сколько видео?", "  Бот ,  сколько видео?", "Ёлки, бот"}) {
    const std::string_view stripped = StripAddress(text, kBot);
    if (std::string_view(text) == "Ёлки, бот") {
      EXPECT_EQ(stripped, "Ёлки, бот");
    } else {
      EXPECT_EQ(stripped, "сколько видео?") << text;
    }
  }
}

TEST(AddressingTest, WordsThatOnlyStartLikeAnAddressStay) {
  for (const char* text : {"Ботинки, сколько видео?", "бот сколько видео?", "Сколько видео, бот?", "Бот"}) {
    EXPECT_EQ(StripAddress(text, kBot), std::string_view(text)) << text;
  }
}

TEST(AddressingTest, QuestionOfAMessageHandlesCommandsAndAddresses) {
  Message message;
  message.text = "/ask@vb_test_bot Бот, сколько видео?";
  EXPECT_EQ(QuestionOf(message, kBot), "сколько видео?");
  message.text = "/explain сколько видео?";
  EXPECT_EQ(QuestionOf(message, kBot), "сколько видео?");
  message.text = "@vb_test_bot сколько видео?";
  EXPECT_EQ(QuestionOf(message, kBot), "сколько видео?");
  message.text = "/help";
  EXPECT_EQ(QuestionOf(message, kBot), std::nullopt);
  message.text = "/ask@other_bot сколько видео?";
  EXPECT_EQ(QuestionOf(message, kBot), std::nullopt);
  message.text.reset();
  EXPECT_EQ(QuestionOf(message, kBot), std::nullopt);
}

}  // namespace
}  // namespace videobot::telegram
