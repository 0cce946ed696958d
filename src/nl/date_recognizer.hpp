#pragma once
// Recognises calendar points as written: a day ("28 ноября 2025", "28.11.2025", "2025-11-28"),
// a month ("ноябрь 2025", "11.2025"), a year ("2025 год"), a time of day ("10:00", "10 часов"),
// and a day with a time. Missing parts (the year of "28 ноября") stay missing; the period
// resolver fills them from the clock.

#include <cstddef>
#include <optional>
#include <span>

#include "nl/token.hpp"

namespace videobot::nl {

/// A date with possibly missing parts; 0 means "not said".
struct PartialDate {
  int year = 0;
  int month = 0;
  int day = 0;
  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

/// How much of the calendar a point covers.
enum class Granularity : std::uint8_t { kNone, kYear, kMonth, kDay };

/// A calendar point as written, and the tokens it covers.
struct DateExpr {
  PartialDate date;
  Granularity granularity = Granularity::kNone;  ///< kNone: a time of day only
  std::optional<int> seconds;                    ///< time of day, 0..86400 (24:00 allowed)
  bool bare_number = false;                      ///< a lone number ("с 1 по 5 ноября": the 1)
  std::size_t length = 0;
};

/// What may be read at a position besides full dates.
struct DateOptions {
  bool bare_number = false;  ///< accept a lone 1..31 number (a day or an hour, decided later)
};

/// A calendar point at tokens[pos], or nullopt.
std::optional<DateExpr> RecognizeDate(std::span<const Token> tokens, std::size_t pos, DateOptions options = {});

/// A time of day at tokens[pos] ("10:00", "10:00:00", "10.00", "10 часов", "10 ч"), or nullopt.
std::optional<DateExpr> RecognizeTime(std::span<const Token> tokens, std::size_t pos);

/// The month (1..12) named by a word ("ноября", "нояб"), or 0.
int MonthFromWord(const Token& token);

/// True for "час", "часа", "часов", "ч".
bool IsHourWord(const Token& token);

}  // namespace videobot::nl
