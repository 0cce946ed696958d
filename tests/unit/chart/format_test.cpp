// Russian chart labels: numbers, dates, zone names, elision.
#include "chart/format.hpp"

#include <gtest/gtest.h>

#include "common/text.hpp"

namespace videobot::chart {
namespace {

const std::string kThin(kThinSpace);
const std::string kMinus(kMinusSign);

TEST(FormatNumber, SeparatesThousandsWithThinSpaces) {
  EXPECT_EQ(FormatNumber(0), "0");
  EXPECT_EQ(FormatNumber(7), "7");
  EXPECT_EQ(FormatNumber(999), "999");
  EXPECT_EQ(FormatNumber(1000), "1" + kThin + "000");
  EXPECT_EQ(FormatNumber(1234567), "1" + kThin + "234" + kThin + "567");
  EXPECT_EQ(FormatNumber(100000), "100" + kThin + "000");
}

TEST(FormatNumber, WritesNegativeNumbersWithAMinusSign) {
  EXPECT_EQ(FormatNumber(-5), kMinus + "5");
  EXPECT_EQ(FormatNumber(-5000), kMinus + "5" + kThin + "000");
  EXPECT_EQ(FormatNumber(-0.75), kMinus + "0,75");
}

TEST(FormatNumber, WritesHugeValuesExactly) {
  EXPECT_EQ(FormatNumber(1e15), "1" + kThin + "000" + kThin + "000" + kThin + "000" + kThin + "000" + kThin + "000");
  EXPECT_EQ(FormatNumber(999'999'999'999'999.0), "999" + kThin + "999" + kThin + "999" + kThin + "999" + kThin + "999");
  EXPECT_EQ(FormatNumber(-123'456'789'012'345.0),
            kMinus + "123" + kThin + "456" + kThin + "789" + kThin + "012" + kThin + "345");
}

TEST(FormatNumber, RoundsFractionsToTwoDecimalsWithAComma) {
  EXPECT_EQ(FormatNumber(2.5), "2,5");
  EXPECT_EQ(FormatNumber(2.499), "2,5");
  EXPECT_EQ(FormatNumber(12345.678), "12" + kThin + "345,68");
  EXPECT_EQ(FormatNumber(0.001), "0");
  EXPECT_EQ(FormatNumber(-0.001), "0");
  EXPECT_EQ(FormatNumber(0.999), "1");
}

TEST(MonthAbbreviation, NamesEveryMonth) {
  EXPECT_EQ(MonthAbbreviation(1), "янв");
  EXPECT_EQ(MonthAbbreviation(5), "май");
  EXPECT_EQ(MonthAbbreviation(11), "ноя");
  EXPECT_EQ(MonthAbbreviation(12), "дек");
  EXPECT_EQ(MonthAbbreviation(13), "?");
}

TEST(FormatTimeLabel, WritesEachStyle) {
  const DateTime at{{2025, 11, 28}, 14 * 3600};
  EXPECT_EQ(FormatTimeLabel(at, TimeLabelStyle::kDate), "28 ноя");
  EXPECT_EQ(FormatTimeLabel(at, TimeLabelStyle::kDateAndTime), "28 ноя 14:00");
  EXPECT_EQ(FormatTimeLabel(at, TimeLabelStyle::kTime), "14:00");
  EXPECT_EQ(FormatTimeLabel(at, TimeLabelStyle::kMonthAndYear), "ноя 2025");
  EXPECT_EQ(FormatTimeLabel({{2025, 3, 1}, 9 * 3600 + 30 * 60}, TimeLabelStyle::kTime), "09:30");
}

TimeSeriesChart Hours(DateTime first_local, int count, UtcOffset offset) {
  TimeSeriesChart chart;
  chart.bucket = Bucket::kHour;
  chart.offset = offset;
  const Instant start = ToInstant(first_local, offset);
  for (int i = 0; i < count; ++i) chart.points.push_back({start + i * kMicrosPerHour, 1});
  return chart;
}

TEST(LabelStyleFor, HoursOfOneLocalDayShowOnlyTheTime) {
  EXPECT_EQ(LabelStyleFor(Hours({{2025, 11, 28}, 0}, 24, UtcOffset{180})), TimeLabelStyle::kTime);
  EXPECT_EQ(LabelStyleFor(Hours({{2025, 11, 28}, 0}, 25, UtcOffset{180})), TimeLabelStyle::kDateAndTime);
}

TEST(LabelStyleFor, TheDayIsTheLocalOne) {
  // 21:00 UTC on the 27th is midnight of the 28th in Moscow: one local day.
  TimeSeriesChart chart = Hours({{2025, 11, 28}, 0}, 24, UtcOffset{180});
  EXPECT_EQ(ToLocal(chart.points.front().start, UtcOffset{0}).date, (Date{2025, 11, 27}));
  EXPECT_EQ(LabelStyleFor(chart), TimeLabelStyle::kTime);
  chart.offset = UtcOffset{0};
  EXPECT_EQ(LabelStyleFor(chart), TimeLabelStyle::kDateAndTime);
}

TEST(LabelStyleFor, DaysWeeksAndMonths) {
  TimeSeriesChart chart;
  chart.bucket = Bucket::kDay;
  EXPECT_EQ(LabelStyleFor(chart), TimeLabelStyle::kDate);
  chart.bucket = Bucket::kWeek;
  EXPECT_EQ(LabelStyleFor(chart), TimeLabelStyle::kDate);
  chart.bucket = Bucket::kMonth;
  EXPECT_EQ(LabelStyleFor(chart), TimeLabelStyle::kMonthAndYear);
}

TEST(ZoneName, NamesUtcMoscowAndOtherOffsets) {
  EXPECT_EQ(ZoneName(UtcOffset{0}), "UTC");
  EXPECT_EQ(ZoneName(UtcOffset{180}), "МСК");
  EXPECT_EQ(ZoneName(UtcOffset{330}), "UTC+05:30");
  EXPECT_EQ(ZoneName(UtcOffset{-300}), "UTC-05:00");
}

TEST(DefaultTimeAxisLabel, NamesTheBucketAndTheZone) {
  EXPECT_EQ(DefaultTimeAxisLabel(Bucket::kDay, UtcOffset{180}), "дни, МСК");
  EXPECT_EQ(DefaultTimeAxisLabel(Bucket::kHour, UtcOffset{300}), "часы, UTC+05:00");
  EXPECT_EQ(DefaultTimeAxisLabel(Bucket::kWeek, UtcOffset{0}), "недели (с понедельника), UTC");
  EXPECT_EQ(DefaultTimeAxisLabel(Bucket::kMonth, UtcOffset{180}), "месяцы, МСК");
}

double CodePointsWide(std::string_view text) { return static_cast<double>(CountCodePoints(text)); }

TEST(Elide, KeepsWhatFitsAndCutsTheRestWithAnEllipsis) {
  EXPECT_EQ(Elide("видео", 5, CodePointsWide), "видео");
  EXPECT_EQ(Elide("креатор", 4, CodePointsWide), "кре…");
  EXPECT_EQ(Elide("ab, cd", 4, CodePointsWide), "ab…");
  EXPECT_EQ(Elide("длинный", 0.5, CodePointsWide), "…");
  EXPECT_EQ(Elide("", 0, CodePointsWide), "");
}

TEST(Elide, NeverCutsInsideACodePoint) {
  const std::string elided = Elide("ёжик в тумане", 6, CodePointsWide);
  EXPECT_TRUE(IsValidUtf8(elided)) << elided;
  EXPECT_EQ(elided, "ёжик…");
}

}  // namespace
}  // namespace videobot::chart
