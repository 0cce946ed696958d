#pragma once
// What a chart shows, as plain data: the answer layer fills these from a series or a ranking and hands them
// to RenderPng (render.hpp). Nothing here knows about plans, SQL or Telegram.

#include <cstdint>
#include <string>
#include <vector>

#include "common/time.hpp"

namespace videobot::chart {

/// The width of a time-series bucket. A week starts on its Monday (ISO weeks).
enum class Bucket { kHour, kDay, kWeek, kMonth };

/// One bucket of a time series.
struct TimePoint {
  /// The bucket's first instant (UTC). Its local start in the chart's `offset` names the bucket:
  /// 2025-11-28T00:00 local for the day «28 ноя». From a local key use ToInstant(local, offset).
  Instant start = 0;
  /// The bucket's value (a count or a sum; may be negative, e.g. a drop in views).
  double value = 0;
};

/// A line chart of values over time: one point per bucket, in time order, every bucket of the period present
/// (zeros included), as the series answer lists them.
struct TimeSeriesChart {
  std::string title;         ///< e.g. «Прирост просмотров по дням, ноябрь 2025»; elided
                             /// < when too long
  std::string subtitle;      ///< optional second line (a filter, a creator); "" for none
  std::string y_axis_label;  ///< what the values are, e.g. «прирост просмотров»
  /// What the horizontal axis shows; "" for the default from `bucket` and `offset` («дни, МСК», «часы,
  /// UTC+05:00», «недели (с понедельника), UTC»).
  std::string x_axis_label;
  Bucket bucket = Bucket::kDay;
  UtcOffset offset;  ///< the time zone the buckets were cut in; labels show local time
  std::vector<TimePoint> points;
};

/// One bar of a ranking.
struct RankingEntry {
  std::string label;  ///< e.g. a video id or a creator; elided when too long
  double value = 0;
};

/// Horizontal bars, the first entry on top (give them in ranking order).
struct RankingChart {
  std::string title;        ///< e.g. «5 видео с наибольшим числом лайков»
  std::string subtitle;     ///< optional second line; "" for none
  std::string value_label;  ///< what the bar lengths are, e.g. «лайки»
  std::vector<RankingEntry> entries;
};

}  // namespace videobot::chart
