#include "plan/semantics.hpp"

#include <string>

#include "plan/plan_json.hpp"

namespace videobot::plan::semantics {
namespace {

bool IsSnapshots(const Plan& plan) { return plan.source == Source::kSnapshots; }
bool IsState(const Plan& plan) { return plan.source == Source::kState; }

// A state plan has a moment and nothing that belongs to measurements over time: no deltas, no
// measurement period, no window after publication, no measurement days.
Status CheckMoment(const Plan& plan) {
  if (!IsState(plan)) {
    if (plan.as_of) return Fail(ErrorCode::kPlanSemantic, "момент as_of задаётся только для source state", "/as_of");
    return Ok{};
  }
  if (!plan.as_of) return Fail(ErrorCode::kPlanSemantic, "для source state нужен момент as_of", "/as_of");
  const std::string deltas_message = "на момент известны только счётчики (views_count …), не приросты";
  if (plan.field && IsDeltaField(*plan.field)) return Fail(ErrorCode::kPlanSemantic, deltas_message, "/field");
  const auto& conditions = plan.filters.conditions;
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    if (IsDeltaField(conditions[i].field)) {
      return Fail(ErrorCode::kPlanSemantic, deltas_message, "/filters/conditions/" + std::to_string(i) + "/field");
    }
  }
  if (plan.filters.measured) {
    return Fail(ErrorCode::kPlanSemantic, "период замеров не сочетается с моментом as_of", "/filters/measured");
  }
  if (plan.filters.hours_after_publication) {
    return Fail(ErrorCode::kPlanSemantic, "окно после публикации не сочетается с моментом as_of",
                "/filters/hours_after_publication");
  }
  return Ok{};
}

Status CheckField(const Plan& plan) {
  const auto& field = plan.field;
  switch (plan.aggregate) {
    case Aggregate::kCount:
      if (field) return Fail(ErrorCode::kPlanSemantic, "для count поле не указывается", "/field");
      return Ok{};
    case Aggregate::kCountDistinct:
      if (!field || IsNumericField(*field)) {
        return Fail(ErrorCode::kPlanSemantic,
                    "count_distinct считает video_id, creator_id, publication_date или measurement_date", "/field");
      }
      if (*field == Field::kMeasurementDate && !IsSnapshots(plan)) {
        return Fail(ErrorCode::kPlanSemantic, "measurement_date есть только у замеров (snapshots)", "/field");
      }
      return Ok{};
    case Aggregate::kSum:
    case Aggregate::kAvg:
    case Aggregate::kMin:
    case Aggregate::kMax:
      if (!field || !IsNumericField(*field)) {
        return Fail(ErrorCode::kPlanSemantic, "sum/avg/min/max применяются к счётчику или приросту", "/field");
      }
      if (IsDeltaField(*field) && !IsSnapshots(plan)) {
        return Fail(ErrorCode::kPlanSemantic, "приросты (delta_*) есть только у замеров (snapshots)", "/field");
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
      return Fail(ErrorCode::kPlanSemantic, "период задаётся либо датами, либо относительно", path + "/relative");
    }
    const bool needs_count = *period.relative == Relative::kLastNDays || *period.relative == Relative::kLastNHours;
    if (needs_count != period.count.has_value()) {
      return Fail(ErrorCode::kPlanSemantic, "count нужен только для last_n_days и last_n_hours", path + "/count");
    }
    return Ok{};
  }
  if (!absolute) return Fail(ErrorCode::kPlanTimeRange, "у периода нет ни начала, ни конца", path);
  if (period.count) return Fail(ErrorCode::kPlanSemantic, "count нужен только для относительных периодов", path + "/count");
  if (period.from && period.to && !(StartOf(*period.from) < EndOf(*period.to))) {
    return Fail(ErrorCode::kPlanTimeRange, "конец периода раньше его начала", path + "/to");
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
      return Fail(ErrorCode::kPlanSemantic, "время замера есть только у замеров (snapshots)", "/filters/measured");
    }
    if (auto status = CheckPeriod(*filters.measured, "/filters/measured"); !status) return status;
  }
  if (filters.hours_after_publication && !IsSnapshots(plan)) {
    return Fail(ErrorCode::kPlanSemantic, "окно после публикации применимо только к замерам",
                "/filters/hours_after_publication");
  }
  for (std::size_t i = 0; i < filters.conditions.size(); ++i) {
    if (IsDeltaField(filters.conditions[i].field) && !IsSnapshots(plan)) {
      return Fail(ErrorCode::kPlanSemantic, "условие на прирост применимо только к замерам",
                  "/filters/conditions/" + std::to_string(i) + "/field");
    }
  }
  return Ok{};
}

Status CheckGrouping(const Plan& plan) {
  if (!plan.group_by) {
    if (plan.order) return Fail(ErrorCode::kPlanSemantic, "order без group_by", "/order");
    if (plan.limit) return Fail(ErrorCode::kPlanSemantic, "limit без group_by", "/limit");
    return Ok{};
  }
  if (*plan.group_by == GroupBy::kMeasurementDate && !IsSnapshots(plan)) {
    return Fail(ErrorCode::kPlanSemantic, "группировка по дню замера только для замеров", "/group_by");
  }
  if (!plan.limit) return Fail(ErrorCode::kPlanLimit, "для группировки нужен limit (1..100)", "/limit");
  return Ok{};
}

}  // namespace

Status Check(const Plan& plan) {
  if (plan.action == Action::kRefuse) {
    if (!plan.refusal_reason) return Fail(ErrorCode::kPlanSemantic, "для отказа нужна причина", "/refusal_reason");
    return Ok{};
  }
  if (auto status = CheckMoment(plan); !status) return status;
  if (auto status = CheckField(plan); !status) return status;
  if (auto status = CheckFilters(plan); !status) return status;
  return CheckGrouping(plan);
}

}  // namespace videobot::plan::semantics
