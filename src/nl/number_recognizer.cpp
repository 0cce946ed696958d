#include "nl/number_recognizer.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>

#include "nl/token_match.hpp"
#include "nl/word_tables.hpp"

namespace videobot::nl {
namespace {

const NumberWord* FindNumberWord(const Token& token) {
  static const auto* const kIndex = [] {
    auto* index = new std::unordered_map<std::string_view, const NumberWord*>();
    for (const NumberWord& word : kNumberWords) index->emplace(word.text, &word);
    return index;
  }();
  if (token.kind != TokenKind::kWord) return nullptr;
  const auto it = kIndex->find(token.text);
  return it == kIndex->end() ? nullptr : it->second;
}

bool InRange(std::int64_t value) { return value >= -kMaxNumber && value <= kMaxNumber; }

// a * b, or nullopt when the product leaves the supported range.
std::optional<std::int64_t> CheckedProduct(std::int64_t a, std::int64_t b) {
  if (a != 0 && b > kMaxNumber / a) return std::nullopt;
  return a * b;
}

std::int64_t Pow10(std::size_t digits) {
  std::int64_t result = 1;
  for (std::size_t i = 0; i < digits; ++i) result *= 10;
  return result;
}

bool IsChainedMultiplier(const Token& token) { return IsAnyWord(token, kChainedMultipliers); }

// One multiplier at tokens[pos] ("тысяч", "млн.", a glued "к"): its value and length.
std::optional<NumberMatch> Multiplier(std::span<const Token> tokens, std::size_t pos, bool after_digits) {
  if (pos >= tokens.size()) return std::nullopt;
  const Token& token = tokens[pos];
  std::int64_t value = 0;
  if (after_digits && !token.space_before) {
    for (std::string_view glued : kGluedThousands) {
      if (token.text == glued) value = 1'000;
    }
  }
  if (value == 0) {
    const NumberWord* word = FindNumberWord(token);
    if (word == nullptr || word->kind != NumberWordKind::kMultiplier) return std::nullopt;
    value = word->value;
  }
  std::size_t length = 1;
  const bool abbreviation = IsAnyWord(token, kAbbreviatedMultipliers);
  if (abbreviation && pos + 1 < tokens.size() && IsPunct(tokens[pos + 1], '.') && !tokens[pos + 1].space_before) {
    ++length;
  }
  return NumberMatch{value, length};
}

// A number being read, part by part: "два миллиона | триста тысяч | пять". Each part is a base
// (digits, number words below a thousand, "полтора") times a chain of multipliers; the scales
// of the parts strictly decrease. Anything else stops the number or makes it malformed, so a
// number is read whole or not at all.
class NumberReader {
 public:
  explicit NumberReader(std::span<const Token> tokens) : tokens_(tokens) {}

  NumberReading Read(std::size_t pos) {
    const std::size_t start = pos;
    std::int64_t total = 0;
    std::int64_t previous_scale = 0;  // 0: no part yet
    bool digits_before = false;
    for (;;) {
      std::optional<Base> base = ReadBase(pos, previous_scale != 0);
      if (problem_ != NumberProblem::kNone && previous_scale != 0 && tokens_[pos].kind == TokenKind::kNumber) {
        problem_ = NumberProblem::kNone;  // digits after a whole number are not part of it
        break;
      }
      if (problem_ != NumberProblem::kNone) return Problem(start, std::max(pos + 1, problem_end_));
      if (!base) break;
      // After a part in digits, only a part with its own multiplier continues the number
      // ("2 миллиона 300 тысяч"; "1 тысячи 28 ноября" stops after "тысячи").
      const bool continuing = previous_scale != 0;
      std::size_t p = pos + base->length;
      std::int64_t scale = 1;
      if (base->fixed_scale != 0) {
        scale = base->fixed_scale;
        if (Multiplier(tokens_, p, base->digits)) return Malformed(start, p + 1);  // "полмиллиона тысяч"
      } else if (auto chain = ReadChain(p, base->digits)) {
        scale = chain->value;
        p += chain->length;
      } else if (problem_ != NumberProblem::kNone) {
        return Problem(start, p);
      }
      if (scale == 1 && base->needs_multiplier) {
        if (!continuing) return NumberReading{};  // "полтора часа", "1,5": not an integer here
        return Malformed(start, p);
      }
      if (continuing && scale == 1 && (digits_before || base->digits)) break;
      if (continuing && scale >= previous_scale) return Malformed(start, p);  // "тысяча миллион"
      const std::optional<std::int64_t> scaled = CheckedProduct(base->numerator, scale);
      if (!scaled) return TooLarge(start, p);
      if (*scaled % base->denominator != 0) return Malformed(start, p);  // "1,2345 тыс"
      total += *scaled / base->denominator;
      if (!InRange(total)) return TooLarge(start, p);
      previous_scale = scale;
      digits_before = digits_before || base->digits;
      pos = p;
      if (scale == 1) break;  // units end a number
    }
    if (previous_scale == 0) return NumberReading{};
    return NumberReading{NumberMatch{total, pos - start}, NumberProblem::kNone, pos - start};
  }

