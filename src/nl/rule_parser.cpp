#include "nl/rule_parser.hpp"

#include <string>

#include "nl/analysis.hpp"
#include "nl/comparison_question.hpp"
#include "nl/concept_traits.hpp"
#include "nl/normalizer.hpp"
#include "nl/period_resolver.hpp"
#include "nl/plan_builder.hpp"
#include "nl/scanner.hpp"
#include "nl/tokenizer.hpp"

namespace videobot::nl {
namespace {

// One example of an answerable question for each kind of refusal.
std::string_view ExampleFor(ErrorCode code) {
  // The refusals with an example of their own; every other error code gets the growth example.
  if (code == ErrorCode::kQuestionOutOfScope) return "Сколько всего видео есть в системе?";
  if (code == ErrorCode::kQuestionModification) return "Сколько видео набрали больше 10 000 просмотров?";
  if (code == ErrorCode::kQuestionTooLong) return "Сколько видео опубликовано в ноябре 2025?";
  if (code == ErrorCode::kQuestionUnknownMetric) return "Какое общее количество лайков набрали все видео?";
  if (code == ErrorCode::kQuestionReversedRange) return "Сколько видео опубликовано с 1 по 5 ноября 2025 включительно?";
  return "На сколько просмотров выросли все видео 28 ноября 2025?";
}

// An example built from what the question did get across — its metric and its period — so the
// person sees how to say the same thing in a form that is answered; "" when neither was
// recognised. A period the refusal is about (`with_period` false) is left out.
std::string ExampleFromMentions(const Mentions& mentions, bool with_period) {
  const Mention* metric = nullptr;
  const Mention* period = nullptr;
  for (const Mention& mention : mentions) {
    if (mention.explanatory) continue;
    if (metric == nullptr && mention.kind == MentionKind::kWord && IsMetric(mention.meaning)) metric = &mention;
    if (with_period && period == nullptr && mention.kind == MentionKind::kPeriod) period = &mention;
  }
  if (metric != nullptr && period != nullptr) {
    return "На сколько " + std::string(MetricRow(metric->meaning).genitive) + " в сумме выросли все видео " +
           std::string(period->text) + "?";
  }
  if (metric != nullptr) {
    return "Какое общее количество " + std::string(MetricRow(metric->meaning).genitive) + " набрали все видео?";
  }
  if (period != nullptr) return "Сколько видео опубликовано " + std::string(period->text) + "?";
  return {};
}

bool FitsRecognisedExample(ErrorCode code) {
  return code == ErrorCode::kQuestionNotUnderstood || code == ErrorCode::kQuestionAmbiguous ||
         code == ErrorCode::kQuestionUnsupported;
}

// The reason as a sentence for people, with an example (fitted to what was recognised when
// `mentions` are given).
Unexpected Explain(const Error& error, const Mentions* mentions = nullptr) {
  std::string message;
  const std::string_view end = error.message.ends_with('?') ? "" : ".";
  if (error.code == ErrorCode::kQuestionNotUnderstood) {
    message = "Не понял вопрос: " + error.message + std::string(end);
  } else {
    message = error.message + std::string(end);
  }
  std::string example = mentions != nullptr && FitsRecognisedExample(error.code)
                            ? ExampleFromMentions(*mentions, error.path != kPeriodErrorPath)
                            : "";
  if (example.empty()) example = ExampleFor(error.code);
  message += " Пример вопроса: «" + example + "»";
  return Fail(error.code, std::move(message), error.path);
}

// One question for one number.
Result<plan::Plan> ParseScalar(std::string_view normalized, const plan::TimeContext& context) {
  const std::vector<Token> tokens = Tokenize(normalized);
  Analysis analysis;
  analysis.mentions = Scan(tokens);
  auto plan = BuildPlan(analysis, context);
  if (!plan) return Explain(plan.error(), &analysis.mentions);
  return plan;
}

}  // namespace

Result<plan::Plan> ParseQuestion(std::string_view question, const plan::TimeContext& context) {
  auto normalized = Normalize(question);
  if (!normalized) return Explain(normalized.error());
  const ScalarParser parse_scalar = [&context](std::string_view side) {
    auto side_normalized = Normalize(side);
    if (!side_normalized) return Result<plan::Plan>{Explain(side_normalized.error())};
    return ParseScalar(*side_normalized, context);
  };
  if (auto comparison = ParseComparison(*normalized, parse_scalar)) return std::move(*comparison);
  return ParseScalar(*normalized, context);
}

Result<plan::Plan> RuleParser::MakePlan(std::string_view question, const plan::TimeContext& context) {
  return ParseQuestion(question, context);
}

}  // namespace videobot::nl
