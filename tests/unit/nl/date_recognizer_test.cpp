#include "nl/date_recognizer.hpp"

#include <gtest/gtest.h>

#include <string>

#include "nl/normalizer.hpp"
#include "nl/tokenizer.hpp"

namespace videobot::nl {
namespace {

struct Read {
  explicit Read(const std::string& text) : normalized(Normalize(text).value()), tokens(Tokenize(normalized)) {}
  std::optional<DateExpr> Date(DateOptions options = {}) const { return RecognizeDate(tokens, 0, options); }
  std::optional<DateExpr> Time() const { return RecognizeTime(tokens, 0); }
  std::string normalized;
  std::vector<Token> tokens;
};

void ExpectDay(const std::string& text, PartialDate date, std::size_t length) {
  auto expr = Read(text).Date();
  ASSERT_TRUE(expr.has_value()) << text;
  EXPECT_EQ(expr->granularity, Granularity::kDay) << text;
  EXPECT_EQ(expr->date, date) << text;
  EXPECT_EQ(expr->length, length) << text;
  EXPECT_FALSE(expr->seconds.has_value()) << text;
}

TEST(DateRecognizer, DayWithMonthWord) {
  ExpectDay("28 ноября 2025", {2025, 11, 28}, 3);
  ExpectDay("28 ноября 2025 года", {2025, 11, 28}, 4);
  ExpectDay("28 ноября 2025 г.", {2025, 11, 28}, 5);
  ExpectDay("28 ноября 2025г", {2025, 11, 28}, 4);
  ExpectDay("28 ноября", {0, 11, 28}, 2);
  ExpectDay("1 января", {0, 1, 1}, 2);
  ExpectDay("3 мая 2024", {2024, 5, 3}, 3);
  ExpectDay("28-го ноября", {0, 11, 28}, 4);
  ExpectDay("28 нояб. 2025", {2025, 11, 28}, 4);
  ExpectDay("28 НОЯБРЯ 2025", {2025, 11, 28}, 3);
}

TEST(DateRecognizer, DayWithOrdinalWords) {
  ExpectDay("первое ноября", {0, 11, 1}, 2);
  ExpectDay("двадцать восьмого ноября 2025", {2025, 11, 28}, 4);
  ExpectDay("третьего октября", {0, 10, 3}, 2);
  ExpectDay("тридцатое сентября", {0, 9, 30}, 2);
}

TEST(DateRecognizer, NumericDays) {
  ExpectDay("28.11.2025", {2025, 11, 28}, 5);
  ExpectDay("01.10.2025", {2025, 10, 1}, 5);
  ExpectDay("28.11.25", {2025, 11, 28}, 5);
  ExpectDay("28/11/2025", {2025, 11, 28}, 5);
  ExpectDay("28-11-2025", {2025, 11, 28}, 5);
  ExpectDay("2025-11-28", {2025, 11, 28}, 5);
  ExpectDay("2025.11.28", {2025, 11, 28}, 5);
  ExpectDay("28.11", {0, 11, 28}, 3);
}

TEST(DateRecognizer, NumbersThatAreNotDates) {
  EXPECT_FALSE(Read("1.5 млн").Date().has_value());
  EXPECT_FALSE(Read("1.05 млн").Date().has_value());
  EXPECT_FALSE(Read("10.000").Date().has_value());
  EXPECT_FALSE(Read("10 000").Date().has_value());
  EXPECT_FALSE(Read("2025 просмотров").Date().has_value());
  EXPECT_FALSE(Read("32.11.2025").Date().has_value());
  EXPECT_FALSE(Read("28.13.2025").Date().has_value());
  EXPECT_FALSE(Read("15").Date().has_value());
}

TEST(DateRecognizer, Months) {
  auto month = Read("ноябрь 2025").Date();
  ASSERT_TRUE(month);
  EXPECT_EQ(month->granularity, Granularity::kMonth);
  EXPECT_EQ(month->date, (PartialDate{2025, 11, 0}));
  EXPECT_EQ(Read("ноября 2025 года").Date()->length, 3u);
  EXPECT_EQ(Read("июне").Date()->date, (PartialDate{0, 6, 0}));
  EXPECT_EQ(Read("мая").Date()->date, (PartialDate{0, 5, 0}));
  EXPECT_EQ(Read("11.2025").Date()->date, (PartialDate{2025, 11, 0}));
  EXPECT_EQ(Read("2025-11").Date()->granularity, Granularity::kMonth);
  EXPECT_EQ(Read("дек. 2025").Date()->date, (PartialDate{2025, 12, 0}));
  EXPECT_FALSE(Read("дек").Date().has_value());  // an abbreviation needs a year
}

TEST(DateRecognizer, Years) {
  auto year = Read("2025 год").Date();
  ASSERT_TRUE(year);
  EXPECT_EQ(year->granularity, Granularity::kYear);
  EXPECT_EQ(year->date.year, 2025);
  EXPECT_EQ(Read("2024 году").Date()->length, 2u);
  EXPECT_EQ(Read("2024 г.").Date()->length, 3u);
}

TEST(DateRecognizer, DayWithTime) {
  auto expr = Read("28.11.2025 10:30").Date();
  ASSERT_TRUE(expr);
  EXPECT_EQ(expr->seconds, 10 * 3600 + 30 * 60);
  EXPECT_EQ(Read("28 ноября 2025 в 10:00").Date()->seconds, 36000);
}

TEST(DateRecognizer, Times) {
  EXPECT_EQ(Read("10:00").Time()->seconds, 36000);
  EXPECT_EQ(Read("9:05").Time()->seconds, 9 * 3600 + 300);
  EXPECT_EQ(Read("10:00:30").Time()->seconds, 36030);
  EXPECT_EQ(Read("10.00").Time()->seconds, 36000);
  EXPECT_EQ(Read("10.30").Time()->seconds, 37800);
  EXPECT_EQ(Read("15 часов").Time()->seconds, 54000);
  EXPECT_EQ(Read("15 ч.").Time()->length, 3u);
  EXPECT_EQ(Read("24:00").Time()->seconds, 86400);
  EXPECT_FALSE(Read("10.11").Time().has_value());  // a date, not a time
  EXPECT_FALSE(Read("25:00").Time().has_value());
  EXPECT_FALSE(Read("10:75").Time().has_value());
  EXPECT_FALSE(Read("15 просмотров").Time().has_value());
}

TEST(DateRecognizer, BareNumbersOnlyWhenAsked) {
  EXPECT_FALSE(Read("5").Date().has_value());
  auto bare = Read("5").Date(DateOptions{true});
  ASSERT_TRUE(bare);
  EXPECT_TRUE(bare->bare_number);
  EXPECT_EQ(bare->date.day, 5);
}

TEST(DateRecognizer, MonthWords) {
  EXPECT_EQ(MonthFromWord(Token{TokenKind::kWord, false, "ноября"}), 11);
  EXPECT_EQ(MonthFromWord(Token{TokenKind::kWord, false, "январе"}), 1);
  EXPECT_EQ(MonthFromWord(Token{TokenKind::kWord, false, "видео"}), 0);
}

}  // namespace
}  // namespace videobot::nl
