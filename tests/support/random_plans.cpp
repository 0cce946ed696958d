#include "support/random_plans.hpp"

#include <algorithm>
#include <random>

#include "plan/validator.hpp"

namespace videobot::testing {
namespace {

using plan::Field;

class Draw {
 public:
  explicit Draw(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t Below(std::uint64_t n) { return engine_() % n; }
  bool Chance(int percent) { return static_cast<int>(Below(100)) < percent; }
  template <typename T>
  const T& Pick(const std::vector<T>& values) {
    return values[Below(values.size())];
  }

 private:
  std::mt19937_64 engine_;
};

const std::vector<Field> kCounters{Field::kViews, Field::kLikes, Field::kComments, Field::kReports};
const std::vector<Field> kDeltas{Field::kDeltaViews, Field::kDeltaLikes, Field::kDeltaComments, Field::kDeltaReports};

Field NumericField(Draw& draw, bool snapshots) {
  if (snapshots && draw.Chance(60)) return draw.Pick(kDeltas);
  return draw.Pick(kCounters);
}

plan::PeriodBound Bound(Draw& draw, Instant around, bool with_time) {
  const Instant at = around + static_cast<Instant>(draw.Below(72)) * kMicrosPerHour - 36 * kMicrosPerHour;
  DateTime local = ToLocal(at, UtcOffset{0});
  if (!with_time)
    local.seconds_of_day = 0;
  else
    local.seconds_of_day = local.seconds_of_day / 3600 * 3600;
  return plan::PeriodBound{local, with_time};
}

plan::Period RandomPeriod(Draw& draw, Instant around) {
  plan::Period period;
  const int kind = static_cast<int>(draw.Below(10));
  if (kind < 2) {
    static const std::vector<plan::Relative> kRelatives{
        plan::Relative::kToday,     plan::Relative::kYesterday, plan::Relative::kThisWeek, plan::Relative::kLastWeek,
        plan::Relative::kThisMonth, plan::Relative::kLastMonth, plan::Relative::kThisYear, plan::Relative::kLastYear,
        plan::Relative::kLastNDays, plan::Relative::kLastNHours};
    period.relative = draw.Pick(kRelatives);
    if (*period.relative == plan::Relative::kLastNDays) period.count = 1 + static_cast<int>(draw.Below(10));
    if (*period.relative == plan::Relative::kLastNHours) period.count = 1 + static_cast<int>(draw.Below(48));
    return period;
  }
  const bool with_time = kind >= 7;
  if (kind != 2) period.from = Bound(draw, around, with_time);
  if (kind != 3) {
    period.to = Bound(draw, around + static_cast<Instant>(draw.Below(96)) * kMicrosPerHour, with_time);
  }
  return period;
}

plan::Plan RandomPlan(Draw& draw, const Dataset& data) {
  plan::Plan p;
  const bool snapshots = draw.Chance(55);
  p.source = snapshots ? plan::Source::kSnapshots : plan::Source::kVideos;
  const auto& video = draw.Pick(data.videos);
  const Instant some_measurement =
      video.snapshots.empty() ? video.published_at : video.snapshots[draw.Below(video.snapshots.size())].measured_at;
  switch (draw.Below(6)) {
    case 0: p.aggregate = plan::Aggregate::kCount; break;
    case 1: {
      p.aggregate = plan::Aggregate::kCountDistinct;
      std::vector<Field> keys{Field::kVideoId, Field::kCreatorId, Field::kPublicationDate};
      if (snapshots) keys.push_back(Field::kMeasurementDate);
      p.field = draw.Pick(keys);
      break;
    }
    default: {
      static const std::vector<plan::Aggregate> kNumeric{plan::Aggregate::kSum, plan::Aggregate::kAvg,
                                                         plan::Aggregate::kMin, plan::Aggregate::kMax};
      p.aggregate = draw.Pick(kNumeric);
      p.field = NumericField(draw, snapshots);
    }
  }
  auto& f = p.filters;
  if (draw.Chance(30)) {
    f.creator_ids.push_back(draw.Chance(85) ? video.creator_id : "0123456789abcdef0123456789abcdef");
    if (draw.Chance(30)) f.creator_ids.push_back(draw.Pick(data.videos).creator_id);
  }
  if (draw.Chance(10)) f.video_ids.push_back(video.id);
  if (draw.Chance(30)) f.published = RandomPeriod(draw, video.published_at);
  if (snapshots && draw.Chance(50)) f.measured = RandomPeriod(draw, some_measurement);
  if (snapshots && draw.Chance(15)) f.hours_after_publication = 1 + static_cast<int>(draw.Below(48));
  const int conditions = static_cast<int>(draw.Below(3));
  for (int i = 0; i < conditions; ++i) {
    static const std::vector<plan::CompareOp> kOps{plan::CompareOp::kGreater, plan::CompareOp::kGreaterEqual,
                                                   plan::CompareOp::kLess,    plan::CompareOp::kLessEqual,
                                                   plan::CompareOp::kEqual,   plan::CompareOp::kNotEqual};
    const Field field = NumericField(draw, snapshots);
    const std::int64_t value = draw.Chance(30) ? 0 : static_cast<std::int64_t>(draw.Below(20000)) - 100;
    f.conditions.push_back(plan::Condition{field, draw.Pick(kOps), value});
  }
  if (draw.Chance(20)) {
    std::vector<plan::GroupBy> groups{plan::GroupBy::kCreator, plan::GroupBy::kVideo, plan::GroupBy::kPublicationDate};
    if (snapshots) groups.push_back(plan::GroupBy::kMeasurementDate);
    p.group_by = draw.Pick(groups);
    p.order = draw.Chance(50) ? plan::Order::kDesc : plan::Order::kAsc;
    p.limit = 1 + static_cast<int>(draw.Below(10));
  }
  return p;
}

// A moment near the data: a whole day around a measurement, an instant between measurements
// (minutes, sometimes seconds), or a moment before a video's first measurement.
plan::Moment RandomMoment(Draw& draw, const OracleVideo& video) {
  Instant around = video.published_at;
  if (!video.snapshots.empty()) {
    const std::size_t first_few = std::min<std::size_t>(video.snapshots.size(), 3);
    const bool early = draw.Chance(25);
    const std::size_t index = early ? draw.Below(first_few) : draw.Below(video.snapshots.size());
    around = video.snapshots[index].measured_at;
    // Just before the first measurement: the video exists but has no counters yet (0).
    if (early && index == 0 && draw.Chance(50))
      around -= static_cast<Instant>(1 + draw.Below(50)) * 60 * kMicrosPerSecond;
  }
  const Instant shift = static_cast<Instant>(draw.Below(6 * 3600)) * kMicrosPerSecond - 3 * kMicrosPerHour;
  DateTime local = ToLocal(around + shift, UtcOffset{0});
  switch (draw.Below(4)) {
    case 0: return plan::Moment{DateTime{local.date, 0}, false};
    case 1: return plan::Moment{DateTime{local.date, local.seconds_of_day / 3600 * 3600}, true};
    case 2: return plan::Moment{DateTime{local.date, local.seconds_of_day / 60 * 60}, true};
    default: return plan::Moment{local, true};
  }
}

plan::Plan RandomStatePlan(Draw& draw, const Dataset& data) {
  plan::Plan p;
  p.source = plan::Source::kState;
  const auto& video = draw.Pick(data.videos);
  p.as_of = RandomMoment(draw, video);
  switch (draw.Below(6)) {
    case 0: p.aggregate = plan::Aggregate::kCount; break;
    case 1:
      p.aggregate = plan::Aggregate::kCountDistinct;
      p.field = draw.Pick(std::vector<Field>{Field::kVideoId, Field::kCreatorId, Field::kPublicationDate});
      break;
    default:
      p.aggregate = draw.Pick(std::vector<plan::Aggregate>{plan::Aggregate::kSum, plan::Aggregate::kAvg,
                                                           plan::Aggregate::kMin, plan::Aggregate::kMax});
      p.field = draw.Pick(kCounters);
  }
  auto& f = p.filters;
  if (draw.Chance(30)) f.creator_ids.push_back(video.creator_id);
  if (draw.Chance(15)) f.video_ids.push_back(video.id);
  if (draw.Chance(20)) f.published = RandomPeriod(draw, video.published_at);
  const int conditions = static_cast<int>(draw.Below(3));
  for (int i = 0; i < conditions; ++i) {
    const Field field = draw.Pick(kCounters);
    std::int64_t value = draw.Chance(25) ? 0 : static_cast<std::int64_t>(draw.Below(5000));
    if (!video.snapshots.empty() && draw.Chance(40)) {
      const auto& snapshot = video.snapshots[draw.Below(video.snapshots.size())];
      value = snapshot.counters[static_cast<std::size_t>(field)];
    }
    f.conditions.push_back(plan::Condition{
        field,
        draw.Pick(std::vector<plan::CompareOp>{plan::CompareOp::kGreater, plan::CompareOp::kGreaterEqual,
                                               plan::CompareOp::kLess, plan::CompareOp::kLessEqual,
                                               plan::CompareOp::kEqual, plan::CompareOp::kNotEqual}),
        value});
  }
  if (draw.Chance(20)) {
    p.group_by = draw.Pick(
        std::vector<plan::GroupBy>{plan::GroupBy::kCreator, plan::GroupBy::kVideo, plan::GroupBy::kPublicationDate});
    p.order = draw.Chance(50) ? plan::Order::kDesc : plan::Order::kAsc;
    p.limit = 1 + static_cast<int>(draw.Below(10));
  }
  return p;
}

// A bounded period for a series around `around`: sometimes relative, mostly absolute spans of a
// few hours (hour buckets) or up to two months (other buckets), with dates or date-times.
plan::Period SeriesPeriod(Draw& draw, Instant around, plan::Bucket bucket) {
  plan::Period period;
  if (draw.Chance(15)) {
    static const std::vector<plan::Relative> kShort{plan::Relative::kToday,     plan::Relative::kYesterday,
                                                    plan::Relative::kThisWeek,  plan::Relative::kLastWeek,
                                                    plan::Relative::kLastNDays, plan::Relative::kLastNHours};
    period.relative = draw.Pick(kShort);
    if (*period.relative == plan::Relative::kLastNDays) period.count = 1 + static_cast<int>(draw.Below(10));
    if (*period.relative == plan::Relative::kLastNHours) period.count = 1 + static_cast<int>(draw.Below(72));
    return period;
  }
  const bool with_time = draw.Chance(30);
  const int days =
      bucket == plan::Bucket::kHour ? 1 + static_cast<int>(draw.Below(4)) : 1 + static_cast<int>(draw.Below(60));
  const Instant start =
      around - static_cast<Instant>(draw.Below(static_cast<std::uint64_t>(days) * 24)) * kMicrosPerHour;
  period.from = Bound(draw, start, with_time);
  DateTime end = ToLocal(ToInstant(period.from->value, UtcOffset{}) + days * kMicrosPerDay, UtcOffset{});
  if (with_time) {
    end.seconds_of_day = end.seconds_of_day / 3600 * 3600;
    period.to = plan::PeriodBound{end, true};
  } else {
    period.to = plan::PeriodBound{DateTime{AddDays(end.date, -1), 0}, false};
  }
  return period;
}

plan::Plan RandomSeriesPlan(Draw& draw, const Dataset& data) {
  plan::Plan p = RandomPlan(draw, data);
  p.group_by.reset();
  p.order.reset();
  p.limit.reset();
  if (p.aggregate != plan::Aggregate::kCount && p.aggregate != plan::Aggregate::kCountDistinct) {
    p.aggregate = plan::Aggregate::kSum;
  }
  static const std::vector<plan::Bucket> kBuckets{plan::Bucket::kHour, plan::Bucket::kDay, plan::Bucket::kWeek,
                                                  plan::Bucket::kMonth};
  const plan::Bucket bucket = draw.Pick(kBuckets);
  const bool measurement = p.source == plan::Source::kSnapshots && draw.Chance(75);
  const auto& video = draw.Pick(data.videos);
  if (measurement && !video.snapshots.empty()) {
    p.filters.measured = SeriesPeriod(draw, video.snapshots[draw.Below(video.snapshots.size())].measured_at, bucket);
  } else {
    p.filters.published = SeriesPeriod(draw, video.published_at, bucket);
  }
  p.series = plan::Series{bucket, measurement ? plan::SeriesTime::kMeasurement : plan::SeriesTime::kPublication};
  // Day-rollup shapes (growth over whole UTC days, no other filter) now and then.
  if (measurement && bucket != plan::Bucket::kHour && draw.Chance(30)) {
    p.filters.conditions.clear();
    p.filters.hours_after_publication.reset();
    if (p.filters.measured && p.filters.measured->from) {
      p.filters.measured->from->has_time = false;
      p.filters.measured->from->value.seconds_of_day = 0;
      p.filters.measured->to->has_time = false;
      p.filters.measured->to->value.seconds_of_day = 0;
    }
  }
  return p;
}

}  // namespace

std::vector<plan::Plan> RandomSeriesPlans(const Dataset& data, int count, std::uint64_t seed) {
  Draw draw(seed);
  std::vector<plan::Plan> plans;
  while (static_cast<int>(plans.size()) < count) {
    auto candidate = plan::ValidatePlan(RandomSeriesPlan(draw, data));
    if (candidate) plans.push_back(std::move(*candidate));
  }
  return plans;
}

std::vector<plan::Plan> RandomStatePlans(const Dataset& data, int count, std::uint64_t seed) {
  Draw draw(seed);
  std::vector<plan::Plan> plans;
  while (static_cast<int>(plans.size()) < count) {
    auto candidate = plan::ValidatePlan(RandomStatePlan(draw, data));
    if (candidate) plans.push_back(std::move(*candidate));
  }
  return plans;
}

std::vector<plan::Plan> RandomPlans(const Dataset& data, int count, std::uint64_t seed) {
  Draw draw(seed);
  std::vector<plan::Plan> plans;
  while (static_cast<int>(plans.size()) < count) {
    auto candidate = plan::ValidatePlan(RandomPlan(draw, data));
    if (candidate) plans.push_back(std::move(*candidate));
  }
  return plans;
}

}  // namespace videobot::testing
