#include "nl/number_recognizer.hpp"

#include <gtest/gtest.h>

#include <string>

#include "nl/normalizer.hpp"
#include "nl/tokenizer.hpp"

namespace videobot::nl {
namespace {

// The number at the start of `text` and the number of tokens it covers, or nullopt.
std::optional<NumberMatch> Read(const std::string& text) {
  static std::string normalized;  // tokens point into it
  normalized = Normalize(text).value();
  const auto tokens = Tokenize(normalized);
  return RecognizeNumber(tokens, 0);
}

std::int64_t Value(const std::string& text) {
  auto match = Read(text);
  EXPECT_TRUE(match.has_value()) << text;
  return match ? match->value : -1;
}

TEST(NumberRecognizer, PlainDigits) {
  EXPECT_EQ(Value("10000"), 10000);
  EXPECT_EQ(Value("0"), 0);
  EXPECT_EQ(Value("007 просмотров"), 7);
  EXPECT_EQ(Read("10000 просмотров")->length, 1u);
}

TEST(NumberRecognizer, DigitGroupsWithAnySpace) {
  EXPECT_EQ(Value("10 000"), 10000);
  EXPECT_EQ(Value("10\u00A0000"), 10000);  // no-break space
  EXPECT_EQ(Value("10\u2009000"), 10000);  // thin space
  EXPECT_EQ(Value("10\u202F000"), 10000);  // narrow no-break space
  EXPECT_EQ(Value("1 000 000"), 1000000);
  EXPECT_EQ(Read("1 000 000 просмотров")->length, 3u);
  // A group must have exactly three digits: "100 10" is two numbers.
  EXPECT_EQ(Value("100 10"), 100);
  // A long head is not grouped.
  EXPECT_EQ(Value("2025 100"), 2025);
}

TEST(NumberRecognizer, DotOrCommaThousands) {
  EXPECT_EQ(Value("10.000"), 10000);
  EXPECT_EQ(Value("1,000,000"), 1000000);
  EXPECT_FALSE(Read("1,5").has_value());  // not an integer
  EXPECT_FALSE(Read("10.5").has_value());
}

TEST(NumberRecognizer, Multipliers) {
  EXPECT_EQ(Value("10 тыс."), 10000);
  EXPECT_EQ(Read("10 тыс. просмотров")->length, 3u);
  EXPECT_EQ(Value("10 тыс"), 10000);
  EXPECT_EQ(Value("10 тысяч"), 10000);
  EXPECT_EQ(Value("2 тысячи"), 2000);
  EXPECT_EQ(Value("1,5 млн"), 1500000);
  EXPECT_EQ(Value("1.5 млн"), 1500000);
  EXPECT_EQ(Value("2,25 млн"), 2250000);
  EXPECT_EQ(Value("3 миллиона"), 3000000);
  EXPECT_EQ(Value("1 млрд"), 1000000000);
  EXPECT_EQ(Value("100к"), 100000);
  EXPECT_EQ(Value("10k"), 10000);
  EXPECT_EQ(Value("1,5к"), 1500);
  EXPECT_FALSE(Read("1,2345 тыс").has_value());  // 1234.5 is not an integer
}

TEST(NumberRecognizer, GluedThousandsOnlyWhenGlued) {
  // "10 к 28 ноября": "к" is a preposition, not a thousand.
  EXPECT_EQ(Value("10 к"), 10);
}

TEST(NumberRecognizer, Words) {
  EXPECT_EQ(Value("сто тысяч"), 100000);
  EXPECT_EQ(Value("ста тысяч"), 100000);
  EXPECT_EQ(Value("миллион"), 1000000);
  EXPECT_EQ(Value("миллиона"), 1000000);
  EXPECT_EQ(Value("десять тысяч"), 10000);
  EXPECT_EQ(Value("двадцать пять"), 25);
  EXPECT_EQ(Value("сто двадцать пять тысяч"), 125000);
  EXPECT_EQ(Value("два миллиона триста тысяч"), 2300000);
  EXPECT_EQ(Value("полтора миллиона"), 1500000);
  EXPECT_EQ(Value("полторы тысячи"), 1500);
  EXPECT_EQ(Value("полмиллиона"), 500000);
  EXPECT_EQ(Value("пяти"), 5);
  EXPECT_EQ(Value("семь"), 7);
  EXPECT_FALSE(Read("пять двадцать").has_value());
  EXPECT_FALSE(Read("полтора").has_value());
  EXPECT_FALSE(Read("видео").has_value());
}

TEST(NumberRecognizer, WordsMultiplyAsWritten) {
  // A genitive multiplier after another multiplies it: "тысяча тысяч", "миллиона тысяч".
  EXPECT_EQ(Value("тысячи тысяч"), 1000000);
  EXPECT_EQ(Read("тысячи тысяч просмотров")->length, 2u);
  EXPECT_EQ(Value("тысяча тысяч"), 1000000);
  EXPECT_EQ(Value("миллиона тысяч"), 1000000000);
  EXPECT_EQ(Value("сто тысяч тысяч"), 100000000);
  EXPECT_EQ(Value("10 тысяч тысяч"), 10000000);
  // Parts with decreasing scales add up.
  EXPECT_EQ(Value("сто двадцать тысяч"), 120000);
  EXPECT_EQ(Value("ста двадцати тысяч"), 120000);
  EXPECT_EQ(Value("две тысячи двадцать пять"), 2025);
  EXPECT_EQ(Value("два миллиона триста тысяч пятьсот"), 2300500);
  EXPECT_EQ(Value("миллион тысяча"), 1001000);
  EXPECT_EQ(Value("2 миллиона 300 тысяч"), 2300000);
  EXPECT_EQ(Value("2 млн 300 тыс."), 2300000);
  EXPECT_EQ(Value("2 миллиона триста тысяч"), 2300000);
  EXPECT_EQ(Value("полтора миллиона"), 1500000);
  EXPECT_EQ(Value("полутора тысяч"), 1500);
  EXPECT_EQ(Value("полмиллиона"), 500000);
  EXPECT_EQ(Value("полтысячи"), 500);
  EXPECT_EQ(Value("1,5 млн"), 1500000);
  EXPECT_EQ(Value("10 тыс."), 10000);
}

TEST(NumberRecognizer, StopsBeforeWhatIsNotItsPart) {
  // Bare digits after a multiplier are another number ("больше 1 тысячи 28 ноября").
  EXPECT_EQ(Read("1 тысячи 28 ноября")->length, 2u);
  EXPECT_EQ(Value("1 тысячи 28 ноября"), 1000);
  EXPECT_EQ(Read("2 миллиона 300")->length, 2u);
}

TEST(NumberRecognizer, NeverAPartialValue) {
  // A smaller scale cannot come first; these are refused, not read in part.
  for (const char* text :
       {"тысяча миллион", "тысяча тысяча", "пять двадцать", "десять пять", "полмиллиона тысяч", "1,5", "1,2345 тыс"}) {
    EXPECT_FALSE(Read(text).has_value()) << text;
    static std::string normalized;
    normalized = Normalize(text).value();
    const auto tokens = Tokenize(normalized);
    const NumberReading reading = ReadNumber(tokens, 0);
    EXPECT_EQ(reading.problem, NumberProblem::kMalformed) << text;
    EXPECT_GE(reading.length, 1u) << text;
  }
}

TEST(NumberRecognizer, TooLargeIsAProblemNotANumber) {
  for (const char* text : {"10000000000000000", "1 000 000 000 000 001", "999 999 999 999 999 999",
                           "миллиард миллиардов", "2000000 млрд", "12345678901234567890"}) {
    static std::string normalized;
    normalized = Normalize(text).value();
    const auto tokens = Tokenize(normalized);
    const NumberReading reading = ReadNumber(tokens, 0);
    EXPECT_FALSE(reading.number.has_value()) << text;
    EXPECT_EQ(reading.problem, NumberProblem::kTooLarge) << text;
  }
  EXPECT_EQ(Value("миллион миллиардов"), 1000000000000000);
}

TEST(NumberRecognizer, Signs) {
  EXPECT_EQ(Value("-5"), -5);
  EXPECT_EQ(Value("минус 100"), -100);
  EXPECT_EQ(Value("минус десять"), -10);
}

TEST(NumberRecognizer, Limits) {
  EXPECT_EQ(Value("1000000000000000"), 1000000000000000);
  EXPECT_FALSE(Read("10000000000000000").has_value());
  EXPECT_FALSE(Read("2000000 млрд").has_value());
}

TEST(NumberRecognizer, DigitsValue) {
  EXPECT_EQ(DigitsValue(Token{TokenKind::kNumber, false, "042"}), 42);
  EXPECT_FALSE(DigitsValue(Token{TokenKind::kWord, false, "сто"}).has_value());
  EXPECT_FALSE(DigitsValue(Token{TokenKind::kNumber, false, "1234567890123456789"}).has_value());
}

}  // namespace
}  // namespace videobot::nl
