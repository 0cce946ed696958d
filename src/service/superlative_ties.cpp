#include "service/superlative_ties.hpp"

#include <fmt/format.h>

#include "service/answer_service.hpp"

namespace videobot::service {
namespace {

// The shared value as the answer would print it.
std::string TopText(const db::Value& value) {
  auto text = FormatValue(value);
  return text ? *text : std::string("нет значения");
}

bool IsSuperlative(const plan::Plan& plan) { return plan.group_by.has_value() && plan.limit == 1; }

// «видео», «креаторов», «дней»: what the rows of a grouped plan are, after «более чем 10».
std::string_view RowsGenitive(plan::GroupBy group_by) {
  switch (group_by) {
    case plan::GroupBy::kVideo: return "видео";
    case plan::GroupBy::kCreator: return "креаторов";
    case plan::GroupBy::kPublicationDate:
    case plan::GroupBy::kMeasurementDate: return "дней";
  }
  return "строк";
}

}  // namespace

sql::Query CompileAnswerQuery(const plan::Plan& plan, const sql::CompileOptions& options) {
  if (!IsSuperlative(plan)) return sql::Compile(plan, options);
  plan::Plan with_ties = plan;
  with_ties.limit = kMaxTiedRows + 1;
  return sql::Compile(with_ties, options);
}

Result<std::vector<db::Row>> AnswerRows(const plan::Plan& plan, std::vector<db::Row> rows) {
  if (!IsSuperlative(plan) || rows.empty() || rows.front().size() < 2) return rows;
  const db::Value top = rows.front()[1];
  std::size_t tied = 1;
  while (tied < rows.size() && rows[tied].size() >= 2 && rows[tied][1] == top) ++tied;
  if (tied > static_cast<std::size_t>(kMaxTiedRows)) {
    return Fail(ErrorCode::kQuestionAmbiguous,
                fmt::format("Одно и то же {} значение ({}) у более чем {} {}: назвать одного нельзя. Спросите "
                            "«сколько …» с этим значением или «топ-20 …».",
                            plan.order == plan::Order::kAsc ? "наименьшее" : "наибольшее", TopText(top), kMaxTiedRows,
                            RowsGenitive(*plan.group_by)));
  }
  rows.resize(tied);
  return rows;
}

}  // namespace videobot::service
