#include "service/answer_service.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "plan/plan_json.hpp"
#include "plan/series.hpp"
#include "plan/validator.hpp"
#include "service/comparison_answer.hpp"
#include "service/coverage_guard.hpp"
#include "service/explanation.hpp"
#include "service/superlative_ties.hpp"
#include "sql/compiler.hpp"

namespace videobot::service {
namespace {

constexpr std::string_view kExample = "Например: «Сколько видео набрало больше 100 000 просмотров за всё время?»";

std::string OutcomeFor(const Error& error);

Reply MakeRefusal(const Error& error, std::string_view planner) {
  return Reply{Reply::Kind::kRefusal, error.message, OutcomeFor(error), std::string(planner)};
}

Reply MakeUnavailable(std::string_view planner) {
  return Reply{Reply::Kind::kUnavailable, "База данных временно недоступна. Попробуйте ещё раз чуть позже.",
               "database_unavailable", std::string(planner)};
}

Reply MakeNotInitialised(std::string_view planner) {
  return Reply{Reply::Kind::kUnavailable, std::string(kNotInitialisedReply), "data_not_initialised",
               std::string(planner)};
}

Error TimeoutError() {
  return Error{ErrorCode::kQueryTimeout, "",
               "Вопрос слишком тяжёлый: ответ не успел посчитаться. Сузьте период или добавьте автора или "
               "видео и спросите снова."};
}

Error OutOfRangeError() {
  return Error{ErrorCode::kValueOutOfRange, "",
               "Ответ слишком велик, чтобы посчитать его точно. Сузьте период или выборку видео."};
}

// The log's outcome for an answer that failed: "timeout" for a statement timeout (the operators'
// word), the error code's name otherwise.
std::string OutcomeFor(const Error& error) {
  if (error.code == ErrorCode::kQueryTimeout) return "timeout";
  return std::string(ErrorCodeName(error.code));
}

ErrorCode CodeForRefusal(plan::RefusalReason reason) {
  switch (reason) {
    case plan::RefusalReason::kOutOfScope: return ErrorCode::kQuestionOutOfScope;
    case plan::RefusalReason::kModification: return ErrorCode::kQuestionModification;
    case plan::RefusalReason::kNotUnderstood:
    case plan::RefusalReason::kAmbiguous: return ErrorCode::kQuestionNotUnderstood;
  }
  return ErrorCode::kQuestionNotUnderstood;
}

// A row's value as a number for the chart (the text keeps the exact digits).
double NumericValue(const db::Value& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return static_cast<double>(*integer);
  if (const auto* real = std::get_if<double>(&value)) return *real;
  return 0;
}

RankingLayout RankingLayoutFor(const plan::Plan& plan, const plan::TimeContext& context) {
  const bool additive = plan.aggregate == plan::Aggregate::kSum || plan.aggregate == plan::Aggregate::kCount;
  return RankingLayout{RankingTitle(plan),           RankingValueLabel(plan), additive, plan.order == plan::Order::kAsc,
                       ChartSubtitle(plan, context), plan.limit == 1};
}

}  // namespace

AnswerService::AnswerService(plan::PlanSource& planner, db::Database& database, const Clock& clock, UtcOffset offset)
    : planner_(planner), database_(database), clock_(clock), offset_(offset) {}

plan::TimeContext AnswerService::Now() const { return plan::TimeContext{clock_.Now(), offset_}; }

Result<plan::Plan> AnswerService::PlanFor(std::string_view question) { return PlanQuestion(planner_, question, Now()); }

Result<plan::Plan> PlanQuestion(plan::PlanSource& planner, std::string_view question,
                                const plan::TimeContext& context) {
  if (CountCodePoints(question) > kMaxQuestionChars || !IsValidUtf8(question)) {
    return Fail(ErrorCode::kQuestionTooLong,
                fmt::format("Вопрос слишком длинный или повреждён: задайте его короче. {}", kExample));
  }
  auto candidate = planner.MakePlan(question, context);
  if (!candidate) return candidate;
  auto validated = plan::ValidatePlan(*candidate);
  if (!validated) return validated;
  if (validated->action == plan::Action::kRefuse) {
    const auto reason = validated->refusal_reason.value_or(plan::RefusalReason::kNotUnderstood);
    return Fail(CodeForRefusal(reason), RefusalMessage(reason));
  }
  return validated;
}

sql::Query AnswerService::Compile(const plan::Plan& plan) const {
  return CompileAnswerQuery(plan, sql::CompileOptions{database_.dialect(), Now()});
}

Result<std::string> AnswerService::Execute(const plan::Plan& plan) {
  auto outcome = Run(plan);
  if (!outcome) return Unexpected{outcome.error()};
  return std::move(outcome->text);
}

// Each side runs as the scalar plan it is (coverage checked per side); the result is exact.
Result<AnswerService::Outcome> AnswerService::RunComparison(const plan::Plan& plan) {
  auto a = Run(plan::ComparisonSideA(plan));
  if (!a) return a;
  auto b = Run(plan::ComparisonSideB(plan));
  if (!b) return b;
  auto comparison = CompareValues(plan, a->text, b->text);
  if (!comparison) return Unexpected{comparison.error()};
  Outcome outcome{ComparisonText(*comparison), {}};
  outcome.comparison = std::move(*comparison);
  return outcome;
}

Result<AnswerService::Outcome> AnswerService::Run(const plan::Plan& plan) {
  if (plan.compare) return RunComparison(plan);
  const auto context = plan::ContextFor(plan, Now());
  const sql::Query query = CompileAnswerQuery(plan, sql::CompileOptions{database_.dialect(), context});
  std::vector<db::Row> rows;
  try {
    if (auto refusal = CheckCoverage(plan, db::ReadCoverage(database_), context)) return Unexpected{*refusal};
    auto answer_rows = AnswerRows(plan, TimedQuery(query));
    if (!answer_rows) return Unexpected{answer_rows.error()};
    rows = std::move(*answer_rows);
  } catch (const db::QueryTimeoutError&) {
    return Unexpected{TimeoutError()};
  } catch (const db::ValueOutOfRangeError&) {
    return Unexpected{OutOfRangeError()};
  }
  if (query.shape == sql::Shape::kSeries) {
    auto series = FillSeries(plan, context, rows);
    if (!series) return Unexpected{series.error()};
    Outcome outcome;
    for (const auto& point : *series) {
      outcome.text += fmt::format("{}{} {}", outcome.text.empty() ? "" : "\n", point.key, point.value);
    }
    outcome.series = std::move(*series);
    outcome.layout = SeriesLayout{plan.series->bucket, context.offset, SeriesTitle(plan),
                                  plan.aggregate != plan::Aggregate::kCountDistinct, ChartSubtitle(plan, context)};
    return outcome;
  }
  if (query.shape == sql::Shape::kScalar) {
    if (rows.empty() || rows.front().empty()) return Fail(ErrorCode::kNoData, "Нет данных для ответа.");
    auto value = FormatValue(rows.front().front());
    if (!value) return Unexpected{value.error()};
    return Outcome{std::move(*value), {}};
  }
  Outcome outcome;
  for (const auto& row : rows) {
    if (row.size() < 2) continue;
    auto value = FormatValue(row[1]);
    if (!value) return Unexpected{value.error()};
    const auto* key = std::get_if<std::string>(&row[0]);
    outcome.text += fmt::format("{}{} {}", outcome.text.empty() ? "" : "\n", key ? *key : "?", *value);
    outcome.ranking.push_back(RankingRow{key ? *key : "?", NumericValue(row[1])});
  }
  if (outcome.text.empty()) return Fail(ErrorCode::kNoData, "Под условия вопроса не попало ни одной записи.");
  outcome.ranking_layout = RankingLayoutFor(plan, context);
  return outcome;
}

std::vector<db::Row> AnswerService::TimedQuery(const sql::Query& query) {
  if (!query_timer_) return database_.Query(query);
  const auto started = std::chrono::steady_clock::now();
  const auto report = [&] { query_timer_(std::chrono::steady_clock::now() - started); };
  try {
    auto rows = database_.Query(query);
    report();
    return rows;
  } catch (...) {
    report();
    throw;
  }
}

Reply AnswerService::Answer(std::string_view question) {
  const std::string_view planner = planner_.Name();
  auto plan = PlanFor(question);
  if (!plan && plan.error().code == ErrorCode::kLlmUnavailable) {
    return Reply{Reply::Kind::kUnavailable, plan.error().message, "llm_unavailable", std::string(planner)};
  }
  if (!plan) return MakeRefusal(plan.error(), planner);
  Reply reply;
  try {
    auto outcome = Run(*plan);
    if (outcome) {
      reply = Reply{Reply::Kind::kAnswer, std::move(outcome->text), "ok", std::string(planner)};
      reply.series = std::move(outcome->series);
      reply.series_layout = std::move(outcome->layout);
      reply.comparison = std::move(outcome->comparison);
      reply.ranking = std::move(outcome->ranking);
      reply.ranking_layout = std::move(outcome->ranking_layout);
    } else {
      reply = MakeRefusal(outcome.error(), planner);
    }
  } catch (const db::NotInitialisedError&) {
    reply = MakeNotInitialised(planner);
  } catch (const db::DatabaseError&) {
    reply = MakeUnavailable(planner);
  }
  reply.plan = plan::ToJson(*plan).dump();
  return reply;
}

Reply AnswerService::Explain(std::string_view question) {
  const std::string_view planner = planner_.Name();
  auto plan = PlanFor(question);
  if (!plan && plan.error().code == ErrorCode::kLlmUnavailable) {
    return Reply{Reply::Kind::kUnavailable, plan.error().message, "llm_unavailable", std::string(planner)};
  }
  if (!plan) return MakeRefusal(plan.error(), planner);
  const auto context = plan::ContextFor(*plan, Now());
  if (plan->compare) return ExplainComparison(*plan, context, planner);
  Reply reply{Reply::Kind::kAnswer, DescribePlan(*plan, context), "ok", std::string(planner)};
  reply.text += "\n" + RowsLine(*plan, context);
  reply.plan = plan::ToJson(*plan).dump();
  reply.sql = DescribeQuery(Compile(*plan), database_.dialect(), context.offset);
  return reply;
}

Reply AnswerService::ExplainComparison(const plan::Plan& plan, const plan::TimeContext& context,
                                       std::string_view planner) {
  Reply reply{Reply::Kind::kAnswer, DescribeComparison(plan, context), "ok", std::string(planner)};
  for (const auto& [name, side] :
       {std::pair{"A", plan::ComparisonSideA(plan)}, std::pair{"B", plan::ComparisonSideB(plan)}}) {
    if (auto rows = RowsLine(side, context); !rows.empty()) reply.text += fmt::format("\n{}: {}", name, rows);
  }
  reply.plan = plan::ToJson(plan).dump();
  reply.sql = DescribeComparisonQueries(plan, database_.dialect(), context);
  return reply;
}

// How many rows the plan aggregates (a COUNT over the same filters), or why that is unknown.
std::string AnswerService::RowsLine(const plan::Plan& plan, const plan::TimeContext& context) {
  const auto count_plan = RowCountPlan(plan);
  if (!count_plan) return {};
  try {
    if (auto refusal = CheckCoverage(plan, db::ReadCoverage(database_), context)) {
      return fmt::format("Ответа по этим данным не будет: {}", refusal->message);
    }
    const auto rows = database_.Query(sql::Compile(*count_plan, sql::CompileOptions{database_.dialect(), context}));
    if (rows.empty() || rows.front().empty()) return "Учтено строк: 0.";
    const auto* count = std::get_if<std::int64_t>(&rows.front().front());
    return DescribeRowCount(plan, count != nullptr ? *count : 0);
  } catch (const db::QueryTimeoutError&) {
    return "Сколько строк учтено, не посчитано: запрос слишком тяжёлый.";
  } catch (const db::NotInitialisedError&) {
    return std::string(kNotInitialisedReply);
  } catch (const db::DatabaseError&) {
    return "Сколько строк учтено, неизвестно: база данных временно недоступна.";
  }
}

Result<std::vector<SeriesPoint>> FillSeries(const plan::Plan& plan, const plan::TimeContext& context,
                                            const std::vector<db::Row>& rows) {
  std::map<std::string, std::int64_t> values;
  for (const auto& row : rows) {
    if (row.size() < 2) continue;
    const auto* key = std::get_if<std::string>(&row[0]);
    const auto* value = std::get_if<std::int64_t>(&row[1]);
    if (key == nullptr) continue;
    if (value == nullptr) return Fail(ErrorCode::kNoData, "Нет данных для ответа.");
    values[*key] = *value;
  }
  std::vector<SeriesPoint> series;
  const auto range = plan::Resolve(*plan::SeriesPeriod(plan), context);
  for (auto& key : plan::BucketKeys(plan.series->bucket, range, context.offset)) {
    const auto found = values.find(key);
    series.push_back(SeriesPoint{std::move(key), found == values.end() ? 0 : found->second});
  }
  if (series.empty()) return Fail(ErrorCode::kNoData, "Нет данных для ответа.");
  return series;
}

std::string RefusalMessage(plan::RefusalReason reason) {
  switch (reason) {
    case plan::RefusalReason::kOutOfScope:
      return fmt::format("Я отвечаю только на вопросы о статистике видео. {}", kExample);
    case plan::RefusalReason::kModification:
      return fmt::format("Я только читаю статистику и не изменяю данные. {}", kExample);
    case plan::RefusalReason::kAmbiguous:
      return fmt::format("Вопрос можно понять по-разному — уточните его, пожалуйста. {}", kExample);
    case plan::RefusalReason::kNotUnderstood: break;
  }
  return fmt::format("Не удалось однозначно понять вопрос. {}", kExample);
}

Result<std::string> FormatValue(const db::Value& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return fmt::format("{}", *integer);
  if (const auto* real = std::get_if<double>(&value)) {
    if (!std::isfinite(*real)) return Fail(ErrorCode::kNoData, "Нет данных для ответа.");
    if (*real == std::trunc(*real) && std::fabs(*real) < 9e15) {
      return fmt::format("{}", static_cast<std::int64_t>(*real));
    }
    return fmt::format("{:.2f}", *real);
  }
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  return Fail(ErrorCode::kNoData, "Под условия вопроса не попало ни одной записи — значение не определено.");
}

}  // namespace videobot::service
