// A series reply as a chart's data and a caption with its key figures.
#include "service/series_chart.hpp"

#include <gtest/gtest.h>

namespace videobot::service {
namespace {

Reply SeriesReply(std::vector<SeriesPoint> points, plan::Bucket bucket, UtcOffset offset, bool additive = true) {
  Reply reply{Reply::Kind::kAnswer, "", "ok", "test"};
  reply.series = std::move(points);
  reply.series_layout = SeriesLayout{bucket, offset, "Прирост просмотров по часам", additive};
  return reply;
}

TEST(SeriesChart, BucketKeysBecomeTheirStartsInTheSeriesZone) {
  const UtcOffset moscow{180};
  const auto chart = SeriesChart(SeriesReply({{"2025-11-28 00:00", 5}, {"2025-11-28 01:00", -2}}, plan::Bucket::kHour, moscow));
  ASSERT_TRUE(chart.has_value());
  ASSERT_EQ(chart->points.size(), 2u);
  EXPECT_EQ(chart->points[0].start, ToInstant(DateTime{Date{2025, 11, 28}, 0}, moscow));
  EXPECT_EQ(chart->points[1].start - chart->points[0].start, kMicrosPerHour);
  EXPECT_EQ(chart->points[1].value, -2.0);
  EXPECT_EQ(chart->bucket, chart::Bucket::kHour);
  EXPECT_EQ(chart->title, "Прирост просмотров по часам");
}

TEST(SeriesChart, MonthAndWeekKeysAreDrawnAndAnUnknownKeyIsNot) {
  EXPECT_TRUE(SeriesChart(SeriesReply({{"2025-10", 1}, {"2025-11", 2}}, plan::Bucket::kMonth, UtcOffset{})).has_value());
  EXPECT_TRUE(SeriesChart(SeriesReply({{"2025-11-24", 1}}, plan::Bucket::kWeek, UtcOffset{})).has_value());
  EXPECT_FALSE(SeriesChart(SeriesReply({{"2025-W48", 1}}, plan::Bucket::kWeek, UtcOffset{})).has_value());
  EXPECT_FALSE(SeriesChart(Reply{Reply::Kind::kAnswer, "42", "ok", "test"}).has_value());
}

TEST(SeriesCaption, TotalMaximumAndItsBucket) {
  const auto reply = SeriesReply({{"2025-11-27", 1200}, {"2025-11-28", 3400}, {"2025-11-29", 0}}, plan::Bucket::kDay,
                                 UtcOffset{});
  EXPECT_EQ(SeriesCaption(reply),
            "Прирост просмотров по часам\nВсего: 4\u2009600 · максимум: 3\u2009400 (28 ноя) · интервалов: 3");
}

TEST(SeriesCaption, ADistinctCountHasNoTotalBecauseItsBucketsDoNotAddUp) {
  const auto reply = SeriesReply({{"2025-11-27", 2}, {"2025-11-28", 3}}, plan::Bucket::kDay, UtcOffset{}, false);
  const std::string caption = SeriesCaption(reply);
  EXPECT_EQ(caption.find("Всего"), std::string::npos) << caption;
  EXPECT_NE(caption.find("максимум: 3 (28 ноя)"), std::string::npos) << caption;
}

TEST(SeriesCaption, ATotalPastTheIntegerRangeIsLeftOut) {
  const std::int64_t big = std::numeric_limits<std::int64_t>::max() / 2 + 1;
  const auto reply = SeriesReply({{"2025-11-27", big}, {"2025-11-28", big}}, plan::Bucket::kDay, UtcOffset{});
  EXPECT_EQ(SeriesCaption(reply).find("Всего"), std::string::npos);
}

}  // namespace
}  // namespace videobot::service
