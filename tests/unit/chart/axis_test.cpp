// Axis arithmetic: nice ticks, the value → pixel mapping, point positions, label spacing.
#include "chart/axis.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace videobot::chart {
namespace {

bool IsNiceStep(double step) {
  const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
  for (const double nice : {1.0, 2.0, 5.0, 10.0}) {
    if (std::fabs(mantissa - nice) < 1e-9) return true;
  }
  return false;
}

TEST(NiceTicks, CoversTheDataFromZeroInRoundSteps) {
  const Ticks ticks = NiceTicks(3, 97, 5, true);
  EXPECT_EQ(ticks.min, 0);
  EXPECT_EQ(ticks.max, 100);
  EXPECT_EQ(ticks.step, 20);
  EXPECT_EQ(ticks.values, (std::vector<double>{0, 20, 40, 60, 80, 100}));
}

TEST(NiceTicks, AnAllZeroSeriesGetsZeroToOne) {
  const Ticks ticks = NiceTicks(0, 0, 5, true);
  EXPECT_EQ(ticks.values, (std::vector<double>{0, 1}));
}

TEST(NiceTicks, WholeNumbersNeverGetFractionalSteps) {
  EXPECT_EQ(NiceTicks(0, 3, 5, true).step, 1);
  EXPECT_DOUBLE_EQ(NiceTicks(0, 0.3, 5, false).step, 0.1);
}

TEST(NiceTicks, NegativeValuesExtendTheAxisBelowZero) {
  const Ticks ticks = NiceTicks(-30, 70, 5, true);
  EXPECT_LE(ticks.min, -30);
  EXPECT_GE(ticks.max, 70);
  EXPECT_NE(std::find(ticks.values.begin(), ticks.values.end(), 0.0), ticks.values.end());
  const Ticks negative = NiceTicks(-500, -20, 5, true);
  EXPECT_EQ(negative.max, 0);
  EXPECT_LE(negative.min, -500);
}

TEST(NiceTicks, HugeValuesUpToTenToTheFifteenth) {
  const Ticks ticks = NiceTicks(0, 1e15, 5, true);
  EXPECT_EQ(ticks.max, 1e15);
  EXPECT_EQ(ticks.step, 2e14);
  EXPECT_EQ(ticks.values.size(), 6u);
}

TEST(NiceTicks, AnyRangeIsCoveredByAFewRoundTicks) {
  std::mt19937_64 random(20251128);
  std::uniform_real_distribution<double> exponent(-2, 15);
  std::uniform_real_distribution<double> unit(-1, 1);
  for (int i = 0; i < 2000; ++i) {
    const double scale = std::pow(10.0, exponent(random));
    double low = unit(random) * scale;
    double high = unit(random) * scale;
    if (low > high) std::swap(low, high);
    const Ticks ticks = NiceTicks(low, high, 5, false);
    ASSERT_LE(ticks.min, std::min(low, 0.0)) << low << " " << high;
    ASSERT_GE(ticks.max, std::max(high, 0.0)) << low << " " << high;
    ASSERT_TRUE(IsNiceStep(ticks.step)) << ticks.step;
    ASSERT_GE(ticks.values.size(), 2u);
    ASSERT_LE(ticks.values.size(), 12u) << low << " " << high;
  }
}

TEST(LinearScale, MapsTheDomainOntoPixelsEitherWay) {
  const LinearScale y(0, 100, 600, 100);  // values up, pixels down
  EXPECT_DOUBLE_EQ(y(0), 600);
  EXPECT_DOUBLE_EQ(y(100), 100);
  EXPECT_DOUBLE_EQ(y(25), 475);
  EXPECT_DOUBLE_EQ(y(-10), 650);
  const LinearScale x(-50, 50, 200, 1200);
  EXPECT_DOUBLE_EQ(x(0), 700);
  EXPECT_DOUBLE_EQ(LinearScale(5, 5, 0, 10)(5), 5);
}

TEST(PointX, SpreadsPointsFromEdgeToEdge) {
  EXPECT_DOUBLE_EQ(PointX(0, 5, 100, 500), 100);
  EXPECT_DOUBLE_EQ(PointX(4, 5, 100, 500), 500);
  EXPECT_DOUBLE_EQ(PointX(1, 5, 100, 500), 200);
  EXPECT_DOUBLE_EQ(PointX(0, 1, 100, 500), 300);
}

TEST(LabelStride, PicksANaturalStepThatFits) {
  EXPECT_EQ(LabelStride(7, 10, Bucket::kDay), 1u);
  EXPECT_EQ(LabelStride(30, 10, Bucket::kDay), 3u);
  EXPECT_EQ(LabelStride(30, 6, Bucket::kDay), 7u);
  EXPECT_EQ(LabelStride(744, 8, Bucket::kHour), 96u);
  EXPECT_EQ(LabelStride(24, 8, Bucket::kHour), 3u);
  EXPECT_EQ(LabelStride(24, 12, Bucket::kMonth), 2u);
  EXPECT_EQ(LabelStride(52, 10, Bucket::kWeek), 8u);
  const std::size_t long_stride = LabelStride(100'000, 8, Bucket::kHour);
  EXPECT_LE((100'000 + long_stride - 1) / long_stride, 8u);
}

std::vector<DateTime> HourStarts(int first_hour, int count) {
  std::vector<DateTime> starts;
  for (int i = 0; i < count; ++i) {
    const int hour = first_hour + i;
    starts.push_back({{2025, 11, 27 + hour / 24}, hour % 24 * 3600});
  }
  return starts;
}

TEST(LabelledIndices, HoursAreLabelledAtRoundHoursOfTheDay) {
  const auto starts = HourStarts(22, 30);  // 22:00 on the 27th … 03:00 on the 29th
  EXPECT_EQ(LabelledIndices(starts, 6, Bucket::kHour), (std::vector<std::size_t>{2, 8, 14, 20, 26}));
  EXPECT_EQ(LabelledIndices(starts, 48, Bucket::kHour), (std::vector<std::size_t>{2}));
  EXPECT_EQ(LabelledIndices(starts, 1, Bucket::kHour).size(), 30u);
}

TEST(LabelledIndices, OtherBucketsEveryStrideFromTheFirst) {
  std::vector<DateTime> days;
  for (int day = 1; day <= 30; ++day) days.push_back({{2025, 11, day}, 0});
  EXPECT_EQ(LabelledIndices(days, 7, Bucket::kDay), (std::vector<std::size_t>{0, 7, 14, 21, 28}));
}

}  // namespace
}  // namespace videobot::chart
