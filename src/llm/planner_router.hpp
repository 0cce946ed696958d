#pragma once
// Chooses between the offline rules parser and the language model (`--planner`,
// VIDEOBOT_PLANNER): rules, llm, auto (rules first, the model only when the rules did not
// understand) and verify (both; a disagreement is reported, never resolved by guessing).
// The rules source is injected, so this module does not depend on the parser's library.

#include <memory>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "llm/llm_plan_source.hpp"
#include "llm/settings.hpp"
#include "plan/plan_source.hpp"

namespace videobot::llm {

/// How questions are routed to plan sources.
enum class PlannerMode {
  kRules,   ///< the offline parser only
  kLlm,     ///< the model only
  kAuto,    ///< the parser; the model only when the parser did not understand the question
  kVerify,  ///< as kAuto, but when the parser answers the model is asked too and must agree
};

/// "rules", "llm", "auto" or "verify".
std::string_view Name(PlannerMode mode);

/// Parses a mode name (case-sensitive). "" gives the default: kAuto when `settings` has an API
/// key, kRules otherwise. Fails with kUsage naming the accepted values.
Result<PlannerMode> ParsePlannerMode(std::string_view text, const Settings& settings);

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
  std::string_view Name() const override { return llm::Name(mode_); }

  /// The routing mode.
  PlannerMode mode() const { return mode_; }

 private:
  Result<RoutedPlan> FromSource(plan::PlanSource& source, std::string_view question, const plan::TimeContext& context);
  Result<RoutedPlan> Verify(plan::Plan rules_plan, std::string_view question, const plan::TimeContext& context);

  PlannerMode mode_;
  std::unique_ptr<plan::PlanSource> rules_;
  std::unique_ptr<plan::PlanSource> llm_;
};

/// The planner the CLI and the bot use. `mode` is the --planner / VIDEOBOT_PLANNER value ("" =
/// default, see ParsePlannerMode); `rules` is the offline parser; `question_literals` reads a
/// question's ids, numbers and dates with the parser's recognisers (nl::ExtractQuestionLiterals),
/// against which every model plan is checked. The model source (LlmPlanSource over libcurl with
/// `settings.proxy_url`) is created only when the mode needs it. Fails with kUsage for an
/// unknown mode, a missing rules source, a mode that needs the model with neither LLM_API_KEY
/// nor a non-default LLM_BASE_URL (a local server), or without `question_literals`.
Result<std::unique_ptr<PlannerRouter>> MakePlannerRouter(std::string_view mode, std::unique_ptr<plan::PlanSource> rules,
                                                         const Settings& settings,
                                                         QuestionLiteralsFn question_literals);

/// As above without a literal reader: only the rules mode can be built.
Result<std::unique_ptr<PlannerRouter>> MakePlannerRouter(std::string_view mode, std::unique_ptr<plan::PlanSource> rules,
                                                         const Settings& settings);

/// As above with settings as read by Settings::FromEnvironment(): their error is returned,
/// unless `mode` is explicitly "rules" (which needs no model).
Result<std::unique_ptr<PlannerRouter>> MakePlannerRouter(std::string_view mode, std::unique_ptr<plan::PlanSource> rules,
                                                         const Result<Settings>& settings,
                                                         QuestionLiteralsFn question_literals);

/// As above with an explicit model source (tests, other transports). Fails with kUsage when a
/// source the mode needs is missing.
Result<std::unique_ptr<PlannerRouter>> MakePlannerRouter(PlannerMode mode, std::unique_ptr<plan::PlanSource> rules,
                                                         std::unique_ptr<plan::PlanSource> llm);

}  // namespace videobot::llm
