// Periods → half-open UTC instant ranges.
#include <gtest/gtest.h>

#include "plan/resolve.hpp"

namespace videobot::plan {
namespace {

Instant At(const char* text) { return ParseTimestamp(text).value(); }

PeriodBound Day(int y, int m, int d) { return PeriodBound{DateTime{Date{y, m, d}, 0}, false}; }

TEST(Resolve, InclusiveDayRangeEndsAtNextMidnight) {
  Period period{Day(2025, 11, 1), Day(2025, 11, 5), std::nullopt, std::nullopt};
  const auto range = Resolve(period, TimeContext{0, UtcOffset{0}});
  EXPECT_EQ(range.from, At("2025-11-01T00:00:00Z"));
  EXPECT_EQ(range.to, At("2025-11-06T00:00:00Z"));
}

TEST(Resolve, DateTimeEndIsExclusive) {
  Period period{PeriodBound{DateTime{Date{2025, 11, 28}, 10 * 3600}, true},
                PeriodBound{DateTime{Date{2025, 11, 28}, 15 * 3600}, true}, std::nullopt, std::nullopt};
  const auto range = Resolve(period, TimeContext{0, UtcOffset{0}});
  EXPECT_EQ(range.from, At("2025-11-28T10:00:00Z"));
  EXPECT_EQ(range.to, At("2025-11-28T15:00:00Z"));
}

TEST(Resolve, TimeZoneShiftsDayBoundaries) {
  Period period{Day(2025, 11, 28), Day(2025, 11, 28), std::nullopt, std::nullopt};
  const auto range = Resolve(period, TimeContext{0, UtcOffset{180}});
  EXPECT_EQ(range.from, At("2025-11-27T21:00:00Z"));
  EXPECT_EQ(range.to, At("2025-11-28T21:00:00Z"));
}

Plan StateAt(Moment moment) {
  Plan plan;
  plan.source = Source::kState;
  plan.as_of = moment;
  return plan;
}

TEST(ResolveMoment, ADateIsTheNextMidnightAndAnInstantIncludesItself) {
  const TimeContext utc{0, UtcOffset{0}};
  EXPECT_EQ(ResolveMoment(StateAt(Day(2025, 11, 28)), utc), At("2025-11-29T00:00:00Z"));
  const Moment ten{DateTime{Date{2025, 11, 28}, 10 * 3600}, true};
  EXPECT_EQ(ResolveMoment(StateAt(ten), utc), At("2025-11-28T10:00:00Z") + 1);
  const Moment start_of_november{DateTime{Date{2025, 11, 1}, 0}, true};
  EXPECT_EQ(ResolveMoment(StateAt(start_of_november), utc), At("2025-11-01T00:00:00Z") + 1);
  EXPECT_EQ(ResolveMoment(Plan{}, utc), std::nullopt);
}

TEST(ResolveMoment, FollowsTheTimeZone) {
  const TimeContext moscow{0, UtcOffset{180}};
  EXPECT_EQ(ResolveMoment(StateAt(Day(2025, 11, 28)), moscow), At("2025-11-28T21:00:00Z"));
  const Moment ten{DateTime{Date{2025, 11, 28}, 10 * 3600}, true};
  EXPECT_EQ(ResolveMoment(StateAt(ten), moscow), At("2025-11-28T07:00:00Z") + 1);
}

TEST(Resolve, RelativePeriods) {
  const TimeContext context{At("2025-12-03T12:30:00Z"), UtcOffset{0}};  // a Wednesday
  auto resolve = [&](Relative r, std::optional<int> n = std::nullopt) {
    return Resolve(Period{std::nullopt, std::nullopt, r, n}, context);
  };
  EXPECT_EQ(resolve(Relative::kYesterday), (InstantRange{At("2025-12-02T00:00:00Z"), At("2025-12-03T00:00:00Z")}));
  EXPECT_EQ(resolve(Relative::kToday), (InstantRange{At("2025-12-03T00:00:00Z"), At("2025-12-04T00:00:00Z")}));
  EXPECT_EQ(resolve(Relative::kThisWeek), (InstantRange{At("2025-12-01T00:00:00Z"), At("2025-12-08T00:00:00Z")}));
  EXPECT_EQ(resolve(Relative::kLastWeek), (InstantRange{At("2025-11-24T00:00:00Z"), At("2025-12-01T00:00:00Z")}));
  EXPECT_EQ(resolve(Relative::kLastMonth), (InstantRange{At("2025-11-01T00:00:00Z"), At("2025-12-01T00:00:00Z")}));
  EXPECT_EQ(resolve(Relative::kLastNDays, 7), (InstantRange{At("2025-11-27T00:00:00Z"), At("2025-12-04T00:00:00Z")}));
  EXPECT_EQ(resolve(Relative::kLastNHours, 2), (InstantRange{At("2025-12-03T10:30:00Z"), At("2025-12-03T12:30:00Z")}));
  const TimeContext january{At("2026-01-10T00:00:00Z"), UtcOffset{0}};
  EXPECT_EQ(Resolve(Period{std::nullopt, std::nullopt, Relative::kLastMonth, std::nullopt}, january),
            (InstantRange{At("2025-12-01T00:00:00Z"), At("2026-01-01T00:00:00Z")}));
}

}  // namespace
}  // namespace videobot::plan
