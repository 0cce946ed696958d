#include "telegram/message_splitter.hpp"

#include <gtest/gtest.h>

#include "common/text.hpp"

namespace videobot::telegram {
namespace {

TEST(SplitMessageTest, ShortTextIsOnePiece) {
  EXPECT_EQ(SplitMessage("12345", 4096), std::vector<std::string>{"12345"});
  EXPECT_TRUE(SplitMessage("", 4096).empty());
}

TEST(SplitMessageTest, PiecesRespectTheLimitAndReassemble) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "строка номер " + std::to_string(i) + " с планом и SQL\n";
  const auto pieces = SplitMessage(text, 500);
  ASSERT_GT(pieces.size(), 1u);
  std::string joined;
  for (const auto& piece : pieces) {
    EXPECT_LE(CountCodePoints(piece), 500u);
    EXPECT_TRUE(IsValidUtf8(piece));
    joined += piece;
  }
  EXPECT_EQ(joined, text);
  EXPECT_EQ(pieces.front().back(), '\n');  // cut at a line break
}

TEST(SplitMessageTest, LongLineIsCutBetweenCharacters) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += "ж";
  const auto pieces = SplitMessage(text, 3);
  ASSERT_EQ(pieces.size(), 4u);
  EXPECT_EQ(pieces[0], "жжж");
  EXPECT_EQ(pieces[3], "ж");
}

}  // namespace
}  // namespace videobot::telegram
