#include "sql/rollup.hpp"

#include <fmt/format.h>

#include "sql/catalogue.hpp"
#include "sql/sql_builder.hpp"

namespace videobot::sql {
namespace {

using plan::Field;

// "views" for delta_views_count: the suffix of the rollup's positive_*/negative_* columns.
std::string_view MetricSuffix(Field field) {
  switch (field) {
    case Field::kDeltaViews: return "views";
    case Field::kDeltaLikes: return "likes";
    case Field::kDeltaComments: return "comments";
    default: return "reports";
  }
}

bool IsWholeUtcDay(const std::optional<Instant>& at) { return !at || *at % kMicrosPerDay == 0; }

// A sign condition on a delta ("delta > 0" / "delta < 0") as a rollup predicate; "" if the
// plan has no condition; nullopt if its condition cannot be read from the rollup.
std::optional<std::string> SignCondition(const plan::Plan& plan) {
  const auto& conditions = plan.filters.conditions;
  if (conditions.empty()) return std::string();
  if (conditions.size() != 1) return std::nullopt;
  const auto& c = conditions.front();
  if (!plan::IsDeltaField(c.field) || c.value != 0) return std::nullopt;
  if (c.op == plan::CompareOp::kGreater) return fmt::format("d.positive_{} > 0", MetricSuffix(c.field));
  if (c.op == plan::CompareOp::kLess) return fmt::format("d.negative_{} > 0", MetricSuffix(c.field));
  return std::nullopt;
}

// Where the plan's snapshots lie, as rows of a rollup: whole UTC days of measurement (or all
// time), or the first N hours after publication. Nullopt when neither rollup can say.
std::optional<RollupUse> RollupRange(const plan::Plan& plan, const plan::TimeContext& time) {
  RollupUse use;
  const auto& hours = plan.filters.hours_after_publication;
  if (hours) {
    if (plan.filters.measured || *hours > kAgeRollupHours) return std::nullopt;
    use.table = RollupTable::kAgeHours;
    use.age_hours = *hours;
    return use;
  }
  if (plan.filters.measured) {
    use.measured = plan::Resolve(*plan.filters.measured, time);
    if (!IsWholeUtcDay(use.measured->from) || !IsWholeUtcDay(use.measured->to)) return std::nullopt;
  }
  return use;
}

// A series reads the per-day rollup when its buckets are whole UTC days: day, week or month
// buckets of measurement time in UTC.
bool SeriesFitsDays(const plan::Plan& plan, const plan::TimeContext& time) {
  if (!plan.series) return true;
  return plan.series->time == plan::SeriesTime::kMeasurement && plan.series->bucket != plan::Bucket::kHour &&
         time.offset.minutes == 0 && !plan.filters.hours_after_publication;
}

// A grouped plan reads a rollup when every row of a group lies in the rollup rows it keeps: by
// creator, video or publication date (columns of the video), or by measurement date when days are
// UTC days and the rollup is the per-day one.
bool GroupFitsRollup(const plan::Plan& plan, const plan::TimeContext& time, const RollupUse& use) {
  if (!plan.group_by) return true;
  if (plan.series) return false;
  if (*plan.group_by != plan::GroupBy::kMeasurementDate) return true;
  return use.table == RollupTable::kDays && time.offset.minutes == 0;
}

}  // namespace

std::optional<RollupUse> RollupFor(const plan::Plan& plan, const plan::TimeContext& time, Dialect dialect) {
  // ClickHouse scans the snapshots themselves fast enough: it keeps no rollups.
  if (plan.source != plan::Source::kSnapshots || dialect == Dialect::kClickHouse) return std::nullopt;
  if (!SeriesFitsDays(plan, time)) return std::nullopt;
  auto use = RollupRange(plan, time);
  if (!use || !GroupFitsRollup(plan, time, *use)) return std::nullopt;
  auto condition = SignCondition(plan);
  if (!condition) return std::nullopt;
  const bool conditioned = !condition->empty();
  switch (plan.aggregate) {
    case plan::Aggregate::kSum:
      if (conditioned || !plan.field || !plan::IsDeltaField(*plan.field)) return std::nullopt;
      use->measure = fmt::format("SUM(d.{})", catalogue::NumericColumn(plan.source, *plan.field).substr(2));
      return use;
    case plan::Aggregate::kCount: {
      if (!conditioned) {
        use->measure = "SUM(d.snapshots)";
        return use;
      }
      // Counting snapshots with a positive delta is summing the positive counts of the rows.
      const auto& c = plan.filters.conditions.front();
      const bool positive = c.op == plan::CompareOp::kGreater;
      use->measure = fmt::format("SUM(d.{}_{})", positive ? "positive" : "negative", MetricSuffix(c.field));
      // A group exists only where some snapshot met the condition, as when counting snapshots.
      if (plan.group_by) use->condition = *condition;
      return use;
    }
    case plan::Aggregate::kCountDistinct:
      if (plan.field != Field::kVideoId) return std::nullopt;
      use->measure = fmt::format("COUNT(DISTINCT {})", BinaryText(dialect, catalogue::kRollupVideoId));
      use->condition = *condition;
      return use;
    default:
      return std::nullopt;
  }
}

}  // namespace videobot::sql
