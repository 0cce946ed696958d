// Charts drawn to PNG: they decode, have the right size, show the data where the axes say, are byte-for-byte
// reproducible, and match the golden images in tests/cases/charts/. Set VIDEOBOT_UPDATE_GOLDEN=1 to rewrite
// the golden images after an intended change of the drawing, then look at them before committing.
#include "chart/render.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/png_image.hpp"
#include "support/test_env.hpp"

namespace videobot::chart {
namespace {

using testing::DecodePng;
using testing::Pixel;
using testing::PngImage;

const Pixel kBackground{kBackgroundColor.red, kBackgroundColor.green, kBackgroundColor.blue};
const Pixel kSeries{kSeriesColor.red, kSeriesColor.green, kSeriesColor.blue};
/// A few per cent of the image must be drawn on for a chart to count as not blank.
constexpr std::size_t kMinDrawnPixels = kImageWidth * kImageHeight / 100;

Instant LocalMidnight(Date date, UtcOffset offset) { return ToInstant({date, 0}, offset); }

TimeSeriesChart DailyViews() {
  TimeSeriesChart chart;
  chart.title = "Прирост просмотров по дням, ноябрь 2025";
  chart.y_axis_label = "прирост просмотров";
  chart.bucket = Bucket::kDay;
  chart.offset = UtcOffset{180};
  for (int day = 1; day <= 30; ++day) {
    // A weekly rhythm on a rising trend, with one quiet day.
    const double value = day == 12 ? 0 : 40'000 + 2'500.0 * day + 15'000 * std::sin(day * 0.9);
    chart.points.push_back({LocalMidnight({2025, 11, day}, chart.offset), std::round(value)});
  }
  return chart;
}

TimeSeriesChart WeeklyShape() {
  TimeSeriesChart chart;
  chart.title = "Новые лайки по дням";
  chart.y_axis_label = "лайки";
  chart.bucket = Bucket::kDay;
  const std::vector<double> values = {10, 60, 35, 90, 20, 75, 50};
  for (std::size_t i = 0; i < values.size(); ++i) {
    chart.points.push_back({LocalMidnight(AddDays({2025, 11, 24}, static_cast<int>(i)), chart.offset), values[i]});
  }
  return chart;
}

TimeSeriesChart HourlyMonth() {
  TimeSeriesChart chart;
  chart.title = "Прирост лайков по часам, декабрь 2025";
  chart.subtitle = "все креаторы";
  chart.y_axis_label = "прирост лайков";
  chart.bucket = Bucket::kHour;
  chart.offset = UtcOffset{180};
  const Instant start = LocalMidnight({2025, 12, 1}, chart.offset);
  for (int hour = 0; hour < 744; ++hour) {
    const double daily = 1 + std::sin((hour % 24 - 6) * 3.14159265358979 / 12);
    chart.points.push_back({start + hour * kMicrosPerHour, std::round(300 * daily + hour)});
  }
  return chart;
}

RankingChart TopVideos() {
  RankingChart chart;
  chart.title = "10 видео с наибольшим числом лайков";
  chart.value_label = "лайки";
  for (int i = 0; i < 10; ++i) {
    chart.entries.push_back({"ecd8a4e4-1f24-4b97-a944-35d17078ce7" + std::to_string(i), 120'000.0 - 9'000 * i * i / 8});
  }
  chart.entries[3].label =
      "Очень длинное название видео, которое не "
      "помещается в колонку подписей целиком";
  return chart;
}

PngImage Decoded(const std::string& png) {
  auto image = DecodePng(png);
  if (!image) throw std::runtime_error("the chart is not a readable PNG");
  return *image;
}

void ExpectReadableChart(const std::string& png) {
  ASSERT_GT(png.size(), 8u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  const PngImage image = Decoded(png);
  EXPECT_EQ(image.width, kImageWidth);
  EXPECT_EQ(image.height, kImageHeight);
  EXPECT_GT(CountPixelsUnlike(image, kBackground), kMinDrawnPixels);
}

TEST(RenderTimeSeries, ProducesAReadablePngOfTheChartSize) { ExpectReadableChart(RenderPng(DailyViews())); }

TEST(RenderTimeSeries, RendersTheSameBytesTwice) {
  EXPECT_EQ(RenderPng(DailyViews()), RenderPng(DailyViews()));
  EXPECT_EQ(RenderPng(HourlyMonth()), RenderPng(HourlyMonth()));
}

TEST(RenderTimeSeries, TheLinePassesThroughEveryPointAndNowhereElseInItsColumn) {
  const TimeSeriesChart chart = WeeklyShape();
  const TimeSeriesLayout layout = LayoutTimeSeries(chart);
  ASSERT_EQ(layout.x.size(), chart.points.size());
  const PngImage image = Decoded(RenderPng(chart));
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    const int x = static_cast<int>(std::lround(layout.x[i]));
    const int y = static_cast<int>(std::lround(layout.y(chart.points[i].value)));
    EXPECT_TRUE(testing::HasColorNear(image, x, y, 2, kSeries, 24)) << "point " << i << " at " << x << "," << y;
    // In the point's own column the series colour appears only around the point.
    for (int row = static_cast<int>(layout.plot.top); row < static_cast<int>(layout.plot.bottom()); ++row) {
      if (std::abs(row - y) <= 12) continue;
      const Pixel& pixel = image.At(x, row);
      EXPECT_FALSE(std::abs(pixel.red - kSeries.red) <= 24 && std::abs(pixel.green - kSeries.green) <= 24 &&
                   std::abs(pixel.blue - kSeries.blue) <= 24)
          << "series colour at " << x << "," << row << " far from point " << i;
    }
  }
  // Between two points the line runs through the midpoint of their segment.
  for (std::size_t i = 0; i + 1 < chart.points.size(); ++i) {
    const double mid_x = (layout.x[i] + layout.x[i + 1]) / 2;
    const double mid_y = (layout.y(chart.points[i].value) + layout.y(chart.points[i + 1].value)) / 2;
    EXPECT_TRUE(testing::HasColorNear(image, static_cast<int>(std::lround(mid_x)), static_cast<int>(std::lround(mid_y)),
                                      1, kSeries, 24))
        << "segment " << i;
  }
}

TEST(RenderTimeSeries, TheAxisMapsTheSmallestTickToTheBottomAndTheLargestToTheTop) {
  const TimeSeriesLayout layout = LayoutTimeSeries(WeeklyShape());
  EXPECT_DOUBLE_EQ(layout.y(layout.ticks.min), layout.plot.bottom());
  EXPECT_DOUBLE_EQ(layout.y(layout.ticks.max), layout.plot.top);
  EXPECT_GE(layout.ticks.max, 90);
  EXPECT_EQ(layout.ticks.min, 0);
  EXPECT_TRUE(layout.markers);
  EXPECT_GT(layout.plot.left, 40);
  EXPECT_LT(layout.plot.right(), kImageWidth);
}

TEST(RenderTimeSeries, AnHourlyMonthIsAPlainLineWithAFewDateLabels) {
  const TimeSeriesLayout layout = LayoutTimeSeries(HourlyMonth());
  EXPECT_FALSE(layout.markers);
  ASSERT_FALSE(layout.labelled.empty());
  EXPECT_LE(layout.labelled.size(), 12u);
  EXPECT_GE(layout.labelled.size(), 4u);
  // The month starts at local midnight: labels fall on midnights.
  for (const std::size_t i : layout.labelled) EXPECT_EQ(i % 24, 0u) << i;
  EXPECT_EQ(layout.label_style, TimeLabelStyle::kDate);
  ExpectReadableChart(RenderPng(HourlyMonth()));
}

TEST(RenderTimeSeries, HoursOfTwoDaysAreLabelledWithDateAndTime) {
  TimeSeriesChart chart = HourlyMonth();
  chart.points.resize(48);
  const TimeSeriesLayout layout = LayoutTimeSeries(chart);
  EXPECT_EQ(layout.label_style, TimeLabelStyle::kDateAndTime);
  chart.points.resize(24);
  EXPECT_EQ(LayoutTimeSeries(chart).label_style, TimeLabelStyle::kTime);
}

TEST(RenderTimeSeries, ASinglePointIsDrawnInTheMiddle) {
  TimeSeriesChart chart = WeeklyShape();
  chart.points.resize(1);
  const TimeSeriesLayout layout = LayoutTimeSeries(chart);
  ASSERT_EQ(layout.x.size(), 1u);
  EXPECT_DOUBLE_EQ(layout.x[0], layout.plot.left + layout.plot.width / 2);
  const PngImage image = Decoded(RenderPng(chart));
  EXPECT_TRUE(testing::HasColorNear(image, static_cast<int>(std::lround(layout.x[0])),
                                    static_cast<int>(std::lround(layout.y(chart.points[0].value))), 2, kSeries, 24));
}

TEST(RenderTimeSeries, AZeroSeriesLiesOnTheBaseline) {
  TimeSeriesChart chart = WeeklyShape();
  for (auto& point : chart.points) point.value = 0;
  const TimeSeriesLayout layout = LayoutTimeSeries(chart);
  EXPECT_EQ(layout.ticks.values, (std::vector<double>{0, 1}));
  const PngImage image = Decoded(RenderPng(chart));
  const int bottom = static_cast<int>(std::lround(layout.plot.bottom()));
  for (const double x : layout.x) {
    EXPECT_TRUE(testing::HasColorNear(image, static_cast<int>(std::lround(x)), bottom, 2, kSeries, 24));
  }
}

TEST(RenderTimeSeries, NegativeAndHugeValuesStayInsideThePlot) {
  TimeSeriesChart chart = WeeklyShape();
  chart.points[1].value = -2'500;
  chart.points[3].value = 1e15;
  const TimeSeriesLayout layout = LayoutTimeSeries(chart);
  for (const auto& point : chart.points) {
    EXPECT_GE(layout.y(point.value), layout.plot.top - 1e-6);
    EXPECT_LE(layout.y(point.value), layout.plot.bottom() + 1e-6);
  }
  EXPECT_LT(layout.plot.left,
            kImageWidth / 2);  // even 19-digit tick labels leave room to draw
  ExpectReadableChart(RenderPng(chart));
}

TEST(RenderTimeSeries, AnEmptySeriesSaysThereIsNoData) {
  TimeSeriesChart chart = WeeklyShape();
  chart.points.clear();
  const std::string png = RenderPng(chart);
  const PngImage image = Decoded(png);
  EXPECT_EQ(image.width, kImageWidth);
  EXPECT_EQ(CountPixelsUnlike(image, kSeries),
            image.pixels.size());  // no line at all
}

TEST(RenderRanking, ProducesAReadablePngOfTheChartSize) { ExpectReadableChart(RenderPng(TopVideos())); }

TEST(RenderRanking, RendersTheSameBytesTwice) { EXPECT_EQ(RenderPng(TopVideos()), RenderPng(TopVideos())); }

TEST(RenderRanking, BarsAreProportionalToTheValuesAndDrawnWhereTheLayoutSays) {
  const RankingChart chart = TopVideos();
  const RankingLayout layout = LayoutRanking(chart);
  ASSERT_EQ(layout.bars.size(), chart.entries.size());
  const PngImage image = Decoded(RenderPng(chart));
  const double per_unit = layout.bars[0].width / chart.entries[0].value;
  for (std::size_t i = 0; i < chart.entries.size(); ++i) {
    const Rect& bar = layout.bars[i];
    EXPECT_NEAR(bar.width, chart.entries[i].value * per_unit, 1e-6) << i;
    EXPECT_DOUBLE_EQ(bar.left, layout.x(0));
    if (i > 0) {
      EXPECT_GT(bar.top, layout.bars[i - 1].bottom()) << "bars overlap";
    }
    const int middle = static_cast<int>(std::lround(bar.top + bar.height / 2));
    EXPECT_TRUE(image.At(static_cast<int>(bar.left + bar.width / 2), middle) == kSeries) << i;
    EXPECT_TRUE(image.At(static_cast<int>(bar.right()) - 2, middle) == kSeries) << i;
    EXPECT_FALSE(testing::HasColorNear(image, static_cast<int>(bar.right()) + 5, middle, 1, kSeries, 24)) << i;
  }
}

TEST(RenderRanking, LongLabelsAreElidedWithinTheirColumn) {
  const RankingLayout layout = LayoutRanking(TopVideos());
  EXPECT_LE(layout.plot.left, kImageWidth * 0.38 + 40 + 16 + 1);
  EXPECT_GT(layout.plot.width, kImageWidth / 3);
}

TEST(RenderRanking, NegativeValuesGrowLeftOfZero) {
  RankingChart chart = TopVideos();
  chart.entries.resize(3);
  chart.entries[2].value = -40'000;
  const RankingLayout layout = LayoutRanking(chart);
  EXPECT_DOUBLE_EQ(layout.bars[2].right(), layout.x(0));
  EXPECT_LT(layout.bars[2].left, layout.x(0));
  // The value written left of the bar does not reach the column of entry labels.
  EXPECT_GT(layout.bars[2].left, layout.plot.left);
  RankingChart positive = chart;
  positive.entries[2].value = 40'000;
  EXPECT_GE(layout.plot.left - LayoutRanking(positive).plot.left, 60);
  EXPECT_EQ(layout.labels_right, LayoutRanking(positive).labels_right);
  EXPECT_GE(layout.plot.left - layout.labels_right, 60);
  ExpectReadableChart(RenderPng(chart));
}

// ---- golden images ----

std::filesystem::path GoldenPath(const std::string& name) {
  return std::filesystem::path(testing::SourceDir()) / "tests" / "cases" / "charts" / (name + ".png");
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// Compares with the golden image; rewrites it instead under VIDEOBOT_UPDATE_GOLDEN=1. Font rendering may
/// differ slightly between library versions: a few pixels may differ, not more.
void ExpectMatchesGolden(const std::string& name, const std::string& png) {
  const auto path = GoldenPath(name);
  if (testing::Env("VIDEOBOT_UPDATE_GOLDEN") == "1") {
    std::ofstream(path, std::ios::binary) << png;
    GTEST_SKIP() << "rewrote " << path;
  }
  const auto golden = DecodePng(ReadFile(path));
  ASSERT_TRUE(golden.has_value()) << "missing or unreadable golden image " << path
                                  << " (VIDEOBOT_UPDATE_GOLDEN=1 writes it)";
  const PngImage image = Decoded(png);
  constexpr int kChannelTolerance = 48;
  constexpr std::size_t kMaxDifferentPixels = kImageWidth * kImageHeight / 200;  // 0.5 %
  EXPECT_LE(testing::CountDifferentPixels(image, *golden, kChannelTolerance), kMaxDifferentPixels)
      << name << " differs from " << path;
}

TEST(ChartGolden, DailySeries) { ExpectMatchesGolden("daily_series", RenderPng(DailyViews())); }

TEST(ChartGolden, HourlySeries) { ExpectMatchesGolden("hourly_series", RenderPng(HourlyMonth())); }

TEST(ChartGolden, Ranking) { ExpectMatchesGolden("ranking", RenderPng(TopVideos())); }

TEST(ChartGolden, TheComparisonNoticesAChangedChart) {
  TimeSeriesChart changed = DailyViews();
  for (auto& point : changed.points) point.value = 200'000 - point.value;
  const auto golden = DecodePng(ReadFile(GoldenPath("daily_series")));
  if (!golden) GTEST_SKIP() << "no golden image yet";
  const PngImage image = Decoded(RenderPng(changed));
  EXPECT_GT(testing::CountDifferentPixels(image, *golden, 48), kImageWidth * kImageHeight / 200);
}

}  // namespace
}  // namespace videobot::chart
