#include "service/planner_router.hpp"

#include <fmt/format.h>
#include <cassert>

#include "plan/plan_comparison.hpp"

namespace videobot::service {
namespace {

// True when the rules did not understand the question (as opposed to understanding it and
// refusing it, or failing for another reason).
bool NotUnderstood(const Result<plan::Plan>& result) {
  if (!result) return result.error().code == ErrorCode::kQuestionNotUnderstood;
  return result->action == plan::Action::kRefuse && result->refusal_reason == plan::RefusalReason::kNotUnderstood;
}

Unexpected Disagreement(std::string path) {
  return Fail(ErrorCode::kPlannersDisagree,
              "Правила и языковая модель поняли вопрос по-разному, поэтому ответа не будет — угадывать "
              "нельзя. Переформулируйте вопрос точнее, например: «Сколько видео набрало больше 100 000 "
              "просмотров за всё время?»",
              std::move(path));
}

}  // namespace

bool NeedsRules(PlannerMode mode) { return mode != PlannerMode::kLlm; }

bool NeedsModel(PlannerMode mode) { return mode != PlannerMode::kRules; }

std::string_view Name(PlannerMode mode) {
  switch (mode) {
    case PlannerMode::kRules: return "rules";
    case PlannerMode::kLlm: return "llm";
    case PlannerMode::kAuto: return "auto";
    case PlannerMode::kVerify: return "verify";
  }
  return "?";
}

Result<PlannerMode> ParsePlannerMode(std::string_view text, bool model_has_key) {
  if (text.empty()) return model_has_key ? PlannerMode::kAuto : PlannerMode::kRules;
  for (PlannerMode mode : {PlannerMode::kRules, PlannerMode::kLlm, PlannerMode::kAuto, PlannerMode::kVerify}) {
    if (text == Name(mode)) return mode;
  }
  return Fail(ErrorCode::kUsage, "Неизвестный режим планировщика: допустимы rules, llm, auto, verify", "--planner");
}

PlannerRouter::PlannerRouter(PlannerMode mode, std::unique_ptr<plan::PlanSource> rules,
                             std::unique_ptr<plan::PlanSource> llm)
    : mode_(mode), rules_(std::move(rules)), llm_(std::move(llm)) {
  assert(!NeedsRules(mode_) || rules_ != nullptr);
  assert(!NeedsModel(mode_) || llm_ != nullptr);
}

Result<RoutedPlan> PlannerRouter::FromSource(plan::PlanSource& source, std::string_view question,
                                             const plan::TimeContext& context) {
  auto result = source.MakePlan(question, context);
  if (!result) return Unexpected{result.error()};
  return RoutedPlan{std::move(*result), std::string(source.Name()), false};
}

Result<RoutedPlan> PlannerRouter::Verify(plan::Plan rules_plan, std::string_view question,
                                         const plan::TimeContext& context) {
  auto llm_result = llm_->MakePlan(question, context);
  // A model plan that does not hold the question's ids, numbers and dates is a plan that
  // differs from the rules' one; a model that gave no plan at all leaves the rules unverified.
  if (!llm_result && llm_result.error().code == ErrorCode::kPlanUngrounded)
    return Disagreement(llm_result.error().path);
  if (!llm_result) return RoutedPlan{std::move(rules_plan), std::string(rules_->Name()), false};
  if (auto difference = plan::FindPlanDifference(rules_plan, *llm_result, context)) return Disagreement(*difference);
  return RoutedPlan{std::move(rules_plan), fmt::format("{}+{}", rules_->Name(), llm_->Name()), true};
}

Result<RoutedPlan> PlannerRouter::Route(std::string_view question, const plan::TimeContext& context) {
  switch (mode_) {
    case PlannerMode::kRules: return FromSource(*rules_, question, context);
    case PlannerMode::kLlm: return FromSource(*llm_, question, context);
    case PlannerMode::kAuto:
    case PlannerMode::kVerify: break;
  }
  auto rules_result = rules_->MakePlan(question, context);
  if (NotUnderstood(rules_result)) return FromSource(*llm_, question, context);
  if (!rules_result) return Unexpected{rules_result.error()};
  if (mode_ == PlannerMode::kVerify) return Verify(std::move(*rules_result), question, context);
  return RoutedPlan{std::move(*rules_result), std::string(rules_->Name()), false};
}

Result<plan::Plan> PlannerRouter::MakePlan(std::string_view question, const plan::TimeContext& context) {
  auto routed = Route(question, context);
  if (!routed) return Unexpected{routed.error()};
  return std::move(routed->plan);
}

Result<std::unique_ptr<PlannerRouter>> MakePlannerRouter(PlannerMode mode, std::unique_ptr<plan::PlanSource> rules,
                                                         std::unique_ptr<plan::PlanSource> llm) {
  if (NeedsRules(mode) && rules == nullptr) {
    return Fail(ErrorCode::kUsage, fmt::format("Режиму {} нужен разбор правилами", Name(mode)), "--planner");
  }
  if (NeedsModel(mode) && llm == nullptr) {
    return Fail(ErrorCode::kUsage, fmt::format("Режиму {} нужна языковая модель", Name(mode)), "--planner");
  }
  return std::make_unique<PlannerRouter>(mode, std::move(rules), std::move(llm));
}

}  // namespace videobot::service
