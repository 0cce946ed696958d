// The coverage guard: which plans the data can answer, and the refusals that name the range.
#include "service/coverage_guard.hpp"

#include <gtest/gtest.h>

namespace videobot::service {
namespace {

Instant At(const char* text) { return *ParseTimestamp(text); }

// Measurements from 26.11.2025 11:00:05 to 01.12.2025 10:00:09 UTC; publications through 30.11.
db::Coverage NovemberCoverage() {
  db::Coverage coverage;
  coverage.videos = 10;
  coverage.snapshots = 1000;
  coverage.first_measured = At("2025-11-26T11:00:05Z");
  coverage.last_measured = At("2025-12-01T10:00:09Z");
  coverage.first_published = At("2025-06-01T08:00:00Z");
  coverage.last_published = At("2025-11-30T20:00:00Z");
  return coverage;
}

plan::TimeContext Context(int offset_minutes = 0) {
  return plan::TimeContext{At("2026-12-02T12:00:00Z"), UtcOffset{offset_minutes}};
}

plan::Period Days(Date from, Date to) {
  plan::Period period;
  period.from = plan::PeriodBound{DateTime{from, 0}, false};
  period.to = plan::PeriodBound{DateTime{to, 0}, false};
  return period;
}

plan::Plan GrowthOn(Date from, Date to) {
  plan::Plan plan;
  plan.source = plan::Source::kSnapshots;
  plan.aggregate = plan::Aggregate::kSum;
  plan.field = plan::Field::kDeltaViews;
  plan.filters.measured = Days(from, to);
  return plan;
}

plan::Plan PublishedIn(Date from, Date to) {
  plan::Plan plan;
  plan.source = plan::Source::kVideos;
  plan.aggregate = plan::Aggregate::kCount;
  plan.filters.published = Days(from, to);
  return plan;
}

TEST(CoverageGuard, EmptyDatabaseAnswersNothing) {
  plan::Plan count_videos;
  const auto error = CheckCoverage(count_videos, db::Coverage{}, Context());
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, ErrorCode::kDataEmpty);
  EXPECT_NE(error->message.find("videobot load"), std::string::npos) << error->message;
}

TEST(CoverageGuard, DayInsideOrOverlappingTheRangeIsAnswered) {
  EXPECT_FALSE(CheckCoverage(GrowthOn({2025, 11, 28}, {2025, 11, 28}), NovemberCoverage(), Context()));
  EXPECT_FALSE(CheckCoverage(GrowthOn({2025, 11, 1}, {2025, 11, 26}), NovemberCoverage(), Context()));
  EXPECT_FALSE(CheckCoverage(GrowthOn({2025, 12, 1}, {2025, 12, 31}), NovemberCoverage(), Context()));
}

TEST(CoverageGuard, DayAfterTheLastMeasurementNamesTheCoveredRange) {
  const auto error = CheckCoverage(GrowthOn({2026, 11, 28}, {2026, 11, 28}), NovemberCoverage(), Context());
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, ErrorCode::kOutsideCoverage);
  EXPECT_NE(error->message.find("с 28.11.2026 00:00 до 29.11.2026 00:00"), std::string::npos) << error->message;
  EXPECT_NE(error->message.find("данные есть с 26.11.2025 11:00 по 01.12.2025 10:00 (UTC)"), std::string::npos)
      << error->message;
}

TEST(CoverageGuard, DayEndingBeforeTheFirstMeasurementIsRefused) {
  const auto error = CheckCoverage(GrowthOn({2025, 11, 25}, {2025, 11, 25}), NovemberCoverage(), Context());
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, ErrorCode::kOutsideCoverage);
}

TEST(CoverageGuard, RangeIsShownInTheConfiguredZone) {
  const auto error = CheckCoverage(GrowthOn({2026, 1, 5}, {2026, 1, 5}), NovemberCoverage(), Context(180));
  ASSERT_TRUE(error);
  EXPECT_NE(error->message.find("данные есть с 26.11.2025 14:00 по 01.12.2025 13:00 (UTC+03:00)"), std::string::npos)
      << error->message;
}

TEST(CoverageGuard, SnapshotQuestionWithoutSnapshotsIsRefused) {
  auto coverage = NovemberCoverage();
  coverage.snapshots = 0;
  coverage.first_measured.reset();
  coverage.last_measured.reset();
  plan::Plan all_growth = GrowthOn({2025, 11, 28}, {2025, 11, 28});
  all_growth.filters.measured.reset();
  const auto error = CheckCoverage(all_growth, coverage, Context());
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, ErrorCode::kOutsideCoverage);
}

TEST(CoverageGuard, PublicationsBeforeTheFirstAreATrueZero) {
  EXPECT_FALSE(CheckCoverage(PublishedIn({2020, 1, 1}, {2020, 12, 31}), NovemberCoverage(), Context()));
}

TEST(CoverageGuard, PublicationsAfterTheDataEndsAreRefusedWithItsLastDate) {
  const auto error = CheckCoverage(PublishedIn({2026, 12, 1}, {2026, 12, 1}), NovemberCoverage(), Context());
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, ErrorCode::kOutsideCoverage);
  EXPECT_NE(error->message.find("01.12.2025 10:00"), std::string::npos) << error->message;
  EXPECT_FALSE(CheckCoverage(PublishedIn({2025, 11, 30}, {2025, 12, 1}), NovemberCoverage(), Context()));
}

TEST(CoverageGuard, RelativePeriodsResolveAgainstNow) {
  plan::Plan yesterday = GrowthOn({2025, 11, 28}, {2025, 11, 28});
  yesterday.filters.measured = plan::Period{std::nullopt, std::nullopt, plan::Relative::kYesterday, std::nullopt};
  const auto error = CheckCoverage(yesterday, NovemberCoverage(), Context());
  ASSERT_TRUE(error);
  EXPECT_NE(error->message.find("01.12.2026"), std::string::npos) << error->message;
}

plan::Plan ViewsAt(DateTime moment, bool has_time) {
  plan::Plan plan;
  plan.source = plan::Source::kState;
  plan.aggregate = plan::Aggregate::kSum;
  plan.field = plan::Field::kViews;
  plan.as_of = plan::Moment{moment, has_time};
  return plan;
}

TEST(CoverageGuard, MomentsInsideTheMeasuredRangeAreAnswered) {
  EXPECT_FALSE(CheckCoverage(ViewsAt({{2025, 11, 28}, 0}, false), NovemberCoverage(), Context()));
  EXPECT_FALSE(CheckCoverage(ViewsAt({{2025, 12, 1}, 10 * 3600}, true), NovemberCoverage(), Context()));
}

TEST(CoverageGuard, MomentsBeforeTheFirstOrAfterTheLastMeasurementAreUnknown) {
  // Before 26.11 11:00:05 nothing was measured; the end of 01.12 lies after the last measurement.
  for (const auto& plan : {ViewsAt({{2025, 11, 26}, 11 * 3600}, true), ViewsAt({{2025, 12, 1}, 0}, false),
                           ViewsAt({{2026, 11, 28}, 0}, false)}) {
    const auto error = CheckCoverage(plan, NovemberCoverage(), Context());
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, ErrorCode::kOutsideCoverage);
    EXPECT_NE(error->message.find("данные есть с 26.11.2025 11:00 по 01.12.2025 10:00 (UTC)"), std::string::npos)
        << error->message;
  }
}

}  // namespace
}  // namespace videobot::service
