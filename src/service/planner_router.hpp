#pragma once
// Chooses between the offline rules parser and the language model (`--planner`,
// VIDEOBOT_PLANNER): rules, llm, auto (rules first, the model only when the rules did not
// understand) and verify (both; a disagreement is reported, never resolved by guessing).
// Both sources are injected as plan::PlanSource, so the service depends on neither the parser's
// library nor the model's; the application builds them (app/planner_factory.hpp).

#include <memory>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "plan/plan_source.hpp"

namespace videobot::service {

/// How questions are routed to plan sources.
enum class PlannerMode {
  kRules,   ///< the offline parser only
  kLlm,     ///< the model only
  kAuto,    ///< the parser; the model only when the parser did not understand the question
  kVerify,  ///< as kAuto, but when the parser answers the model is asked too and must agree
};

/// "rules", "llm", "auto" or "verify".
std::string_view Name(PlannerMode mode);

/// Parses a mode name (case-sensitive). "" gives the default: kAuto when `model_has_key` (the
/// model's API key is set), kRules otherwise. Fails with kUsage naming the accepted values.
Result<PlannerMode> ParsePlannerMode(std::string_view text, bool model_has_key);

/// True for the modes that ask the rules parser (all but kLlm).
bool NeedsRules(PlannerMode mode);

/// True for the modes that ask the model (all but kRules).
bool NeedsModel(PlannerMode mode);

/// A plan and the source(s) that produced it.
struct RoutedPlan {
  plan::Plan plan;
  std::string planner;    ///< "rules", "llm" or "rules+llm" (verify mode, both agreed)
  bool verified = false;  ///< verify mode: true when both sources answered and agreed
};

/// A plan source that routes each question according to its mode. Thread-safe when its
/// sources are.
class PlannerRouter final : public plan::PlanSource {
 public:
  /// `rules` is required for every mode but kLlm; `llm` for every mode but kRules (asserted;
  /// MakePlannerRouter checks and reports instead).
  PlannerRouter(PlannerMode mode, std::unique_ptr<plan::PlanSource> rules, std::unique_ptr<plan::PlanSource> llm);

  /// Routes `question`:
  /// - kAuto: the rules' plan, unless the rules declined as not understood (kQuestionNotUnderstood
  ///   or a not_understood refusal); then the model's plan or error. Modification, out-of-scope
  ///   and ambiguity refusals of the rules are final: such questions never reach the model.
  /// - kVerify: as kAuto when the rules declined; otherwise the model is asked as well and the
  ///   two plans must be equivalent (FindPlanDifference), else kPlannersDisagree with the JSON
  ///   path of the first difference. A model plan that is not grounded in the question
  ///   (kPlanUngrounded) is a disagreement too. When the model gives no plan (unavailable, bad
  ///   output), the rules' plan is returned unverified (`verified` false).
  Result<RoutedPlan> Route(std::string_view question, const plan::TimeContext& context);

  /// Route()'s plan.
  Result<plan::Plan> MakePlan(std::string_view question, const plan::TimeContext& context) override;

  /// The mode's name.
  std::string_view Name() const override { return service::Name(mode_); }

  /// The routing mode.
  PlannerMode mode() const { return mode_; }

 private:
  Result<RoutedPlan> FromSource(plan::PlanSource& source, std::string_view question, const plan::TimeContext& context);
  Result<RoutedPlan> Verify(plan::Plan rules_plan, std::string_view question, const plan::TimeContext& context);

  PlannerMode mode_;
  std::unique_ptr<plan::PlanSource> rules_;
  std::unique_ptr<plan::PlanSource> llm_;
};

/// A router over the given sources (the application's factory, tests). Fails with kUsage when a
/// source the mode needs is missing.
Result<std::unique_ptr<PlannerRouter>> MakePlannerRouter(PlannerMode mode, std::unique_ptr<plan::PlanSource> rules,
                                                         std::unique_ptr<plan::PlanSource> llm);

}  // namespace videobot::service
