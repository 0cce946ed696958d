#include "plan_checks.hpp"

#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "plan/plan_json.hpp"
#include "plan/validator.hpp"
#include "sql/compiler.hpp"
#include "sql_text_check.hpp"

namespace videobot::fuzz {

plan::TimeContext TestTime() { return plan::TimeContext{ParseTimestamp("2025-12-02T12:00:00Z").value(), UtcOffset{}}; }

::testing::AssertionResult QuestionOutcomeIsSound(const Result<plan::Plan>& outcome, const plan::TimeContext& time) {
  if (outcome) return PlanIsSound(*outcome, time);
  const Error& error = outcome.error();
  const bool refusal = error.code == ErrorCode::kQuestionNotUnderstood ||
                       error.code == ErrorCode::kQuestionOutOfScope || error.code == ErrorCode::kQuestionModification ||
                       error.code == ErrorCode::kQuestionTooLong || error.code == ErrorCode::kQuestionAmbiguous ||
                       error.code == ErrorCode::kQuestionReversedRange ||
                       error.code == ErrorCode::kQuestionUnknownMetric || error.code == ErrorCode::kQuestionUnsupported;
  if (!refusal) return ::testing::AssertionFailure() << "unexpected error code " << error.Describe();
  if (error.message.empty()) return ::testing::AssertionFailure() << "empty refusal message";
  if (!IsValidUtf8(error.message)) return ::testing::AssertionFailure() << "refusal message is not UTF-8";
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult PlanIsSound(const plan::Plan& plan, const plan::TimeContext& time) {
  const auto validated = plan::ValidatePlan(plan);
  const std::string json = plan::ToJson(plan).dump();
  if (!validated)
    return ::testing::AssertionFailure() << "invalid plan " << json << ": " << validated.error().Describe();
  const auto reparsed = plan::ParsePlan(json);
  if (!reparsed)
    return ::testing::AssertionFailure() << "plan does not parse back: " << json << ": " << reparsed.error().Describe();
  if (!(*reparsed == plan)) return ::testing::AssertionFailure() << "plan changes in a JSON round trip: " << json;
  if (plan.action != plan::Action::kQuery) return ::testing::AssertionSuccess();
  for (const auto dialect : {sql::Dialect::kSqlite, sql::Dialect::kPostgres, sql::Dialect::kClickHouse}) {
    const sql::Query query = sql::Compile(plan, sql::CompileOptions{dialect, time});
    if (auto check = SqlUsesOnlyCatalogue(query, dialect); !check) return check << " for plan " << json;
    if (auto check = ParamsHaveKnownShapes(query); !check) return check << " for plan " << json;
  }
  return ::testing::AssertionSuccess();
}

}  // namespace videobot::fuzz
