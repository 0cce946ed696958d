#pragma once
// Recognises a comparison with a number: "больше 10 000", "не менее 1,5 млн", "от 100 до 500",
// "ровно 7", "1000 и более", "> 5". The metric it applies to is found later (linker).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "nl/token.hpp"
#include "plan/plan.hpp"

namespace videobot::nl {

/// One or two bounds ("от 100 до 500" gives two) and the tokens covered.
struct ComparisonExpr {
  plan::CompareOp op = plan::CompareOp::kGreater;
  std::int64_t value = 0;
  std::optional<plan::CompareOp> second_op;
  std::int64_t second_value = 0;
  std::size_t length = 0;
};

/// The number of tokens in a run of glued operator characters (< > = and "!" before "=")
/// starting at tokens[pos], or 0. Known runs (> >= => < <= =< = == != <>) are comparisons;
/// any other run (>< >> =>>) is a typing error the screening refuses.
std::size_t OperatorRunLength(std::span<const Token> tokens, std::size_t pos);

/// A comparison starting at tokens[pos], or nullopt.
std::optional<ComparisonExpr> RecognizeComparison(std::span<const Token> tokens, std::size_t pos);

}  // namespace videobot::nl
