#include "nl/date_recognizer.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nl/number_recognizer.hpp"
#include "nl/token_match.hpp"
#include "nl/word_tables.hpp"

namespace videobot::nl {
namespace {

bool IsMonthAbbreviation(const Token& token) { return IsAnyWord(token, kMonthAbbreviations); }

int OrdinalValue(const Token& token) {
  // Every form, kept alive for the views the index is keyed by.
  static const auto* const kForms = [] {
    auto* forms = new std::vector<std::pair<std::string, int>>();
    for (const OrdinalStem& stem : kOrdinalStems) {
      for (std::string_view ending : kOrdinalEndings)
        forms->emplace_back(std::string(stem.stem) + std::string(ending), stem.value);
    }
    return forms;
  }();
  static const auto* const kIndex = [] {
    auto* index = new std::unordered_map<std::string_view, int>();
    for (const auto& [form, value] : *kForms) index->emplace(form, value);
    return index;
  }();
  if (token.kind != TokenKind::kWord) return 0;
  const auto it = kIndex->find(token.text);
  return it == kIndex->end() ? 0 : it->second;
}

// "двадцать восьмое": a tens word followed by an ordinal unit.
std::optional<std::pair<int, std::size_t>> OrdinalDay(std::span<const Token> tokens, std::size_t pos) {
  if (pos >= tokens.size()) return std::nullopt;
  int tens = 0;
  for (const auto& [word, value] : kOrdinalTens) {
    if (IsWord(tokens[pos], word)) tens = value;
  }
  if (tens != 0) {
    if (pos + 1 >= tokens.size()) return std::nullopt;
    const int unit = OrdinalValue(tokens[pos + 1]);
    if (unit < 1 || unit > 9) return std::nullopt;
    return std::pair{tens + unit, std::size_t{2}};
  }
  const int value = OrdinalValue(tokens[pos]);
  if (value == 0) return std::nullopt;
  return std::pair{value, std::size_t{1}};
}

bool IsYearWord(const Token& token) { return IsAnyWord(token, kYearWords); }

// A year word after a year number, with the dot of "г.": its length, or 0.
std::size_t YearWordLength(std::span<const Token> tokens, std::size_t pos) {
  if (pos >= tokens.size() || !IsYearWord(tokens[pos])) return 0;
  if (IsAnyWord(tokens[pos], kAbbreviatedYearWords) && PunctAt(tokens, pos + 1, '.')) return 2;
  return 1;
}

// Any four-digit year ("1900", "9999"): the period resolver refuses the ones outside the range
// it works with, naming the year, instead of leaving the number unexplained.
std::optional<int> FourDigitYear(const Token& token) {
  if (token.kind != TokenKind::kNumber || token.text.size() != 4) return std::nullopt;
  const auto value = DigitsValue(token);
  if (!value || *value < 1000) return std::nullopt;
  return static_cast<int>(*value);
}

std::optional<int> SmallNumber(const Token& token, int low, int high) {
  if (token.kind != TokenKind::kNumber || token.text.size() > 2) return std::nullopt;
  const auto value = DigitsValue(token);
  if (!value || *value < low || *value > high) return std::nullopt;
  return static_cast<int>(*value);
}

// An optional year (with its word) after a day or a month: "2025", "2025 года", "2025г.".
std::size_t OptionalYear(std::span<const Token> tokens, std::size_t pos, PartialDate& date) {
  if (pos >= tokens.size()) return 0;
  if (auto year = FourDigitYear(tokens[pos])) {
    date.year = *year;
    return 1 + YearWordLength(tokens, pos + 1);
  }
  return 0;
}

// Ordinal suffix after a day number: "1-го", "5-е".
std::size_t OrdinalSuffixLength(std::span<const Token> tokens, std::size_t pos) {
  if (PunctAt(tokens, pos, '-') && !tokens[pos].space_before && pos + 1 < tokens.size() &&
      !tokens[pos + 1].space_before && IsAnyWord(tokens[pos + 1], kDayNumberSuffixes)) {
    return 2;
  }
  return 0;
}

// A time glued to a day date: "28.11.2025 10:00", "28 ноября в 10:00".
void OptionalTime(std::span<const Token> tokens, DateExpr& expr, std::size_t start) {
  std::size_t pos = start + expr.length;
  std::size_t skip = 0;
  if (AnyWordAt(tokens, pos, kDateTimeGlueWords) || PunctAt(tokens, pos, ',')) skip = 1;
  if (pos + skip >= tokens.size() || tokens[pos + skip].kind != TokenKind::kNumber) return;
  // Only colon times here: "28 ноября 10 часов" is too ambiguous to glue.
  if (!PunctAt(tokens, pos + skip + 1, ':')) return;
  if (auto time = RecognizeTime(tokens, pos + skip)) {
    expr.seconds = time->seconds;
    expr.length += skip + time->length;
  }
}

std::optional<DateExpr> DayMonthWords(std::span<const Token> tokens, std::size_t pos) {
  int day = 0;
  std::size_t length = 0;
  if (auto value = SmallNumber(tokens[pos], 1, 31)) {
    day = *value;
    length = 1 + OrdinalSuffixLength(tokens, pos + 1);
  } else if (auto ordinal = OrdinalDay(tokens, pos)) {
    day = ordinal->first;
    length = ordinal->second;
  } else {
    return std::nullopt;
  }
  if (pos + length >= tokens.size()) return std::nullopt;
  const int month = MonthFromWord(tokens[pos + length]);
  if (month == 0) return std::nullopt;
  ++length;
  if (IsMonthAbbreviation(tokens[pos + length - 1]) && PunctAt(tokens, pos + length, '.')) ++length;
  DateExpr expr;
  expr.date = PartialDate{0, month, day};
  expr.granularity = Granularity::kDay;
  expr.length = length;
  expr.length += OptionalYear(tokens, pos + length, expr.date);
  return expr;
}

// "28.11.2025", "28.11.25", "28/11/2025", "28-11-2025", "28.11".
std::optional<DateExpr> NumericDayFirst(std::span<const Token> tokens, std::size_t pos) {
  auto day = SmallNumber(tokens[pos], 1, 31);
  if (!day || pos + 2 >= tokens.size()) return std::nullopt;
  const Token& sep = tokens[pos + 1];
  if (sep.space_before || !(IsPunct(sep, '.') || IsPunct(sep, '/') || IsPunct(sep, '-'))) return std::nullopt;
  if (!GluedNumberAt(tokens, pos + 2) || tokens[pos + 2].text.size() != 2) return std::nullopt;
  auto month = SmallNumber(tokens[pos + 2], 1, 12);
  if (!month) return std::nullopt;
  DateExpr expr;
  expr.granularity = Granularity::kDay;
  expr.date = PartialDate{0, *month, *day};
  const char separator = sep.text[0];
  if (PunctAt(tokens, pos + 3, separator) && !tokens[pos + 3].space_before && GluedNumberAt(tokens, pos + 4)) {
    const Token& year = tokens[pos + 4];
    if (auto four = FourDigitYear(year)) {
      expr.date.year = *four;
    } else if (auto two = SmallNumber(year, 0, 99); two && year.text.size() == 2) {
      expr.date.year = 2000 + *two;
    } else {
      return std::nullopt;
    }
    expr.length = 5 + YearWordLength(tokens, pos + 5);
    return expr;
  }
  if (separator != '.') return std::nullopt;
  // "28.11" without a year: not when a multiplier or another number group follows ("1.05 млн").
  if (pos + 3 < tokens.size() && !tokens[pos + 3].space_before && tokens[pos + 3].kind != TokenKind::kPunct) {
    return std::nullopt;
  }
  if (RecognizeNumber(tokens, pos) && RecognizeNumber(tokens, pos)->length > 3) return std::nullopt;
  expr.length = 3;
  return expr;
}

// "2025-11-28", "2025-11" , "2025.11.28".
std::optional<DateExpr> NumericYearFirst(std::span<const Token> tokens, std::size_t pos) {
  auto year = FourDigitYear(tokens[pos]);
  if (!year || pos + 2 >= tokens.size()) return std::nullopt;
  const Token& sep = tokens[pos + 1];
  if (sep.space_before || !(IsPunct(sep, '-') || IsPunct(sep, '.'))) return std::nullopt;
  if (!GluedNumberAt(tokens, pos + 2) || tokens[pos + 2].text.size() != 2) return std::nullopt;
  auto month = SmallNumber(tokens[pos + 2], 1, 12);
  if (!month) return std::nullopt;
  DateExpr expr;
  expr.date = PartialDate{*year, *month, 0};
  if (PunctAt(tokens, pos + 3, sep.text[0]) && !tokens[pos + 3].space_before && GluedNumberAt(tokens, pos + 4) &&
      tokens[pos + 4].text.size() == 2) {
    auto day = SmallNumber(tokens[pos + 4], 1, 31);
    if (!day) return std::nullopt;
    expr.date.day = *day;
    expr.granularity = Granularity::kDay;
    expr.length = 5;
    return expr;
  }
  expr.granularity = Granularity::kMonth;
  expr.length = 3;
  return expr;
}

// "11.2025": a month with its year.
std::optional<DateExpr> NumericMonthYear(std::span<const Token> tokens, std::size_t pos) {
  if (tokens[pos].text.size() != 2) return std::nullopt;
  auto month = SmallNumber(tokens[pos], 1, 12);
  if (!month || !PunctAt(tokens, pos + 1, '.') || tokens[pos + 1].space_before) return std::nullopt;
  if (!GluedNumberAt(tokens, pos + 2)) return std::nullopt;
  auto year = FourDigitYear(tokens[pos + 2]);
  if (!year) return std::nullopt;
  DateExpr expr;
  expr.date = PartialDate{*year, *month, 0};
  expr.granularity = Granularity::kMonth;
  expr.length = 3 + YearWordLength(tokens, pos + 3);
  return expr;
}

std::optional<DateExpr> MonthWithYear(std::span<const Token> tokens, std::size_t pos) {
  const int month = MonthFromWord(tokens[pos]);
  if (month == 0) return std::nullopt;
  DateExpr expr;
  expr.date = PartialDate{0, month, 0};
  expr.granularity = Granularity::kMonth;
  expr.length = 1;
  const bool abbreviation = IsMonthAbbreviation(tokens[pos]);
  if (abbreviation && PunctAt(tokens, pos + 1, '.')) ++expr.length;
  expr.length += OptionalYear(tokens, pos + expr.length, expr.date);
  // An abbreviation alone ("дек") is a month only when a year follows.
  if (abbreviation && expr.date.year == 0) return std::nullopt;
  return expr;
}

std::optional<DateExpr> YearAlone(std::span<const Token> tokens, std::size_t pos) {
  auto year = FourDigitYear(tokens[pos]);
  if (!year) return std::nullopt;
  const std::size_t word = YearWordLength(tokens, pos + 1);
  if (word == 0) return std::nullopt;
  DateExpr expr;
  expr.date = PartialDate{*year, 0, 0};
  expr.granularity = Granularity::kYear;
  expr.length = 1 + word;
  return expr;
}

}  // namespace

int MonthFromWord(const Token& token) {
  static const auto* const kIndex = [] {
    auto* index = new std::unordered_map<std::string_view, int>();
    for (const MonthWord& word : kMonthWords) index->emplace(word.text, word.month);
    return index;
  }();
  if (token.kind != TokenKind::kWord) return 0;
  const auto it = kIndex->find(token.text);
  return it == kIndex->end() ? 0 : it->second;
}

bool IsHourWord(const Token& token) { return IsAnyWord(token, kClockHourWords); }

namespace {

// "10 утра", "3 часа дня", "8 вечера", "2 ночи": the 24-hour time and the tokens taken, or
// nullopt when no part of the day follows. "дня" counts only after an hour word ("3 дня" may
// be three days).
std::optional<std::pair<int, std::size_t>> DayPart(std::span<const Token> tokens, std::size_t pos, int hour,
                                                   bool after_hour_word) {
  if (pos >= tokens.size() || hour > 12) return std::nullopt;
  const Token& word = tokens[pos];
  if (IsAnyWord(word, kMorningWords)) return std::pair{hour == 12 ? 0 : hour, std::size_t{1}};
  if (IsAnyWord(word, kEveningWords) || (after_hour_word && IsAnyWord(word, kAfternoonWords))) {
    return std::pair{hour == 12 ? 12 : hour + 12, std::size_t{1}};
  }
  return std::nullopt;
}

}  // namespace

std::optional<DateExpr> RecognizeTime(std::span<const Token> tokens, std::size_t pos) {
  if (pos >= tokens.size()) return std::nullopt;
  auto hour = SmallNumber(tokens[pos], 0, 24);
  if (!hour) return std::nullopt;
  DateExpr expr;
  expr.granularity = Granularity::kNone;
  if ((PunctAt(tokens, pos + 1, ':') || PunctAt(tokens, pos + 1, '.')) && !tokens[pos + 1].space_before &&
      GluedNumberAt(tokens, pos + 2) && tokens[pos + 2].text.size() == 2) {
    auto minute = SmallNumber(tokens[pos + 2], 0, 59);
    if (!minute) return std::nullopt;
    const bool colon = tokens[pos + 1].text == ":";
    // "10.00" is a time; "10.11" is a date, read by RecognizeDate first.
    if (!colon && *minute >= 1 && *minute <= 12) return std::nullopt;
    int seconds = *hour * 3600 + *minute * 60;
    std::size_t length = 3;
    if (colon && PunctAt(tokens, pos + 3, ':') && GluedNumberAt(tokens, pos + 4) && tokens[pos + 4].text.size() == 2) {
      auto second = SmallNumber(tokens[pos + 4], 0, 59);
      if (!second) return std::nullopt;
      seconds += *second;
      length = 5;
    }
    if (seconds > 86400) return std::nullopt;
    expr.seconds = seconds;
    expr.length = length;
    if (pos + length < tokens.size() && IsHourWord(tokens[pos + length])) ++expr.length;
    return expr;
  }
  if (pos + 1 < tokens.size() && IsHourWord(tokens[pos + 1])) {
    expr.seconds = *hour * 3600;
    expr.length = 2;
    if (IsAnyWord(tokens[pos + 1], kAbbreviatedHourWords) && PunctAt(tokens, pos + 2, '.')) ++expr.length;
    if (auto part = DayPart(tokens, pos + expr.length, *hour, true)) {
      expr.seconds = part->first * 3600;
      expr.length += part->second;
    }
    return expr;
  }
  if (auto part = DayPart(tokens, pos + 1, *hour, false)) {
    expr.seconds = part->first * 3600;
    expr.length = 1 + part->second;
    return expr;
  }
  return std::nullopt;
}

std::optional<DateExpr> RecognizeDate(std::span<const Token> tokens, std::size_t pos, DateOptions options) {
  if (pos >= tokens.size()) return std::nullopt;
  std::optional<DateExpr> expr;
  if (tokens[pos].kind == TokenKind::kNumber) {
    expr = NumericYearFirst(tokens, pos);
    if (!expr) expr = NumericMonthYear(tokens, pos);
    if (!expr) expr = NumericDayFirst(tokens, pos);
    if (!expr) expr = DayMonthWords(tokens, pos);
    if (!expr) expr = YearAlone(tokens, pos);
  } else if (tokens[pos].kind == TokenKind::kWord) {
    expr = DayMonthWords(tokens, pos);
    if (!expr) expr = MonthWithYear(tokens, pos);
  }
  if (expr) {
    if (expr->granularity == Granularity::kDay) OptionalTime(tokens, *expr, pos);
    return expr;
  }
  if (options.bare_number) {
    if (auto value = SmallNumber(tokens[pos], 0, 31)) {
      DateExpr bare;
      bare.bare_number = true;
      bare.date.day = *value;
      bare.length = 1 + OrdinalSuffixLength(tokens, pos + 1);
      return bare;
    }
  }
  return std::nullopt;
}

}  // namespace videobot::nl
