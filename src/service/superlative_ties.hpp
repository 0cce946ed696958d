#pragma once
// A superlative («самое популярное видео», «креатор с наибольшим приростом») is a one-row ranking,
// but several rows may share the top value: naming one of them would be a confident half-answer.
// Its query asks for a few rows more than one, and every row tied with the first is the answer.

#include <vector>

#include "common/result.hpp"
#include "db/database.hpp"
#include "plan/plan.hpp"
#include "sql/compiler.hpp"

namespace videobot::service {

/// How many rows tied for the top a superlative's answer lists; more are refused.
inline constexpr int kMaxTiedRows = 10;

/// The query that answers `plan`: sql::Compile's, except that a superlative (a grouped plan with
/// limit 1) reads kMaxTiedRows + 1 rows so that ties with the top row can be seen. Every path that
/// runs or shows a plan's query uses this one.
sql::Query CompileAnswerQuery(const plan::Plan& plan, const sql::CompileOptions& options);

/// The rows of `plan`'s answer from what CompileAnswerQuery's query returned: for a superlative,
/// the first row and every row with the same value (kQuestionAmbiguous when more than
/// kMaxTiedRows share it); other plans' rows unchanged.
Result<std::vector<db::Row>> AnswerRows(const plan::Plan& plan, std::vector<db::Row> rows);

}  // namespace videobot::service
