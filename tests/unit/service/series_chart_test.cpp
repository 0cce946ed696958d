// A series reply as a chart's data and a caption with its key figures.
#include "service/series_chart.hpp"

#include <gtest/gtest.h>

#include "service/explanation.hpp"

namespace videobot::service {
namespace {

Reply SeriesReply(std::vector<SeriesPoint> points, plan::Bucket bucket, UtcOffset offset, bool additive = true) {
  Reply reply{Reply::Kind::kAnswer, "", "ok", "test"};
  reply.series = std::move(points);
  reply.series_layout = SeriesLayout{bucket, offset, "Прирост просмотров по часам", additive, ""};
  return reply;
}

TEST(SeriesChart, BucketKeysBecomeTheirStartsInTheSeriesZone) {
  const UtcOffset moscow{180};
  const auto chart =
      SeriesChart(SeriesReply({{"2025-11-28 00:00", 5}, {"2025-11-28 01:00", -2}}, plan::Bucket::kHour, moscow));
  ASSERT_TRUE(chart.has_value());
  ASSERT_EQ(chart->points.size(), 2u);
  EXPECT_EQ(chart->points[0].start, ToInstant(DateTime{Date{2025, 11, 28}, 0}, moscow));
  EXPECT_EQ(chart->points[1].start - chart->points[0].start, kMicrosPerHour);
  EXPECT_EQ(chart->points[1].value, -2.0);
  EXPECT_EQ(chart->bucket, chart::Bucket::kHour);
  EXPECT_EQ(chart->title, "Прирост просмотров по часам");
}

TEST(SeriesChart, MonthAndWeekKeysAreDrawnAndAnUnknownKeyIsNot) {
  EXPECT_TRUE(
      SeriesChart(SeriesReply({{"2025-10", 1}, {"2025-11", 2}}, plan::Bucket::kMonth, UtcOffset{})).has_value());
  EXPECT_TRUE(SeriesChart(SeriesReply({{"2025-11-24", 1}}, plan::Bucket::kWeek, UtcOffset{})).has_value());
  EXPECT_FALSE(SeriesChart(SeriesReply({{"2025-W48", 1}}, plan::Bucket::kWeek, UtcOffset{})).has_value());
  EXPECT_FALSE(SeriesChart(Reply{Reply::Kind::kAnswer, "42", "ok", "test"}).has_value());
}

TEST(SeriesCaption, TotalMaximumAndItsBucket) {
  const auto reply =
      SeriesReply({{"2025-11-27", 1200}, {"2025-11-28", 3400}, {"2025-11-29", 0}}, plan::Bucket::kDay, UtcOffset{});
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

Reply RankingReply(std::vector<RankingRow> rows, bool additive = true, bool ascending = false) {
  Reply reply{Reply::Kind::kAnswer, "", "ok", "test"};
  reply.ranking = std::move(rows);
  reply.ranking_layout = RankingLayout{"Топ-2 видео по числу лайков", "число лайков", additive, ascending, ""};
  return reply;
}

TEST(RankingChart, RowsBecomeBarsInOrderWithLongIdsShortened) {
  const auto chart =
      RankingChartOf(RankingReply({{"3f2504e0-4f89-41d3-9a0c-0305e82c3301", 1200}, {"2025-11-28", 800}}));
  ASSERT_TRUE(chart.has_value());
  ASSERT_EQ(chart->entries.size(), 2u);
  EXPECT_EQ(chart->entries[0].label, "3f2504e0…3301");
  EXPECT_EQ(chart->entries[0].value, 1200.0);
  EXPECT_EQ(chart->entries[1].label, "2025-11-28") << "short keys stay whole";
  EXPECT_EQ(chart->title, "Топ-2 видео по числу лайков");
  EXPECT_EQ(chart->value_label, "число лайков");
  EXPECT_FALSE(RankingChartOf(Reply{Reply::Kind::kAnswer, "42", "ok", "test"}).has_value());
}

TEST(RankingCaption, TheLeaderInFullAndTheTotalOnlyWhenRowsAddUp) {
  const std::vector<RankingRow> rows{{"3f2504e0-4f89-41d3-9a0c-0305e82c3301", 1200},
                                     {"aca1061a9d324ecf8c3fa2bb32d7be63", 800}};
  EXPECT_EQ(
      RankingCaption(RankingReply(rows)),
      "Топ-2 видео по числу лайков\nЛидер: 3f2504e0-4f89-41d3-9a0c-0305e82c3301 — 1\u2009200 · всего у 2: 2\u2009000");
  EXPECT_EQ(RankingCaption(RankingReply(rows, false)),
            "Топ-2 видео по числу лайков\nЛидер: 3f2504e0-4f89-41d3-9a0c-0305e82c3301 — 1\u2009200");
  const std::string ascending = RankingCaption(RankingReply(rows, true, true));
  EXPECT_NE(ascending.find("\nМеньше всего: 3f2504e0"), std::string::npos) << ascending;
}

TEST(AnswersWithChart, ASeriesOrARankingOfTwoRowsButNotOneRow) {
  EXPECT_TRUE(AnswersWithChart(SeriesReply({{"2025-11-28", 1}}, plan::Bucket::kDay, UtcOffset{})));
  EXPECT_TRUE(AnswersWithChart(RankingReply({{"a", 2}, {"b", 1}})));
  EXPECT_FALSE(AnswersWithChart(RankingReply({{"a", 2}})));
  EXPECT_FALSE(AnswersWithChart(Reply{Reply::Kind::kAnswer, "42", "ok", "test"}));
  const auto png = RenderChartPng(RankingReply({{"a", 2}, {"b", 1}}));
  ASSERT_TRUE(png.has_value());
  EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(*png, *RenderChartPng(RankingReply({{"a", 2}, {"b", 1}}))) << "the same ranking draws the same bytes";
}

TEST(RankingTitle, SaysWhatIsRankedByWhichMeasureAndHowMany) {
  plan::Plan plan;
  plan.source = plan::Source::kVideos;
  plan.aggregate = plan::Aggregate::kSum;
  plan.field = plan::Field::kLikes;
  plan.group_by = plan::GroupBy::kVideo;
  plan.order = plan::Order::kDesc;
  plan.limit = 5;
  EXPECT_EQ(RankingTitle(plan), "Топ-5 видео по числу лайков");
  plan.limit = 1;
  EXPECT_EQ(RankingTitle(plan), "Видео с наибольшим числом лайков");
  plan.source = plan::Source::kSnapshots;
  plan.field = plan::Field::kDeltaViews;
  plan.group_by = plan::GroupBy::kCreator;
  plan.order = plan::Order::kAsc;
  plan.limit = 3;
  EXPECT_EQ(RankingTitle(plan), "3 креаторов с наименьшим приростом просмотров");
  EXPECT_EQ(RankingValueLabel(plan), "прирост просмотров");
  plan.aggregate = plan::Aggregate::kCount;
  plan.field.reset();
  plan.source = plan::Source::kVideos;
  EXPECT_EQ(RankingValueLabel(plan), "число видео");
  plan.group_by.reset();
  EXPECT_EQ(RankingTitle(plan), "");
}

TEST(RankingValueLabel, TheAggregatesAdjectiveAgreesWithItsNoun) {
  plan::Plan plan;
  plan.source = plan::Source::kSnapshots;
  plan.field = plan::Field::kDeltaLikes;
  plan.group_by = plan::GroupBy::kCreator;
  plan.aggregate = plan::Aggregate::kAvg;
  EXPECT_EQ(RankingValueLabel(plan), "средний прирост лайков");
  plan.aggregate = plan::Aggregate::kMax;
  EXPECT_EQ(RankingValueLabel(plan), "максимальный прирост лайков");
  plan.source = plan::Source::kVideos;
  plan.field = plan::Field::kComments;
  plan.aggregate = plan::Aggregate::kMin;
  EXPECT_EQ(RankingValueLabel(plan), "минимальное число комментариев");
  plan.aggregate = plan::Aggregate::kAvg;
  EXPECT_EQ(RankingValueLabel(plan), "среднее число комментариев");
}

plan::PeriodBound Day(int year, int month, int day) {
  return plan::PeriodBound{DateTime{Date{year, month, day}, 0}, false};
}

TEST(ChartSubtitle, NamesTheFiltersOfTheChartAndItsZone) {
  plan::Plan plan;
  plan.source = plan::Source::kSnapshots;
  plan.aggregate = plan::Aggregate::kSum;
  plan.field = plan::Field::kDeltaViews;
  plan.group_by = plan::GroupBy::kCreator;
  const plan::TimeContext utc{0, UtcOffset{}};
  EXPECT_EQ(ChartSubtitle(plan, utc), "") << "every video, all time, UTC: nothing to say";
  plan.filters.measured = plan::Period{Day(2025, 11, 1), Day(2025, 11, 30), std::nullopt, std::nullopt};
  EXPECT_EQ(ChartSubtitle(plan, utc), "замеры 01.11.2025–30.11.2025 · время UTC");
  plan.filters.measured = plan::Period{Day(2025, 11, 28), Day(2025, 11, 28), std::nullopt, std::nullopt};
  plan.filters.creator_ids = {"c1"};
  plan.filters.conditions = {plan::Condition{plan::Field::kViews, plan::CompareOp::kGreater, 1000}};
  EXPECT_EQ(ChartSubtitle(plan, plan::TimeContext{0, UtcOffset{180}}),
            "замеры 28.11.2025 · автор «c1» · число просмотров больше 1 000 · время UTC+03:00");
  plan.filters = {};
  plan.time_zone = UtcOffset{180};
  EXPECT_EQ(ChartSubtitle(plan, utc), "время UTC+03:00") << "a zone named in the question is the chart's zone";
}

}  // namespace
}  // namespace videobot::service
