// Normaliser, tokeniser and lexicon.

#include <gtest/gtest.h>

#include <string>

#include "nl/lexicon.hpp"
#include "nl/normalizer.hpp"
#include "nl/tokenizer.hpp"

namespace videobot::nl {
namespace {

TEST(Normalizer, FoldsCaseAndYo) {
  EXPECT_EQ(Normalize("СКОЛЬКО Всего ЁЖИКОВ").value(), "сколько всего ежиков");
  EXPECT_EQ(Normalize("за всё время").value(), "за все время");
}

TEST(Normalizer, UnifiesSpacesDashesQuotes) {
  EXPECT_EQ(Normalize("10\u00A0000").value(), "10 000");
  EXPECT_EQ(Normalize("10\u202F000\u2009руб").value(), "10 000 руб");
  EXPECT_EQ(Normalize("a\u2014b\u2013c\u2212d").value(), "a-b-c-d");
  EXPECT_EQ(Normalize("«x» “y” „z“").value(), "\"x\" \"y\" \"z\"");
  EXPECT_EQ(Normalize("≥5 ≤7").value(), ">=5 <=7");
  EXPECT_EQ(Normalize("ви\u00ADдео\u200B").value(), "видео");
  EXPECT_EQ(Normalize("a\tb\nc").value(), "a b c");
}

TEST(Normalizer, RejectsBadInput) {
  EXPECT_EQ(Normalize("\xff\xfe").error().code, ErrorCode::kQuestionNotUnderstood);
  EXPECT_EQ(Normalize("   ").error().code, ErrorCode::kQuestionNotUnderstood);
  EXPECT_EQ(Normalize(std::string(kMaxQuestionChars + 1, 'a')).error().code, ErrorCode::kQuestionTooLong);
  std::string cyrillic;
  for (std::size_t i = 0; i < kMaxQuestionChars; ++i) cyrillic += "я";
  EXPECT_TRUE(Normalize(cyrillic).has_value());  // the limit counts characters, not bytes
}

std::vector<Token> Tokens(const std::string& normalized) { return Tokenize(normalized); }

TEST(Tokenizer, WordsNumbersPunctuation) {
  const std::string text = "сколько видео, 10 000?";
  const auto tokens = Tokens(text);
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kWord);
  EXPECT_EQ(tokens[2].kind, TokenKind::kPunct);
  EXPECT_FALSE(tokens[2].space_before);
  EXPECT_EQ(tokens[3].kind, TokenKind::kNumber);
  EXPECT_TRUE(tokens[4].space_before);
  EXPECT_EQ(tokens[5].text, "?");
}

TEST(Tokenizer, GluedNumbersAndWords) {
  const std::string text = "100к 10k 2025г";
  const auto tokens = Tokens(text);
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[0].text, "100");
  EXPECT_EQ(tokens[1].text, "к");
  EXPECT_FALSE(tokens[1].space_before);
  EXPECT_EQ(tokens[3].text, "k");
  EXPECT_EQ(tokens[5].text, "г");
}

TEST(Tokenizer, Ids) {
  const std::string text =
      "aca1061a9d324ecf8c3fa2bb32d7be63 ecd8a4e4-1f24-4b97-a944-35d17078ce7c abc123def456abc1 0123";
  const auto tokens = Tokens(text);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kCreatorId);
  EXPECT_EQ(tokens[1].kind, TokenKind::kVideoId);
  EXPECT_EQ(tokens[1].text.size(), 36u);
  EXPECT_EQ(tokens[2].kind, TokenKind::kMalformedId);
  EXPECT_EQ(tokens[3].kind, TokenKind::kNumber);
}

TEST(Tokenizer, DamagedUuidIsMalformed) {
  const std::string text = "ecd8a4e4-1f24-4b97-a944-35d17078ce7";
  const auto tokens = Tokens(text);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kMalformedId);
}

TEST(Lexicon, TablesAreConsistent) {
  const auto& conflicts = Lexicon::Instance().Conflicts();
  EXPECT_TRUE(conflicts.empty()) << "first conflicting form: " << (conflicts.empty() ? "" : conflicts.front());
}

TEST(Lexicon, InflectedForms) {
  const Lexicon& lexicon = Lexicon::Instance();
  EXPECT_EQ(lexicon.LookupWord("просмотров"), Concept::kViews);
  EXPECT_EQ(lexicon.LookupWord("лайками"), Concept::kLikes);
  EXPECT_EQ(lexicon.LookupWord("комментариев"), Concept::kComments);
  EXPECT_EQ(lexicon.LookupWord("жалобы"), Concept::kReports);
  EXPECT_EQ(lexicon.LookupWord("роликов"), Concept::kVideo);
  EXPECT_EQ(lexicon.LookupWord("креатора"), Concept::kCreator);
  EXPECT_EQ(lexicon.LookupWord("опубликованных"), Concept::kPublish);
  EXPECT_EQ(lexicon.LookupWord("выросли"), Concept::kGrowth);
  EXPECT_EQ(lexicon.LookupWord("различных"), Concept::kDistinct);
  EXPECT_EQ(lexicon.LookupWord("репостов"), Concept::kUnsupportedMetric);
  EXPECT_EQ(lexicon.LookupWord("разница"), Concept::kCompare);
  EXPECT_EQ(lexicon.LookupWord("времени"), Concept::kTimeAmount);
  EXPECT_EQ(lexicon.LookupWord("ежедневный"), Concept::kSeriesDay);
  EXPECT_FALSE(lexicon.LookupWord("разнообразие").has_value());
  EXPECT_FALSE(lexicon.LookupWord("погода").has_value());
}

TEST(Lexicon, PhrasesLongestFirst) {
  const std::string text = "в конечном итоге";
  const auto tokens = Tokens(text);
  auto match = Lexicon::Instance().MatchPhrase(tokens, 0);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->meaning, Concept::kFinal);
  EXPECT_EQ(match->length, 3u);
  const std::string dotted = "т.е.";
  const auto dotted_tokens = Tokens(dotted);
  ASSERT_TRUE(Lexicon::Instance().MatchPhrase(dotted_tokens, 0));
  EXPECT_EQ(Lexicon::Instance().MatchPhrase(dotted_tokens, 0)->meaning, Concept::kExplain);
}

}  // namespace
}  // namespace videobot::nl
