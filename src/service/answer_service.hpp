#pragma once
// AnswerService: the one place that wires the pipeline stages together:
// question → plan source → validator → compiler → database → formatted reply.

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "common/time.hpp"
#include "db/database.hpp"
#include "plan/plan.hpp"
#include "plan/plan_source.hpp"
#include "service/answerer.hpp"
#include "service/explanation.hpp"
#include "sql/query.hpp"

namespace videobot::service {

/// The reply when the database has no schema (or the SQLite file does not exist).
inline constexpr std::string_view kNotInitialisedReply =
    "База данных не инициализирована: загрузите данные командой `videobot load FILE`.";

/// Longest question accepted, in Unicode code points (Telegram's message limit).
inline constexpr std::size_t kMaxQuestionChars = 4096;

class AnswerService final : public Answerer {
 public:
  /// Borrows all arguments; they must outlive the service.
  AnswerService(plan::PlanSource& planner, db::Database& database, const Clock& clock, UtcOffset offset);

  Reply Answer(std::string_view question) override;
  Reply Explain(std::string_view question) override;

  /// The validated plan for a question (see PlanQuestion).
  Result<plan::Plan> PlanFor(std::string_view question);

  /// The SQL for a validated query plan, for this service's database dialect.
  sql::Query Compile(const plan::Plan& plan) const;

  /// Executes a validated plan and formats the reply. Refuses, without running the query, when the
  /// data cannot answer (CheckCoverage: nothing loaded, a period outside the covered range); a
  /// statement timeout is kQueryTimeout and a sum past the exact integer range kValueOutOfRange.
  /// Throws db::NotInitialisedError without a schema, db::DatabaseError when the database fails.
  Result<std::string> Execute(const plan::Plan& plan);

  /// What a plan's execution gives: the reply text and, for a series, its buckets.
  struct Outcome {
    std::string text;
    std::vector<SeriesPoint> series;
    std::optional<SeriesLayout> layout = {};           ///< set with `series`
    std::optional<ComparisonResult> comparison = {};   ///< set for a comparison plan
    std::vector<RankingRow> ranking = {};              ///< a ranking's rows in rank order
    std::optional<RankingLayout> ranking_layout = {};  ///< set with `ranking`
  };
  /// Execute, keeping a series' buckets apart from the text.
  Result<Outcome> Run(const plan::Plan& plan);

  /// The plan source's name ("rules", "llm", …).
  std::string_view PlannerName() const { return planner_.Name(); }

  /// Called with the duration of every question's query (also one that failed), e.g. to feed a
  /// latency histogram. Empty: not timed.
  using QueryTimer = std::function<void(std::chrono::duration<double>)>;
  void SetQueryTimer(QueryTimer timer) { query_timer_ = std::move(timer); }

 private:
  plan::TimeContext Now() const;
  std::vector<db::Row> TimedQuery(const sql::Query& query);
  std::string RowsLine(const plan::Plan& plan, const plan::TimeContext& context);
  Result<Outcome> RunComparison(const plan::Plan& plan);
  Reply ExplainComparison(const plan::Plan& plan, const plan::TimeContext& context, std::string_view planner);

  plan::PlanSource& planner_;
  db::Database& database_;
  const Clock& clock_;
  UtcOffset offset_;
  QueryTimer query_timer_;
};

/// Asks `planner` for a plan and validates it. A refusal plan becomes an Error carrying a Russian
/// explanation; oversized or non-UTF-8 input is kQuestionTooLong.
Result<plan::Plan> PlanQuestion(plan::PlanSource& planner, std::string_view question, const plan::TimeContext& context);

/// The buckets of a series plan from its query's (key, value) rows: every bucket of the plan's
/// period in time order (plan::BucketKeys), the value of its row or 0 without one.
Result<std::vector<SeriesPoint>> FillSeries(const plan::Plan& plan, const plan::TimeContext& context,
                                            const std::vector<db::Row>& rows);

/// The Russian explanation for a refusal plan's reason, with an example question.
std::string RefusalMessage(plan::RefusalReason reason);

/// Formats a result cell per the reply rules: integers as digits (leading '-' if negative),
/// non-integers with a dot and two decimals. Null → kNoData.
Result<std::string> FormatValue(const db::Value& value);

}  // namespace videobot::service
