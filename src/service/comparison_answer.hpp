#pragma once
// Comparison answers: the readable labels of the two sides, the exact result from the two
// values, and the reply text. Pure: the values come from running each side as a scalar plan.

#include <string>
#include <utility>

#include "common/result.hpp"
#include "plan/plan.hpp"
#include "plan/resolve.hpp"
#include "service/answerer.hpp"
#include "sql/query.hpp"

namespace videobot::service {

/// Readable Russian labels of sides A and B: by what differs — the period («28 ноября 2025»,
/// «ноябрь 2025», «с 1 по 7 ноября 2025», «вчера»), the moment («на 28 ноября 2025»), the
/// creator («креатор <id>») or the metric («просмотры», «прирост лайков»).
std::pair<std::string, std::string> ComparisonLabels(const plan::Plan& plan);

/// The comparison of the printed values `a` and `b` of a comparison plan's two sides: A − B
/// exactly, or (A − B) / B × 100 with two decimals rounded half away from zero. Refuses (kNoData,
/// Russian message) a percentage of B = 0 and a difference or percentage of non-integer values
/// (averages); kValueOutOfRange past 64 bits.
Result<ComparisonResult> CompareValues(const plan::Plan& plan, const std::string& a, const std::string& b);

/// The reply text: the number for a difference or percentage, two lines `label value` for both.
std::string ComparisonText(const ComparisonResult& comparison);

/// `videobot sql` for a comparison: each side's SQL (DescribeQuery) after a `-- A: label` or
/// `-- B: label` line.
std::string DescribeComparisonQueries(const plan::Plan& plan, sql::Dialect dialect, const plan::TimeContext& context);

/// The explanation of a comparison: how the result is computed, then each side's DescribePlan
/// after its label.
std::string DescribeComparison(const plan::Plan& plan, const plan::TimeContext& context);

}  // namespace videobot::service
