#include "nl/rule_parser.hpp"

#include <string>

#include "nl/analysis.hpp"
#include "nl/normalizer.hpp"
#include "nl/plan_builder.hpp"
#include "nl/scanner.hpp"
#include "nl/tokenizer.hpp"

namespace videobot::nl {
namespace {

// One example of an answerable question for each kind of refusal.
std::string_view ExampleFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kQuestionOutOfScope: return "Сколько всего видео есть в системе?";
    case ErrorCode::kQuestionModification: return "Сколько видео набрали больше 10 000 просмотров?";
    case ErrorCode::kQuestionTooLong: return "Сколько видео опубликовано в ноябре 2025?";
    case ErrorCode::kQuestionUnknownMetric: return "Какое общее количество лайков набрали все видео?";
    case ErrorCode::kQuestionReversedRange: return "Сколько видео опубликовано с 1 по 5 ноября 2025 включительно?";
    default: return "На сколько просмотров выросли все видео 28 ноября 2025?";
  }
}

// The reason as a sentence for people, with an example.
Unexpected Explain(const Error& error) {
  std::string message;
  if (error.code == ErrorCode::kQuestionNotUnderstood) {
    message = "Не понял вопрос: " + error.message + ".";
  } else {
    message = error.message + ".";
  }
  message += " Пример вопроса: «" + std::string(ExampleFor(error.code)) + "»";
  return Fail(error.code, std::move(message), error.path);
}

}  // namespace

Result<plan::Plan> ParseQuestion(std::string_view question, const plan::TimeContext& context) {
  auto normalized = Normalize(question);
  if (!normalized) return Explain(normalized.error());
  const std::vector<Token> tokens = Tokenize(*normalized);
  Analysis analysis;
  analysis.mentions = Scan(tokens);
  auto plan = BuildPlan(analysis, context);
  if (!plan) return Explain(plan.error());
  return plan;
}

Result<plan::Plan> RuleParser::MakePlan(std::string_view question, const plan::TimeContext& context) {
  return ParseQuestion(question, context);
}

}  // namespace videobot::nl
