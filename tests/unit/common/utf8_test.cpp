// UTF-8 helpers of common/utf8.hpp: decoding, code point boundaries, case folding.

#include <gtest/gtest.h>

#include <string>

#include "common/text.hpp"
#include "common/utf8.hpp"

namespace videobot {
namespace {

TEST(Utf8, DecodesWellFormedSequencesAndRejectsIllFormedOnes) {
  char32_t code_point = 0;
  EXPECT_EQ(DecodeUtf8("ж", 0, code_point), 2u);
  EXPECT_EQ(code_point, U'ж');
  EXPECT_EQ(DecodeUtf8("\xF0\x9F\x93\x88", 0, code_point), 4u);
  EXPECT_EQ(code_point, U'\U0001F4C8');
  EXPECT_EQ(Utf8SequenceLength("\x80", 0), 0u);          // a stray continuation byte
  EXPECT_EQ(Utf8SequenceLength("\xC0\xAF", 0), 0u);      // an overlong '/'
  EXPECT_EQ(Utf8SequenceLength("\xED\xA0\x80", 0), 0u);  // a surrogate
  EXPECT_EQ(Utf8SequenceLength("\xD0", 0), 0u);          // truncated
}

TEST(Utf8, AppendingADecodedCodePointGivesItsBytesBack) {
  for (const std::string text : {"a", "ё", "€", "\xF0\x9F\x93\x88"}) {
    char32_t code_point = 0;
    ASSERT_EQ(DecodeUtf8(text, 0, code_point), text.size()) << text;
    std::string out;
    AppendUtf8(out, code_point);
    EXPECT_EQ(out, text);
  }
}

TEST(Utf8, ContinuationBytesAreTheOnesThatDoNotStartACodePoint) {
  const std::string text = "яa€";
  EXPECT_FALSE(IsUtf8Continuation(text[0]));
  EXPECT_TRUE(IsUtf8Continuation(text[1]));
  EXPECT_FALSE(IsUtf8Continuation(text[2]));
  EXPECT_FALSE(IsUtf8Continuation(text[3]));
  EXPECT_TRUE(IsUtf8Continuation(text[4]));
  EXPECT_TRUE(IsUtf8Continuation(text[5]));
  EXPECT_EQ(CountCodePoints(text), 3u);
}

TEST(Utf8, ACutNeverSplitsACodePoint) {
  const std::string text = "ab€cd";  // € is three bytes, at 2..4
  EXPECT_EQ(Utf8CutBefore(text, 0), 0u);
  EXPECT_EQ(Utf8CutBefore(text, 2), 2u);
  EXPECT_EQ(Utf8CutBefore(text, 3), 2u);
  EXPECT_EQ(Utf8CutBefore(text, 4), 2u);
  EXPECT_EQ(Utf8CutBefore(text, 5), 5u);
  EXPECT_EQ(Utf8CutBefore(text, 100), text.size());
  EXPECT_TRUE(IsValidUtf8(text.substr(0, Utf8CutBefore(text, 4))));
}

TEST(Utf8, FoldingComparesCaseAndYoAlike) {
  EXPECT_EQ(FoldLetter(U'Ж'), U'ж');
  EXPECT_EQ(FoldLetter(U'Ё'), U'е');
  EXPECT_EQ(FoldLetter(U'ё'), U'е');
  EXPECT_EQ(FoldLetter(U'Q'), U'q');
  EXPECT_EQ(FoldLetter(U'7'), U'7');
}

}  // namespace
}  // namespace videobot
