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

/// The integer written at tokens[pos], if any: "10000", "10 000" (groups of three after
/// whitespace), "10.000", "10 тыс.", "10 тысяч", "100к", "1,5 млн", "2 миллиона", "сто тысяч",
/// "полтора миллиона", "двадцать пять", "-5", "минус 5". A non-integer ("1,5" alone) or a
/// value beyond kMaxNumber is not a number.
std::optional<NumberMatch> RecognizeNumber(std::span<const Token> tokens, std::size_t pos);

/// The value of a plain digit token ("007" → 7); nullopt when it has more than 18 digits.
std::optional<std::int64_t> DigitsValue(const Token& token);

}  // namespace videobot::nl
