#include "plan/series.hpp"

#include <fmt/format.h>

namespace videobot::plan {
namespace {

// The local start of the bucket holding the local date-time `local`.
DateTime BucketStart(Bucket bucket, const DateTime& local) {
  switch (bucket) {
    case Bucket::kHour: return DateTime{local.date, local.seconds_of_day / 3600 * 3600};
    case Bucket::kDay: return DateTime{local.date, 0};
    case Bucket::kWeek: return DateTime{AddDays(local.date, 1 - IsoWeekday(local.date)), 0};
    case Bucket::kMonth: return DateTime{Date{local.date.year, local.date.month, 1}, 0};
  }
  return local;
}

// The local start of the bucket after the one starting at `start`.
DateTime NextBucket(Bucket bucket, const DateTime& start) {
  switch (bucket) {
    case Bucket::kHour:
      if (start.seconds_of_day + 3600 < 86400) return DateTime{start.date, start.seconds_of_day + 3600};
      return DateTime{AddDays(start.date, 1), 0};
    case Bucket::kDay: return DateTime{AddDays(start.date, 1), 0};
    case Bucket::kWeek: return DateTime{AddDays(start.date, 7), 0};
    case Bucket::kMonth:
      if (start.date.month == 12) return DateTime{Date{start.date.year + 1, 1, 1}, 0};
      return DateTime{Date{start.date.year, start.date.month + 1, 1}, 0};
  }
  return start;
}

std::string FormatKey(Bucket bucket, const DateTime& start) {
  switch (bucket) {
    case Bucket::kHour: return fmt::format("{} {:02}:00", FormatDate(start.date), start.seconds_of_day / 3600);
    case Bucket::kMonth: return fmt::format("{:04}-{:02}", start.date.year, start.date.month);
    case Bucket::kDay:
    case Bucket::kWeek: break;
  }
  return FormatDate(start.date);
}

// The longest a relative period can last, in hours (months and years at their longest).
std::int64_t LongestRelativeHours(Relative relative, int count) {
  constexpr std::int64_t kHoursPerDay = 24;
  switch (relative) {
    case Relative::kToday:
    case Relative::kYesterday: return 24;
    case Relative::kThisWeek:
    case Relative::kLastWeek: return 7 * kHoursPerDay;
    case Relative::kThisMonth:
    case Relative::kLastMonth: return 31 * kHoursPerDay;
    case Relative::kThisYear:
    case Relative::kLastYear: return 366 * kHoursPerDay;
    case Relative::kLastNDays: return count * kHoursPerDay;
    case Relative::kLastNHours: return count;
  }
  return 0;
}

// The most buckets a relative period can overlap.
std::size_t MostBuckets(Bucket bucket, std::int64_t hours) {
  const std::int64_t days = (hours + 23) / 24;
  switch (bucket) {
    case Bucket::kHour: return static_cast<std::size_t>(hours + 1);
    case Bucket::kDay: return static_cast<std::size_t>(days + 1);
    case Bucket::kWeek: return static_cast<std::size_t>(days / 7 + 2);
    case Bucket::kMonth: return static_cast<std::size_t>(days / 28 + 2);
  }
  return 0;
}

Status TooManyBuckets(const std::string& path) {
  return Fail(ErrorCode::kPlanLimit,
              fmt::format("Слишком длинный ряд: не больше {} интервалов — возьмите интервал крупнее или период короче",
                          kMaxSeriesBuckets),
              path);
}

Status HoursTooLong(const std::string& path) {
  return Fail(ErrorCode::kPlanLimit,
              fmt::format("По часам можно показать период не длиннее {} дня — возьмите период короче или ряд по дням",
                          kMaxHourSeriesDays),
              path);
}

// The bucket limits of a period: hours only over at most kMaxHourSeriesDays days, at most
// kMaxSeriesBuckets buckets. Absolute periods are measured in local time (the offset is fixed).
Status CheckLength(Bucket bucket, const Period& period, const std::string& path) {
  std::int64_t hours = 0;
  std::size_t buckets = 0;
  if (period.relative) {
    hours = LongestRelativeHours(*period.relative, period.count.value_or(1));
    buckets = MostBuckets(bucket, hours);
  } else {
    const InstantRange range = Resolve(period, TimeContext{0, UtcOffset{}});
    hours = (*range.to - *range.from + kMicrosPerHour - 1) / kMicrosPerHour;
    if (bucket != Bucket::kHour || hours <= kMaxHourSeriesHours) {
      buckets = BucketKeys(bucket, range, UtcOffset{}).size();
    }
  }
  if (bucket == Bucket::kHour && hours > kMaxHourSeriesHours) return HoursTooLong(path);
  if (buckets > kMaxSeriesBuckets) return TooManyBuckets(path);
  return Ok{};
}

}  // namespace

std::string BucketKey(Bucket bucket, Instant at, UtcOffset offset) {
  return FormatKey(bucket, BucketStart(bucket, ToLocal(at, offset)));
}

std::vector<std::string> BucketKeys(Bucket bucket, const InstantRange& range, UtcOffset offset,
                                    std::size_t max_buckets) {
  std::vector<std::string> keys;
  if (!range.from || !range.to) return keys;
  for (DateTime start = BucketStart(bucket, ToLocal(*range.from, offset));
       ToInstant(start, offset) < *range.to && keys.size() < max_buckets; start = NextBucket(bucket, start)) {
    keys.push_back(FormatKey(bucket, start));
  }
  return keys;
}

const std::optional<Period>& SeriesPeriod(const Plan& plan) {
  static const std::optional<Period> kNone;
  if (!plan.series) return kNone;
  return plan.series->time == SeriesTime::kMeasurement ? plan.filters.measured : plan.filters.published;
}

Status CheckSeries(const Plan& plan) {
  const Series& series = *plan.series;
  if (plan.group_by) return Fail(ErrorCode::kPlanSemantic, "a series has no group_by", "/group_by");
  if (plan.aggregate != Aggregate::kCount && plan.aggregate != Aggregate::kCountDistinct &&
      plan.aggregate != Aggregate::kSum) {
    return Fail(ErrorCode::kPlanSemantic, "a series counts or sums (count, count_distinct, sum)", "/aggregate");
  }
  if (plan.source == Source::kState) return Fail(ErrorCode::kPlanSemantic, "a series is not a state", "/series");
  const bool measurement = series.time == SeriesTime::kMeasurement;
  if (measurement && plan.source != Source::kSnapshots) {
    return Fail(ErrorCode::kPlanSemantic, "a series over measurement time reads snapshots", "/series/time");
  }
  const std::string path = measurement ? "/filters/measured" : "/filters/published";
  const auto& period = SeriesPeriod(plan);
  if (!period || (!period->relative && (!period->from || !period->to))) {
    return Fail(ErrorCode::kPlanTimeRange, "a series needs a period with a start and an end", path);
  }
  return CheckLength(series.bucket, *period, path);
}

}  // namespace videobot::plan
