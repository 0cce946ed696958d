#include "plan/semantics.hpp"

#include <string>

#include "plan/comparison.hpp"
#include "plan/plan_json.hpp"
#include "plan/series.hpp"

namespace videobot::plan::semantics {
namespace {

bool IsSnapshots(const Plan& plan) { return plan.source == Source::kSnapshots; }
bool IsState(const Plan& plan) { return plan.source == Source::kState; }

// A state plan has a moment and nothing that belongs to measurements over time: no deltas, no
// measurement period, no window after publication, no measurement days.
Status CheckMoment(const Plan& plan) {
  if (!IsState(plan)) {
    if (plan.as_of) return Fail(ErrorCode::kPlanSemantic, "as_of is set only for source state", "/as_of");
    return Ok{};
  }
  if (!plan.as_of) return Fail(ErrorCode::kPlanSemantic, "source state needs the moment as_of", "/as_of");
  const std::string deltas_message = "at a moment only counters (views_count …) are known, not deltas";
  if (plan.field && IsDeltaField(*plan.field)) return Fail(ErrorCode::kPlanSemantic, deltas_message, "/field");
  const auto& conditions = plan.filters.conditions;
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    if (IsDeltaField(conditions[i].field)) {
      return Fail(ErrorCode::kPlanSemantic, deltas_message, "/filters/conditions/" + std::to_string(i) + "/field");
    }
  }
  if (plan.filters.measured) {
    return Fail(ErrorCode::kPlanSemantic, "a measurement period does not go with the moment as_of",
                "/filters/measured");
  }
  if (plan.filters.hours_after_publication) {
    return Fail(ErrorCode::kPlanSemantic, "a window after publication does not go with the moment as_of",
                "/filters/hours_after_publication");
  }
  return Ok{};
}

Status CheckField(const Plan& plan) {
  const auto& field = plan.field;
  switch (plan.aggregate) {
    case Aggregate::kCount:
      if (field) return Fail(ErrorCode::kPlanSemantic, "count takes no field", "/field");
      return Ok{};
    case Aggregate::kCountDistinct:
      if (!field || IsNumericField(*field)) {
        return Fail(ErrorCode::kPlanSemantic,
                    "count_distinct counts video_id, creator_id, publication_date or measurement_date", "/field");
      }
      if (*field == Field::kMeasurementDate && !IsSnapshots(plan)) {
        return Fail(ErrorCode::kPlanSemantic, "measurement_date exists on snapshots only", "/field");
      }
      return Ok{};
    case Aggregate::kSum:
    case Aggregate::kAvg:
    case Aggregate::kMin:
    case Aggregate::kMax:
      if (!field || !IsNumericField(*field)) {
        return Fail(ErrorCode::kPlanSemantic, "sum/avg/min/max apply to a counter or a delta", "/field");
      }
      if (IsDeltaField(*field) && !IsSnapshots(plan)) {
        return Fail(ErrorCode::kPlanSemantic, "deltas (delta_*) exist on snapshots only", "/field");
      }
      return Ok{};
  }
  return Ok{};
}

// Start of a bound as a comparable local date-time; a date-only `to` ends at the next midnight.
DateTime StartOf(const PeriodBound& bound) { return bound.value; }
DateTime EndOf(const PeriodBound& bound) {
  if (bound.has_time) return bound.value;
  return DateTime{AddDays(bound.value.date, 1), 0};
}

Status CheckPeriod(const Period& period, const std::string& path) {
  const bool absolute = period.from || period.to;
  if (period.relative) {
    if (absolute) {
      return Fail(ErrorCode::kPlanSemantic, "a period is either absolute (from/to) or relative", path + "/relative");
    }
    const bool needs_count = *period.relative == Relative::kLastNDays || *period.relative == Relative::kLastNHours;
    if (needs_count != period.count.has_value()) {
      return Fail(ErrorCode::kPlanSemantic, "count is used only with last_n_days and last_n_hours", path + "/count");
    }
    return Ok{};
  }
  if (!absolute) return Fail(ErrorCode::kPlanTimeRange, "the period has neither a start nor an end", path);
  if (period.count) return Fail(ErrorCode::kPlanSemantic, "count is used only with relative periods", path + "/count");
  if (period.from && period.to && !(StartOf(*period.from) < EndOf(*period.to))) {
    return Fail(ErrorCode::kPlanTimeRange, "the period ends before it starts", path + "/to");
  }
  return Ok{};
}

Status CheckFilters(const Plan& plan) {
  const Filters& filters = plan.filters;
  if (filters.published) {
    if (auto status = CheckPeriod(*filters.published, "/filters/published"); !status) return status;
  }
  if (filters.measured) {
    if (!IsSnapshots(plan)) {
      return Fail(ErrorCode::kPlanSemantic, "measurement time exists on snapshots only", "/filters/measured");
    }
    if (auto status = CheckPeriod(*filters.measured, "/filters/measured"); !status) return status;
  }
  if (filters.hours_after_publication && !IsSnapshots(plan)) {
    return Fail(ErrorCode::kPlanSemantic, "a window after publication applies to snapshots only",
                "/filters/hours_after_publication");
  }
  for (std::size_t i = 0; i < filters.conditions.size(); ++i) {
    if (IsDeltaField(filters.conditions[i].field) && !IsSnapshots(plan)) {
      return Fail(ErrorCode::kPlanSemantic, "a condition on a delta applies to snapshots only",
                  "/filters/conditions/" + std::to_string(i) + "/field");
    }
  }
  return Ok{};
}

Status CheckGrouping(const Plan& plan) {
  if (!plan.group_by) {
    if (plan.order) return Fail(ErrorCode::kPlanSemantic, "order without group_by", "/order");
    if (plan.limit) return Fail(ErrorCode::kPlanSemantic, "limit without group_by", "/limit");
    return Ok{};
  }
  if (*plan.group_by == GroupBy::kMeasurementDate && !IsSnapshots(plan)) {
    return Fail(ErrorCode::kPlanSemantic, "grouping by measurement day is for snapshots only", "/group_by");
  }
  if (!plan.limit) return Fail(ErrorCode::kPlanLimit, "grouping needs a limit (1..100)", "/limit");
  return Ok{};
}

}  // namespace

Status Check(const Plan& plan) {
  if (plan.action == Action::kRefuse) {
    if (!plan.refusal_reason) return Fail(ErrorCode::kPlanSemantic, "a refusal needs a reason", "/refusal_reason");
    return Ok{};
  }
  if (plan.compare) return CheckComparison(plan, Check);
  if (auto status = CheckMoment(plan); !status) return status;
  if (auto status = CheckField(plan); !status) return status;
  if (auto status = CheckFilters(plan); !status) return status;
  if (plan.series) return CheckSeries(plan);
  return CheckGrouping(plan);
}

}  // namespace videobot::plan::semantics
