#pragma once
// Charts drawn in-process with Cairo into PNG bytes held in memory (no files, no external program). Same
// input, same bytes.

#include <string>
#include <vector>

#include "chart/axis.hpp"
#include "chart/chart_data.hpp"
#include "chart/format.hpp"

namespace videobot::chart {

/// Every chart is this many pixels wide and high (16:9, legible on a phone after scaling).
inline constexpr int kImageWidth = 1280;
inline constexpr int kImageHeight = 720;

/// An RGB colour, components 0…255.
struct Rgb {
  int red = 0;
  int green = 0;
  int blue = 0;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

/// The background of every chart.
inline constexpr Rgb kBackgroundColor{255, 255, 255};
/// The colour of the series line, its markers and the ranking bars.
inline constexpr Rgb kSeriesColor{31, 111, 235};

/// A rectangle in pixels.
struct Rect {
  double left = 0;
  double top = 0;
  double width = 0;
  double height = 0;
  double right() const { return left + width; }
  double bottom() const { return top + height; }
};

/// Where a time-series chart puts things: the plot area, the value axis and every point.
struct TimeSeriesLayout {
  Rect plot;                          ///< the area inside the axes
  Ticks ticks;                        ///< value-axis ticks (the axis spans ticks.min … ticks.max)
  LinearScale y;                      ///< value → vertical pixel
  std::vector<double> x;              ///< horizontal pixel of each point
  std::vector<std::size_t> labelled;  ///< indices of the points with a time label
  /// How those labels read; hours labelled only at midnights read as dates («28 ноя»).
  TimeLabelStyle label_style = TimeLabelStyle::kDate;
  bool markers = false;  ///< points drawn as dots (few points)
};

/// The layout RenderPng(chart) draws.
TimeSeriesLayout LayoutTimeSeries(const TimeSeriesChart& chart);

/// Where a ranking chart puts things.
struct RankingLayout {
  Rect plot;                ///< the area of the bars
  Ticks ticks;              ///< value-axis ticks
  LinearScale x;            ///< value → horizontal pixel
  std::vector<Rect> bars;   ///< one per entry, top to bottom
  double labels_right = 0;  ///< the entry labels end here (right-aligned), left of the plot
  double font_size = 20;    ///< of the entry labels and values
};

/// The layout RenderPng(chart) draws.
RankingLayout LayoutRanking(const RankingChart& chart);

/// A line chart of the series (dots on the points when there are few of them), 1280×720 PNG. Throws
/// EnvironmentError when Cairo fails (out of memory).
std::string RenderPng(const TimeSeriesChart& chart);

/// Horizontal bars, the first entry on top, each with its value, 1280×720 PNG. Throws EnvironmentError when
/// Cairo fails (out of memory).
std::string RenderPng(const RankingChart& chart);

}  // namespace videobot::chart
