#pragma once
// The offline, deterministic Russian question parser: the default plan source.

#include <string_view>

#include "common/result.hpp"
#include "plan/plan.hpp"
#include "plan/plan_source.hpp"
#include "plan/resolve.hpp"

namespace videobot::nl {

/// Turns a Russian question into a query plan with explicit rules (see README.md). Never
/// guesses: a question it cannot map with certainty is an Error.
class RuleParser final : public plan::PlanSource {
 public:
  /// A query plan for `question`, or an Error whose message is a short Russian explanation
  /// with one example of an answerable question: kQuestionNotUnderstood, kQuestionOutOfScope
  /// (greetings, unrelated questions, pasted code), kQuestionModification (requests to change
  /// data), kQuestionTooLong. `context` is used only to give a year to dates written without
  /// one («28 ноября» → the most recent 28 November not in the future).
  Result<plan::Plan> MakePlan(std::string_view question, const plan::TimeContext& context) override;

  /// "rules".
  std::string_view Name() const override { return "rules"; }
};

/// The same as RuleParser::MakePlan, as a free function.
Result<plan::Plan> ParseQuestion(std::string_view question, const plan::TimeContext& context);

}  // namespace videobot::nl