 private:
  // numerator / denominator ("1,5" is 15 / 10); fixed_scale for "полмиллиона".
  struct Base {
    std::int64_t numerator = 0;
    std::int64_t denominator = 1;
    std::size_t length = 0;
    bool needs_multiplier = false;
    bool digits = false;
    std::int64_t fixed_scale = 0;
  };

  [[nodiscard]] NumberReading Problem(std::size_t start, std::size_t end) const {
    return NumberReading{std::nullopt, problem_, std::max<std::size_t>(end - start, 1)};
  }
  NumberReading Malformed(std::size_t start, std::size_t end) {
    problem_ = NumberProblem::kMalformed;
    return Problem(start, end);
  }
  NumberReading TooLarge(std::size_t start, std::size_t end) {
    problem_ = NumberProblem::kTooLarge;
    return Problem(start, end);
  }

  std::optional<Base> ReadBase(std::size_t pos, bool continuing) {
    if (pos >= tokens_.size()) return std::nullopt;
    if (tokens_[pos].kind == TokenKind::kNumber) return DigitBase(pos, continuing);
    return WordBase(pos);
  }

  // Digits: "10000", "10 000" (groups of three after whitespace), "10.000", "1,5" (a decimal,
  // which needs a multiplier).
  std::optional<Base> DigitBase(std::size_t pos, bool continuing) {
    const std::optional<std::int64_t> first = DigitsValue(tokens_[pos]);
    if (!first || !InRange(*first)) {
      problem_ = NumberProblem::kTooLarge;
      return std::nullopt;
    }
    // A second part in digits needs whitespace before it ("2 млн 300 тыс").
    if (continuing && !tokens_[pos].space_before) return std::nullopt;
    Base base{*first, 1, 1, false, true, 0};
    std::size_t end = pos + 1;
    const bool short_head = tokens_[pos].text.size() <= 3;
    while (short_head && end < tokens_.size() && tokens_[end].kind == TokenKind::kNumber && tokens_[end].space_before &&
           tokens_[end].text.size() == 3) {
      if (base.numerator > kMaxNumber / 1000) {
        problem_ = NumberProblem::kTooLarge;
        problem_end_ = GroupsEnd(end);
        return std::nullopt;
      }
      base.numerator = base.numerator * 1000 + *DigitsValue(tokens_[end]);
      ++end;
    }
    const bool separator = end == pos + 1 && end + 1 < tokens_.size() &&
                           (IsPunct(tokens_[end], '.') || IsPunct(tokens_[end], ',')) && !tokens_[end].space_before &&
                           tokens_[end + 1].kind == TokenKind::kNumber && !tokens_[end + 1].space_before;
    if (separator) {
      const char mark = tokens_[end].text[0];
      const std::string_view fraction = tokens_[end + 1].text;
      if (Multiplier(tokens_, end + 2, true) && fraction.size() <= 6) {
        // "1,5 млн": a decimal with its multiplier.
        base.numerator = base.numerator * Pow10(fraction.size()) + *DigitsValue(tokens_[end + 1]);
        base.denominator = Pow10(fraction.size());
        base.needs_multiplier = true;
        base.length = end + 2 - pos;
        return base;
      }
      if (!short_head) return FractionWithoutMultiplier(pos);
      while (end + 1 < tokens_.size() && IsPunct(tokens_[end], mark) && !tokens_[end].space_before &&
             tokens_[end + 1].kind == TokenKind::kNumber && !tokens_[end + 1].space_before &&
             tokens_[end + 1].text.size() == 3) {
        if (base.numerator > kMaxNumber / 1000) {
          problem_ = NumberProblem::kTooLarge;
          return std::nullopt;
        }
        base.numerator = base.numerator * 1000 + *DigitsValue(tokens_[end + 1]);
        end += 2;
      }
      if (end == pos + 1) return FractionWithoutMultiplier(pos);  // "1,5" alone is not an integer
      if (end + 1 < tokens_.size() && (IsPunct(tokens_[end], '.') || IsPunct(tokens_[end], ',')) &&
          !tokens_[end].space_before && tokens_[end + 1].kind == TokenKind::kNumber && !tokens_[end + 1].space_before) {
        problem_ = NumberProblem::kMalformed;  // "1.000.5"
        return std::nullopt;
      }
    }
    base.length = end - pos;
    return base;
  }

