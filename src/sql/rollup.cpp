#include "sql/rollup.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "sql/catalogue.hpp"
#include "sql/sql_builder.hpp"

namespace videobot::sql {
namespace {

using plan::Field;

// "views" for delta_views_count: the suffix of the rollup's positive_*/negative_* columns.
std::string_view MetricSuffix(Field field) {
  if (!catalogue::IsDelta(field)) throw std::logic_error("the rollups' sign columns exist for deltas only");
  return catalogue::MetricName(field);
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

// The rollup column suffix of a sign condition on a delta: «positive_views», «negative_likes».
std::string SignColumn(const plan::Condition& condition) {
  return fmt::format("{}_{}", condition.op == plan::CompareOp::kGreater ? "positive" : "negative",
                     MetricSuffix(condition.field));
}

// A summable measure (a delta sum or a snapshot count, counting only snapshots with a positive or
// negative delta when the plan says so) as a sum of a rollup column; nullopt for other measures.
std::optional<std::string> SummableMeasure(const plan::Plan& plan) {
  const auto condition = SignCondition(plan);
  if (!condition) return std::nullopt;
  if (plan.aggregate == plan::Aggregate::kSum) {
    if (!condition->empty() || !plan.field || !plan::IsDeltaField(*plan.field)) return std::nullopt;
    return fmt::format("SUM(d.{})", catalogue::NumericColumn(plan.source, *plan.field).substr(2));
  }
  if (plan.aggregate != plan::Aggregate::kCount) return std::nullopt;
  if (condition->empty()) return std::string("SUM(d.snapshots)");
  return fmt::format("SUM(d.{})", SignColumn(plan.filters.conditions.front()));
}

// The number of distinct videos (with a positive or negative delta when the plan says so) of one
// day, as the day totals keep it; nullopt for other measures.
std::optional<std::string> DistinctVideosMeasure(const plan::Plan& plan) {
  if (plan.aggregate != plan::Aggregate::kCountDistinct || plan.field != Field::kVideoId) return std::nullopt;
  const auto condition = SignCondition(plan);
  if (!condition) return std::nullopt;
  if (condition->empty()) return std::string("SUM(d.videos)");
  return fmt::format("SUM(d.videos_{})", SignColumn(plan.filters.conditions.front()));
}

bool IsMeasurementSeries(const plan::Plan& plan) {
  return plan.series && plan.series->time == plan::SeriesTime::kMeasurement;
}

// The measurement range of a plan when both ends (if any) lie on multiples of `unit` (UTC days or
// hours); nullopt otherwise. An absent filter is the unbounded range.
std::optional<plan::InstantRange> AlignedRange(const plan::Plan& plan, const plan::TimeContext& time, Instant unit) {
  if (!plan.filters.measured) return plan::InstantRange{};
  const auto range = plan::Resolve(*plan.filters.measured, time);
  const auto aligned = [unit](const std::optional<Instant>& at) { return !at || *at % unit == 0; };
  if (!aligned(range.from) || !aligned(range.to)) return std::nullopt;
  return range;
}

bool IsOneDay(const plan::InstantRange& range) {
  return range.from && range.to && *range.to - *range.from == kMicrosPerDay;
}

// The day totals: no filter but whole UTC days of measurement, no group; a series only of day,
// week or month buckets in UTC. Distinct videos only for one day, or per day of a daily series.
std::optional<RollupUse> DayTotalsFor(const plan::Plan& plan, const plan::TimeContext& time) {
  const auto& f = plan.filters;
  if (!f.creator_ids.empty() || !f.video_ids.empty() || f.published || f.hours_after_publication) return std::nullopt;
  if (plan.group_by) return std::nullopt;
  if (plan.series &&
      (!IsMeasurementSeries(plan) || plan.series->bucket == plan::Bucket::kHour || time.offset.minutes != 0)) {
    return std::nullopt;
  }
  auto range = AlignedRange(plan, time, kMicrosPerDay);
  if (!range) return std::nullopt;
  auto measure = SummableMeasure(plan);
  if (!measure) {
    const bool one_day_each = plan.series ? plan.series->bucket == plan::Bucket::kDay : IsOneDay(*range);
    if (one_day_each) measure = DistinctVideosMeasure(plan);
  }
  if (!measure) return std::nullopt;
  RollupUse use;
  use.table = RollupTable::kDayTotals;
  use.measure = std::move(*measure);
  if (f.measured) use.measured = *range;
  return use;
}

// The creator hours: no filter but creators and whole UTC hours of measurement; grouped by
// creator or not at all; a series of measurement time in a zone a whole number of hours from UTC
// (so that every UTC hour lies in one bucket).
std::optional<RollupUse> CreatorHoursFor(const plan::Plan& plan, const plan::TimeContext& time) {
  const auto& f = plan.filters;
  if (!f.video_ids.empty() || f.published || f.hours_after_publication) return std::nullopt;
  if (plan.group_by && (plan.series || *plan.group_by != plan::GroupBy::kCreator)) return std::nullopt;
  if (plan.series && (!IsMeasurementSeries(plan) || time.offset.minutes % 60 != 0)) return std::nullopt;
  auto range = AlignedRange(plan, time, kMicrosPerHour);
  if (!range) return std::nullopt;
  auto measure = SummableMeasure(plan);
  if (!measure) return std::nullopt;
  RollupUse use;
  use.table = RollupTable::kCreatorHours;
  use.measure = std::move(*measure);
  if (f.measured) use.measured = *range;
  // A group exists only where some snapshot met the condition, as when counting snapshots.
  if (plan.group_by) use.condition = *SignCondition(plan);
  return use;
}

// The per-video rollups: per day of measurement or per hour of age.
std::optional<RollupUse> PerVideoRollupFor(const plan::Plan& plan, const plan::TimeContext& time, Dialect dialect) {
  if (!SeriesFitsDays(plan, time)) return std::nullopt;
  auto use = RollupRange(plan, time);
  if (!use || !GroupFitsRollup(plan, time, *use)) return std::nullopt;
  const auto condition = SignCondition(plan);
  if (!condition) return std::nullopt;
  if (auto measure = SummableMeasure(plan)) {
    use->measure = std::move(*measure);
    // A group exists only where some snapshot met the condition, as when counting snapshots.
    if (plan.group_by) use->condition = *condition;
    return use;
  }
  if (plan.aggregate != plan::Aggregate::kCountDistinct || plan.field != Field::kVideoId) return std::nullopt;
  use->measure = fmt::format("COUNT(DISTINCT {})", BinaryText(dialect, catalogue::kRollupVideoId));
  use->condition = *condition;
  return use;
}

}  // namespace

std::optional<RollupUse> RollupFor(const plan::Plan& plan, const plan::TimeContext& time, Dialect dialect) {
  // ClickHouse scans the snapshots themselves fast enough: it keeps no rollups.
  if (plan.source != plan::Source::kSnapshots || dialect == Dialect::kClickHouse) return std::nullopt;
  // The smallest rollup that can answer first: a row per day, a row per creator and hour, then a
  // row per video and day (or hour of age).
  if (auto use = DayTotalsFor(plan, time)) return use;
  if (auto use = CreatorHoursFor(plan, time)) return use;
  return PerVideoRollupFor(plan, time, dialect);
}

}  // namespace videobot::sql
