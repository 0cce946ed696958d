#pragma once
// Comparisons of two scalar values: the rules a comparison plan follows and the exact arithmetic
// of its answer. Side A is the plan without `compare`, side B that plan with `compare.with` put
// in (ComparisonSideA / ComparisonSideB in plan.hpp); each side is an ordinary one-number plan.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "common/result.hpp"
#include "plan/plan.hpp"

namespace videobot::plan {

/// The comparison rules (the plan is assumed schema-valid and to have `compare`): one number on
/// each side (no series, no group_by), at least one member of `with`, each member replacing
/// something side A has (a period, a creator filter, a metric, a moment), the two sides different,
/// and both sides valid plans by `check_side`. Errors: kPlanSemantic, kPlanTimeRange, kPlanLimit.
Status CheckComparison(const Plan& plan, const std::function<Status(const Plan&)>& check_side);

/// A − B, or nullopt when it leaves the 64-bit range.
std::optional<std::int64_t> ExactDifference(std::int64_t a, std::int64_t b);

/// (A − B) / B × 100 written with two decimals, rounded half away from zero, computed exactly on
/// integers ("-12.35", "0.00", "250.00"); nullopt when B is 0 (or the value leaves the range).
std::optional<std::string> ExactPercent(std::int64_t a, std::int64_t b);

}  // namespace videobot::plan