  // "1,5" or "10.5" with nothing that makes it whole: not a number that counts can take.
  std::optional<Base> FractionWithoutMultiplier(std::size_t pos) {
    problem_ = NumberProblem::kMalformed;
    problem_end_ = pos + 3;
    return std::nullopt;
  }

  // The end of a run of whitespace-separated three-digit groups from `pos`.
  [[nodiscard]] std::size_t GroupsEnd(std::size_t pos) const {
    while (pos < tokens_.size() && tokens_[pos].kind == TokenKind::kNumber && tokens_[pos].space_before &&
           tokens_[pos].text.size() == 3) {
      ++pos;
    }
    return pos;
  }

  // Number words below a thousand ("сто двадцать пять"), "полтора", "полмиллиона", or an
  // implied one before a multiplier ("тысяча").
  std::optional<Base> WordBase(std::size_t pos) {
    const NumberWord* word = FindNumberWord(tokens_[pos]);
    if (word == nullptr) return std::nullopt;
    switch (word->kind) {
      case NumberWordKind::kMultiplier: return Base{1, 1, 0, false, false, 0};
      case NumberWordKind::kOneAndHalf: return Base{3, 2, 1, true, false, 0};
      case NumberWordKind::kHalfOf: return Base{1, 2, 1, false, false, word->value * 2};  // half of a million
      case NumberWordKind::kValue: break;
    }
    std::int64_t group = 0;
    std::size_t end = pos;
    for (; end < tokens_.size(); ++end) {
      const NumberWord* next = FindNumberWord(tokens_[end]);
      if (next == nullptr || next->kind != NumberWordKind::kValue) break;
      if (!CanAppend(group, next->value)) {
        problem_ = NumberProblem::kMalformed;  // "пять двадцать"
        return std::nullopt;
      }
      group += next->value;
    }
    return Base{group, 1, end - pos, false, false, 0};
  }

  // Multipliers after a base: the first of any form, the next ones genitive ("тысяча тысяч").
  std::optional<NumberMatch> ReadChain(std::size_t pos, bool after_digits) {
    auto first = Multiplier(tokens_, pos, after_digits);
    if (!first) return std::nullopt;
    NumberMatch chain = *first;
    std::size_t p = pos + first->length;
    while (p < tokens_.size() && IsChainedMultiplier(tokens_[p])) {
      auto next = Multiplier(tokens_, p, false);
      const std::optional<std::int64_t> product = CheckedProduct(chain.value, next->value);
      if (!product) {
        problem_ = NumberProblem::kTooLarge;
        return std::nullopt;
      }
      chain.value = *product;
      chain.length += next->length;
      p += next->length;
    }
    return chain;
  }

  // Whether `value` may follow `group` inside one group below a thousand: hundreds, then
  // tens, then units ("сто двадцать пять"), never backwards ("пять двадцать").
  static bool CanAppend(std::int64_t group, std::int64_t value) {
    if (value >= 100) return group == 0;
    if (value >= 10) return group % 100 == 0;
    return group % 10 == 0 && group % 100 != 10;  // not "десять пять"
  }

  std::span<const Token> tokens_;
  NumberProblem problem_ = NumberProblem::kNone;
  std::size_t problem_end_ = 0;  ///< where the tokens of a problem end, when known
};

}  // namespace

std::optional<std::int64_t> DigitsValue(const Token& token) {
  if (token.kind != TokenKind::kNumber || token.text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (char c : token.text) value = value * 10 + (c - '0');
  return value;
}

NumberReading ReadNumber(std::span<const Token> tokens, std::size_t pos) {
  if (pos >= tokens.size()) return NumberReading{};
  const Token& token = tokens[pos];
  // "-5" is negative; "топ-5" is not (the dash is glued to the word before).
  const bool minus_sign = IsPunct(token, '-') && (pos == 0 || token.space_before) && pos + 1 < tokens.size() &&
                          !tokens[pos + 1].space_before && tokens[pos + 1].kind == TokenKind::kNumber;
  const bool minus_word = IsAnyWord(token, kMinusWords);
  if (minus_sign || minus_word) {
    NumberReading magnitude = ReadNumber(tokens, pos + 1);
    if (magnitude.problem != NumberProblem::kNone) {
      ++magnitude.length;
      return magnitude;
    }
    if (!magnitude.number || magnitude.number->value < 0) return NumberReading{};
    return NumberReading{NumberMatch{-magnitude.number->value, magnitude.number->length + 1}, NumberProblem::kNone,
                         magnitude.number->length + 1};
  }
  if (token.kind != TokenKind::kNumber && FindNumberWord(token) == nullptr) return NumberReading{};
  return NumberReader(tokens).Read(pos);
}

std::optional<NumberMatch> RecognizeNumber(std::span<const Token> tokens, std::size_t pos) {
  return ReadNumber(tokens, pos).number;
}

}  // namespace videobot::nl
