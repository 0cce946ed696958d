#include "nl/number_recognizer.hpp"

#include <array>
#include <string_view>
#include <unordered_map>

namespace videobot::nl {
namespace {

enum class WordKind : std::uint8_t { kValue, kMultiplier, kOneAndHalf, kHalfOf };

struct NumberWord {
  std::string_view text;
  std::int64_t value;
  WordKind kind;
};

constexpr NumberWord kNumberWords[] = {
    {"ноль", 0, WordKind::kValue}, {"нуля", 0, WordKind::kValue}, {"нулю", 0, WordKind::kValue},
    {"нулем", 0, WordKind::kValue}, {"один", 1, WordKind::kValue}, {"одна", 1, WordKind::kValue},
    {"одно", 1, WordKind::kValue}, {"одного", 1, WordKind::kValue}, {"одной", 1, WordKind::kValue},
    {"одному", 1, WordKind::kValue}, {"одним", 1, WordKind::kValue}, {"одном", 1, WordKind::kValue},
    {"одну", 1, WordKind::kValue}, {"два", 2, WordKind::kValue}, {"две", 2, WordKind::kValue},
    {"двух", 2, WordKind::kValue}, {"двум", 2, WordKind::kValue}, {"двумя", 2, WordKind::kValue},
    {"двое", 2, WordKind::kValue}, {"три", 3, WordKind::kValue}, {"трех", 3, WordKind::kValue},
    {"трем", 3, WordKind::kValue}, {"тремя", 3, WordKind::kValue}, {"трое", 3, WordKind::kValue},
    {"четыре", 4, WordKind::kValue}, {"четырех", 4, WordKind::kValue}, {"четырем", 4, WordKind::kValue},
    {"четырьмя", 4, WordKind::kValue}, {"четверо", 4, WordKind::kValue}, {"пять", 5, WordKind::kValue},
    {"пяти", 5, WordKind::kValue}, {"пятью", 5, WordKind::kValue}, {"пятеро", 5, WordKind::kValue},
    {"шесть", 6, WordKind::kValue}, {"шести", 6, WordKind::kValue}, {"шестеро", 6, WordKind::kValue},
    {"семь", 7, WordKind::kValue}, {"семи", 7, WordKind::kValue}, {"семеро", 7, WordKind::kValue},
    {"восемь", 8, WordKind::kValue}, {"восьми", 8, WordKind::kValue}, {"девять", 9, WordKind::kValue},
    {"девяти", 9, WordKind::kValue}, {"десять", 10, WordKind::kValue}, {"десяти", 10, WordKind::kValue},
    {"одиннадцать", 11, WordKind::kValue}, {"одиннадцати", 11, WordKind::kValue},
    {"двенадцать", 12, WordKind::kValue}, {"двенадцати", 12, WordKind::kValue},
    {"тринадцать", 13, WordKind::kValue}, {"тринадцати", 13, WordKind::kValue},
    {"четырнадцать", 14, WordKind::kValue}, {"четырнадцати", 14, WordKind::kValue},
    {"пятнадцать", 15, WordKind::kValue}, {"пятнадцати", 15, WordKind::kValue},
    {"шестнадцать", 16, WordKind::kValue}, {"шестнадцати", 16, WordKind::kValue},
    {"семнадцать", 17, WordKind::kValue}, {"семнадцати", 17, WordKind::kValue},
    {"восемнадцать", 18, WordKind::kValue}, {"восемнадцати", 18, WordKind::kValue},
    {"девятнадцать", 19, WordKind::kValue}, {"девятнадцати", 19, WordKind::kValue},
    {"двадцать", 20, WordKind::kValue}, {"двадцати", 20, WordKind::kValue},
    {"тридцать", 30, WordKind::kValue}, {"тридцати", 30, WordKind::kValue},
    {"сорок", 40, WordKind::kValue}, {"сорока", 40, WordKind::kValue},
    {"пятьдесят", 50, WordKind::kValue}, {"пятидесяти", 50, WordKind::kValue},
    {"шестьдесят", 60, WordKind::kValue}, {"шестидесяти", 60, WordKind::kValue},
    {"семьдесят", 70, WordKind::kValue}, {"семидесяти", 70, WordKind::kValue},
    {"восемьдесят", 80, WordKind::kValue}, {"восьмидесяти", 80, WordKind::kValue},
    {"девяносто", 90, WordKind::kValue}, {"девяноста", 90, WordKind::kValue},
    {"сто", 100, WordKind::kValue}, {"ста", 100, WordKind::kValue},
    {"двести", 200, WordKind::kValue}, {"двухсот", 200, WordKind::kValue},
    {"триста", 300, WordKind::kValue}, {"трехсот", 300, WordKind::kValue},
    {"четыреста", 400, WordKind::kValue}, {"четырехсот", 400, WordKind::kValue},
    {"пятьсот", 500, WordKind::kValue}, {"пятисот", 500, WordKind::kValue},
    {"шестьсот", 600, WordKind::kValue}, {"шестисот", 600, WordKind::kValue},
    {"семьсот", 700, WordKind::kValue}, {"семисот", 700, WordKind::kValue},
    {"восемьсот", 800, WordKind::kValue}, {"восьмисот", 800, WordKind::kValue},
    {"девятьсот", 900, WordKind::kValue}, {"девятисот", 900, WordKind::kValue},
    {"тысяча", 1'000, WordKind::kMultiplier}, {"тысячи", 1'000, WordKind::kMultiplier},
    {"тысяч", 1'000, WordKind::kMultiplier}, {"тысячу", 1'000, WordKind::kMultiplier},
    {"тысячей", 1'000, WordKind::kMultiplier}, {"тысячам", 1'000, WordKind::kMultiplier},
    {"тысячами", 1'000, WordKind::kMultiplier}, {"тыс", 1'000, WordKind::kMultiplier},
    {"миллион", 1'000'000, WordKind::kMultiplier},
    {"миллиона", 1'000'000, WordKind::kMultiplier}, {"миллионов", 1'000'000, WordKind::kMultiplier},
    {"миллиону", 1'000'000, WordKind::kMultiplier}, {"миллионом", 1'000'000, WordKind::kMultiplier},
    {"миллионам", 1'000'000, WordKind::kMultiplier}, {"млн", 1'000'000, WordKind::kMultiplier},
    {"миллиард", 1'000'000'000, WordKind::kMultiplier}, {"миллиарда", 1'000'000'000, WordKind::kMultiplier},
    {"миллиардов", 1'000'000'000, WordKind::kMultiplier}, {"млрд", 1'000'000'000, WordKind::kMultiplier},
    {"полтора", 1, WordKind::kOneAndHalf}, {"полторы", 1, WordKind::kOneAndHalf},
    {"полутора", 1, WordKind::kOneAndHalf}, {"полтысячи", 500, WordKind::kHalfOf},
    {"полутысячи", 500, WordKind::kHalfOf}, {"полмиллиона", 500'000, WordKind::kHalfOf},
    {"полумиллиона", 500'000, WordKind::kHalfOf}, {"полмиллиарда", 500'000'000, WordKind::kHalfOf},
};

// Multipliers that may be glued to digits ("100к", "10k") but never stand apart from them.
constexpr std::string_view kGluedThousands[] = {"к", "k", "тыс"};

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

bool IsPunct(const Token& token, char c) {
  return token.kind == TokenKind::kPunct && token.text.size() == 1 && token.text[0] == c;
}

bool InRange(std::int64_t value) { return value >= -kMaxNumber && value <= kMaxNumber; }

// A multiplier after a digit number at tokens[pos]: its value and length (with a trailing dot
// after an abbreviation).
std::optional<NumberMatch> Multiplier(std::span<const Token> tokens, std::size_t pos) {
  if (pos >= tokens.size()) return std::nullopt;
  const Token& token = tokens[pos];
  std::int64_t value = 0;
  if (!token.space_before) {
    for (std::string_view glued : kGluedThousands) {
      if (token.text == glued) value = 1'000;
    }
  }
  if (value == 0) {
    const NumberWord* word = FindNumberWord(token);
    if (word == nullptr || word->kind != WordKind::kMultiplier) return std::nullopt;
    value = word->value;
  }
  std::size_t length = 1;
  const bool abbreviation = token.text == "тыс" || token.text == "млн" || token.text == "млрд";
  if (abbreviation && pos + 1 < tokens.size() && IsPunct(tokens[pos + 1], '.') && !tokens[pos + 1].space_before) {
    ++length;
  }
  return NumberMatch{value, length};
}

std::int64_t Pow10(std::size_t digits) {
  std::int64_t result = 1;
  for (std::size_t i = 0; i < digits; ++i) result *= 10;
  return result;
}

// Digits, possibly grouped, possibly with a decimal part and a multiplier.
std::optional<NumberMatch> DigitNumber(std::span<const Token> tokens, std::size_t pos) {
  auto first = DigitsValue(tokens[pos]);
  if (!first || !InRange(*first)) return std::nullopt;
  std::int64_t value = *first;
  std::size_t end = pos + 1;
  const bool short_head = tokens[pos].text.size() <= 3;
  // Whitespace groups: "10 000", "1 000 000".
  while (short_head && end < tokens.size() && tokens[end].kind == TokenKind::kNumber && tokens[end].space_before &&
         tokens[end].text.size() == 3 && value < kMaxNumber / 1000) {
    value = value * 1000 + *DigitsValue(tokens[end]);
    ++end;
  }
  if (end == pos + 1 && end + 1 < tokens.size() && (IsPunct(tokens[end], '.') || IsPunct(tokens[end], ',')) &&
      !tokens[end].space_before && tokens[end + 1].kind == TokenKind::kNumber && !tokens[end + 1].space_before) {
    // "1,5 млн" (decimal with a multiplier) or "10.000" / "1,000,000" (groups of three).
    const char separator = tokens[end].text[0];
    const std::string_view fraction = tokens[end + 1].text;
    if (auto multiplier = Multiplier(tokens, end + 2); multiplier && fraction.size() <= 6) {
      const std::int64_t scale = Pow10(fraction.size());
      const std::int64_t scaled = *DigitsValue(tokens[end + 1]) * multiplier->value;
      if (scaled % scale != 0 || value > kMaxNumber / multiplier->value) return std::nullopt;
      const std::int64_t total = value * multiplier->value + scaled / scale;
      if (!InRange(total)) return std::nullopt;
      return NumberMatch{total, end + 2 + multiplier->length - pos};
    }
    if (!short_head) return std::nullopt;
    while (end + 1 < tokens.size() && IsPunct(tokens[end], separator) && !tokens[end].space_before &&
           tokens[end + 1].kind == TokenKind::kNumber && !tokens[end + 1].space_before &&
           tokens[end + 1].text.size() == 3 && value < kMaxNumber / 1000) {
      value = value * 1000 + *DigitsValue(tokens[end + 1]);
      end += 2;
    }
    if (end == pos + 1) return std::nullopt;  // "1,5" alone is not an integer
    if (end < tokens.size() && (IsPunct(tokens[end], '.') || IsPunct(tokens[end], ',')) &&
        !tokens[end].space_before && end + 1 < tokens.size() && tokens[end + 1].kind == TokenKind::kNumber &&
        !tokens[end + 1].space_before) {
      return std::nullopt;  // "1.000.5": malformed
    }
  }
  if (auto multiplier = Multiplier(tokens, end)) {
    if (value > kMaxNumber / multiplier->value) return std::nullopt;
    value *= multiplier->value;
    end += multiplier->length;
  }
  return NumberMatch{value, end - pos};
}

// Whether `value` may follow `group` inside one group below a thousand: hundreds, then tens,
// then units ("сто двадцать пять"), never backwards ("пять двадцать").
bool CanAppend(std::int64_t group, std::int64_t value) {
  if (value >= 100) return group == 0;
  if (value >= 10) return group % 100 == 0;
  return group % 10 == 0;
}

// Number words: "сто тысяч", "двадцать пять", "полтора миллиона", "два миллиона триста тысяч".
std::optional<NumberMatch> WordNumber(std::span<const Token> tokens, std::size_t pos) {
  std::int64_t total = 0;
  std::int64_t group = 0;
  bool any = false;
  bool half = false;  // "полтора" waits for its multiplier
  std::size_t end = pos;
  for (; end < tokens.size(); ++end) {
    const NumberWord* word = FindNumberWord(tokens[end]);
    if (word == nullptr) break;
    if (half && word->kind != WordKind::kMultiplier) return std::nullopt;
    switch (word->kind) {
      case WordKind::kValue:
        if (!CanAppend(group, word->value)) return std::nullopt;  // "пять двадцать"
        group += word->value;
        break;
      case WordKind::kMultiplier: {
        std::int64_t amount = group == 0 ? 1 : group;
        if (amount > kMaxNumber / word->value) return std::nullopt;
        amount *= word->value;
        if (half) amount += word->value / 2;
        half = false;
        total += amount;
        group = 0;
        break;
      }
      case WordKind::kOneAndHalf:
        if (group != 0) return std::nullopt;
        half = true;
        group = 1;
        break;
      case WordKind::kHalfOf:
        total += word->value;
        break;
    }
    any = true;
  }
  if (!any || half) return std::nullopt;
  const std::int64_t value = total + group;
  if (!InRange(value)) return std::nullopt;
  return NumberMatch{value, end - pos};
}

}  // namespace

std::optional<std::int64_t> DigitsValue(const Token& token) {
  if (token.kind != TokenKind::kNumber || token.text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (char c : token.text) value = value * 10 + (c - '0');
  return value;
}

std::optional<NumberMatch> RecognizeNumber(std::span<const Token> tokens, std::size_t pos) {
  if (pos >= tokens.size()) return std::nullopt;
  const Token& token = tokens[pos];
  // "-5" is negative; "топ-5" is not (the dash is glued to the word before).
  const bool minus_sign = IsPunct(token, '-') && (pos == 0 || token.space_before) && pos + 1 < tokens.size() && !tokens[pos + 1].space_before &&
                          tokens[pos + 1].kind == TokenKind::kNumber;
  const bool minus_word = token.kind == TokenKind::kWord && token.text == "минус";
  if (minus_sign || minus_word) {
    auto magnitude = RecognizeNumber(tokens, pos + 1);
    if (!magnitude || magnitude->value < 0) return std::nullopt;
    return NumberMatch{-magnitude->value, magnitude->length + 1};
  }
  if (token.kind == TokenKind::kNumber) return DigitNumber(tokens, pos);
  return WordNumber(tokens, pos);
}

}  // namespace videobot::nl
