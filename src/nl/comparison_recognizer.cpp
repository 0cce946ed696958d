#include "nl/comparison_recognizer.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nl/number_recognizer.hpp"
#include "nl/token_match.hpp"
#include "nl/word_tables.hpp"

namespace videobot::nl {
namespace {

using plan::CompareOp;

std::size_t MatchWords(std::span<const Token> tokens, std::size_t pos, const std::string_view* words, std::size_t max) {
  std::size_t n = 0;
  while (n < max && !words[n].empty()) {
    if (!WordAt(tokens, pos + n, words[n])) return 0;
    ++n;
  }
  return n;
}

// The operators that may be typed, by their text. "=>" and "=<" are common misspellings of
// ">=" and "<="; "<>" is the SQL spelling of "!=" (the normaliser turns ≥ ≤ ≠ into >= <= !=).
struct SymbolOperator {
  std::string_view text;
  CompareOp op;
};

constexpr SymbolOperator kSymbolOperators[] = {
    {">", CompareOp::kGreater},   {">=", CompareOp::kGreaterEqual}, {"=>", CompareOp::kGreaterEqual},
    {"<", CompareOp::kLess},      {"<=", CompareOp::kLessEqual},    {"=<", CompareOp::kLessEqual},
    {"=", CompareOp::kEqual},     {"==", CompareOp::kEqual},        {"!=", CompareOp::kNotEqual},
    {"<>", CompareOp::kNotEqual},
};

// A typed operator (a known one) at tokens[pos].
std::optional<std::pair<CompareOp, std::size_t>> SymbolAt(std::span<const Token> tokens, std::size_t pos) {
  const std::size_t length = OperatorRunLength(tokens, pos);
  if (length == 0) return std::nullopt;
  std::string text;
  for (std::size_t k = 0; k < length; ++k) text += tokens[pos + k].text;
  for (const SymbolOperator& symbol : kSymbolOperators) {
    if (symbol.text == text) return std::pair{symbol.op, length};
  }
  return std::nullopt;
}

// The prefixes by their first word, in table order (longest first where they share it).
const std::unordered_map<std::string_view, std::vector<const ComparisonPrefix*>>& PrefixIndex() {
  static const auto* const kIndex = [] {
    auto* index = new std::unordered_map<std::string_view, std::vector<const ComparisonPrefix*>>();
    for (const ComparisonPrefix& prefix : kComparisonPrefixes) (*index)[prefix.words[0]].push_back(&prefix);
    return index;
  }();
  return *kIndex;
}

std::optional<std::pair<CompareOp, std::size_t>> PrefixAt(std::span<const Token> tokens, std::size_t pos) {
  if (auto symbol = SymbolAt(tokens, pos)) return symbol;
  if (tokens[pos].kind != TokenKind::kWord) return std::nullopt;
  const auto it = PrefixIndex().find(tokens[pos].text);
  if (it == PrefixIndex().end()) return std::nullopt;
  for (const ComparisonPrefix* prefix : it->second) {
    if (std::size_t n = MatchWords(tokens, pos, prefix->words, 4)) return std::pair{prefix->op, n};
  }
  return std::nullopt;
}

// "от 20 до 50 просмотров": the lower bound's word at `from`, the upper bound's word at `to`.
bool IsValueRange(std::span<const Token> tokens, std::size_t from, std::size_t to) {
  for (const auto& [lower, upper] : kValueRangeWords) {
    if (WordAt(tokens, from, lower) && WordAt(tokens, to, upper)) return true;
  }
  return false;
}

// The number after a comparison word: an optional comma ("не менее, чем") and "на" ("больше
// чем на 100") may come between.
std::optional<NumberMatch> NumberAfter(std::span<const Token> tokens, std::size_t& pos) {
  if (PunctAt(tokens, pos, ',') && AnyWordAt(tokens, pos + 1, kThresholdThanWords)) pos += 2;
  if (AnyWordAt(tokens, pos, kThresholdByWords)) ++pos;
  auto number = RecognizeNumber(tokens, pos);
  if (number) pos += number->length;
  return number;
}

}  // namespace

std::size_t OperatorRunLength(std::span<const Token> tokens, std::size_t pos) {
  auto is_operator_char = [&](std::size_t i) {
    return PunctAt(tokens, i, '<') || PunctAt(tokens, i, '>') || PunctAt(tokens, i, '=') || PunctAt(tokens, i, '!');
  };
  if (!is_operator_char(pos)) return 0;
  // A lone "!" ends a sentence; it starts an operator only glued to "=" ("!=").
  if (PunctAt(tokens, pos, '!') && !(PunctAt(tokens, pos + 1, '=') && !tokens[pos + 1].space_before)) return 0;
  std::size_t end = pos + 1;
  while (is_operator_char(end) && !tokens[end].space_before) ++end;
  return end - pos;
}

std::optional<ComparisonExpr> RecognizeComparison(std::span<const Token> tokens, std::size_t pos) {
  if (pos >= tokens.size()) return std::nullopt;
  if (auto prefix = PrefixAt(tokens, pos)) {
    std::size_t p = pos + prefix->second;
    auto number = NumberAfter(tokens, p);
    if (!number) return std::nullopt;
    ComparisonExpr expr{prefix->first, number->value, std::nullopt, 0, 0};
    if (prefix->first == CompareOp::kGreaterEqual && IsValueRange(tokens, pos, p)) {
      std::size_t q = p + 1;
      if (auto upper = RecognizeNumber(tokens, q)) {
        expr.second_op = CompareOp::kLessEqual;
        expr.second_value = upper->value;
        p = q + upper->length;
      }
    }
    expr.length = p - pos;
    return expr;
  }
  // "1000 и более", "1000+".
  auto number = RecognizeNumber(tokens, pos);
  if (!number) return std::nullopt;
  const std::size_t p = pos + number->length;
  if (PunctAt(tokens, p, '+') && !tokens[p].space_before) {
    return ComparisonExpr{CompareOp::kGreaterEqual, number->value, std::nullopt, 0, number->length + 1};
  }
  for (const ComparisonSuffix& suffix : kComparisonSuffixes) {
    if (std::size_t n = MatchWords(tokens, p, suffix.words, 2)) {
      return ComparisonExpr{suffix.op, number->value, std::nullopt, 0, number->length + n};
    }
  }
  return std::nullopt;
}

}  // namespace videobot::nl
