#pragma once
// Recognises integer numbers written in digits, with group separators and multipliers, or in
// Russian words.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "nl/token.hpp"

namespace videobot::nl {

/// Largest absolute value a recognised number may have (the plan's limit).
inline constexpr std::int64_t kMaxNumber = 1'000'000'000'000'000;

/// A recognised number and the number of tokens it covers.
struct NumberMatch {
  std::int64_t value = 0;
  std::size_t length = 0;
};

/// Why a run of digits or number words is not a number that can be used.
enum class NumberProblem : std::uint8_t {
  kNone,       ///< no problem: a number, or nothing that looks like one
  kTooLarge,   ///< beyond kMaxNumber ("10^16", "миллион миллиардов")
  kMalformed,  ///< not one integer as written ("1,5" alone, "пять двадцать", "тысяча миллион")
};

/// What was read at a position: a number, a number that cannot be used (and the tokens it
/// covers), or nothing.
struct NumberReading {
  std::optional<NumberMatch> number;
  NumberProblem problem = NumberProblem::kNone;
  std::size_t length = 0;
};

/// The number at tokens[pos], read whole: parts with strictly decreasing scales ("два
/// миллиона триста тысяч"), multipliers in the genitive multiplying the one before ("тысяча
/// тысяч" = 1 000 000, "миллиона тысяч" = 10^9). A number that is too large or cannot be read
/// as one integer is reported as a problem, never as a part of its value.
NumberReading ReadNumber(std::span<const Token> tokens, std::size_t pos);

/// The integer written at tokens[pos], if any: "10000", "10 000" (groups of three after
/// whitespace), "10.000", "10 тыс.", "10 тысяч", "100к", "1,5 млн", "2 миллиона", "сто тысяч",
/// "полтора миллиона", "двадцать пять", "-5", "минус 5". A non-integer ("1,5" alone) or a
/// value beyond kMaxNumber is not a number.
std::optional<NumberMatch> RecognizeNumber(std::span<const Token> tokens, std::size_t pos);

/// The value of a plain digit token ("007" → 7); nullopt when it has more than 18 digits.
std::optional<std::int64_t> DigitsValue(const Token& token);

}  // namespace videobot::nl
