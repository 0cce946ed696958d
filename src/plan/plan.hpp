#pragma once
// The query plan: a closed description of what to compute. Mirrors schema/plan.schema.json.
// Plans are built by the plan sources (nl/, llm/), checked by Validate (validator.hpp) and
// compiled by sql/. Every string in a plan comes from a closed enum or a pattern-checked id.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/metrics.hpp"
#include "common/time.hpp"

namespace videobot::plan {

enum class Action { kQuery, kRefuse };
enum class RefusalReason { kNotUnderstood, kOutOfScope, kModification, kAmbiguous };
/// kState: one row per video published by the moment `Plan::as_of`, with its counters as of that
/// moment (those of its latest snapshot at or before it, 0 before its first snapshot).
enum class Source { kVideos, kSnapshots, kState };
enum class Aggregate { kCount, kCountDistinct, kSum, kAvg, kMin, kMax };

/// Counters, deltas and distinct-able keys. Counters mean final counters on videos and
/// counters at measurement time on snapshots; deltas exist on snapshots only.
enum class Field {
  kViews,
  kLikes,
  kComments,
  kReports,
  kDeltaViews,
  kDeltaLikes,
  kDeltaComments,
  kDeltaReports,
  kVideoId,
  kCreatorId,
  kPublicationDate,
  kMeasurementDate,
};

enum class CompareOp { kGreater, kGreaterEqual, kLess, kLessEqual, kEqual, kNotEqual };
enum class GroupBy { kCreator, kVideo, kPublicationDate, kMeasurementDate };
enum class Order { kDesc, kAsc };

enum class Relative {
  kToday,
  kYesterday,
  kThisWeek,
  kLastWeek,
  kThisMonth,
  kLastMonth,
  kThisYear,
  kLastYear,
  kLastNDays,
  kLastNHours,
};

/// One end of an absolute period: a whole date or a date and time (local to the configured
/// time zone). A date as `from` means the start of that day; as `to`, the end of that day.
struct PeriodBound {
  DateTime value;
  bool has_time = false;
  friend bool operator==(const PeriodBound&, const PeriodBound&) = default;
};

/// The moment of a state plan (local to the configured time zone): a date means the end of
/// that day (snapshots before the next midnight), a date and time that instant (snapshots at or
/// before it). The start of a day is written as its 00:00.
using Moment = PeriodBound;

/// An absolute range (either end may be open) or a relative period.
struct Period {
  std::optional<PeriodBound> from;
  std::optional<PeriodBound> to;
  std::optional<Relative> relative;
  std::optional<int> count;  ///< N for kLastNDays / kLastNHours
  friend bool operator==(const Period&, const Period&) = default;
};

/// field op value, e.g. views_count > 100000.
struct Condition {
  Field field = Field::kViews;
  CompareOp op = CompareOp::kGreater;
  std::int64_t value = 0;
  friend bool operator==(const Condition&, const Condition&) = default;
};

struct Filters {
  std::vector<std::string> creator_ids;  ///< empty: any creator
  std::vector<std::string> video_ids;    ///< empty: any video
  std::optional<Period> published;
  std::optional<Period> measured;
  std::optional<int> hours_after_publication;
  std::vector<Condition> conditions;
  friend bool operator==(const Filters&, const Filters&) = default;
};

/// The size of one bucket of a series: an hour, a day, an ISO week (Monday to Sunday) or a
/// calendar month, in the configured time zone.
enum class Bucket { kHour, kDay, kWeek, kMonth };
/// Which time a series is bucketed by: the measurement time of snapshots or the publication time
/// of videos.
enum class SeriesTime { kMeasurement, kPublication };

/// A series over time: the plan's aggregate computed per bucket over a bounded period (the
/// `measured` filter for measurement time, the `published` filter for publication time), every
/// bucket of that period present (0 where nothing happened).
struct Series {
  Bucket bucket = Bucket::kDay;
  SeriesTime time = SeriesTime::kMeasurement;
  friend bool operator==(const Series&, const Series&) = default;
};

/// How two values A and B are compared: A − B, (A − B) / B × 100 (two decimals; refused when B is
/// 0), or both values side by side.
enum class CompareMode { kDifference, kPercent, kBoth };

/// What side B of a comparison changes in the plan (side A): each set member replaces the plan's
/// own (`creator_ids` the creator filter, `published`/`measured` the period, `field` the metric,
/// `as_of` the moment); everything else is shared.
struct CompareWith {
  std::optional<std::vector<std::string>> creator_ids;
  std::optional<Period> published;
  std::optional<Period> measured;
  std::optional<Field> field;
  std::optional<Moment> as_of;
  friend bool operator==(const CompareWith&, const CompareWith&) = default;
};

/// A comparison of the plan's scalar value (A) with the value of the plan changed by `with` (B).
struct Comparison {
  CompareMode mode = CompareMode::kDifference;
  CompareWith with;
  friend bool operator==(const Comparison&, const Comparison&) = default;
};

/// A whole plan. For kRefuse only `refusal_reason` is meaningful.
struct Plan {
  Action action = Action::kQuery;
  std::optional<RefusalReason> refusal_reason;
  Source source = Source::kVideos;
  Aggregate aggregate = Aggregate::kCount;
  std::optional<Field> field;
  Filters filters;
  std::optional<GroupBy> group_by;
  std::optional<Order> order;
  std::optional<int> limit;
  std::optional<Moment> as_of;        ///< set exactly for Source::kState
  std::optional<Series> series;       ///< set for a series over time, absent for one number
  std::optional<Comparison> compare;  ///< set for a comparison of two scalar values
  /// A time zone named in the question («по Москве», «по UTC»): its days, months, relative
  /// periods, moments and series buckets are read in this offset instead of the configured one.
  std::optional<UtcOffset> time_zone;
  friend bool operator==(const Plan&, const Plan&) = default;
};

/// A refusal plan with `reason`.
Plan MakeRefusal(RefusalReason reason);

/// Side A of a comparison plan: the plan without its comparison.
Plan ComparisonSideA(const Plan& plan);

/// Side B of a comparison plan: side A with the members of `compare.with` put in.
Plan ComparisonSideB(const Plan& plan);

/// True for the eight counter/delta fields.
bool IsNumericField(Field field);

/// True for the four delta fields.
bool IsDeltaField(Field field);

/// The catalogue metric of a counter or delta field (common/metrics.hpp); nullptr for the key
/// fields (video, creator, dates).
const metrics::Metric* MetricOf(Field field);

/// The fields that are not a metric's column: what a distinct count or a group key counts.
enum class KeyField { kVideoId, kCreatorId, kPublicationDate, kMeasurementDate };

/// The key field `field` is; nullopt for a metric's column (MetricOf names its metric). A field is
/// always one or the other, so a switch over KeyField after MetricOf covers every field.
std::optional<KeyField> KeyOf(Field field);

/// The counter field of a catalogue metric: the inverse of MetricOf over the counters.
Field CounterFieldOf(const metrics::Metric& metric);

/// The delta field of a catalogue metric: the inverse of MetricOf over the deltas.
Field DeltaFieldOf(const metrics::Metric& metric);

}  // namespace videobot::plan
