#pragma once
// A series answer as a picture and a caption: the chart's data (chart::TimeSeriesChart) from the
// reply's buckets and layout, and the key figures people read under it.

#include <optional>
#include <string>

#include "chart/chart_data.hpp"
#include "service/answerer.hpp"

namespace videobot::service {

/// The line chart of a series reply; nullopt when `reply` holds no series (or a bucket key is not
/// one the service writes).
std::optional<chart::TimeSeriesChart> SeriesChart(const Reply& reply);

/// The key figures of a series reply, plain text in Russian, e.g.
/// «Прирост просмотров по дням\nВсего: 12 345 · максимум: 2 345 (28 ноя) · интервалов: 30».
/// The total is given only when the buckets add up (counts and sums, not distinct counts).
/// "" when `reply` holds no series.
std::string SeriesCaption(const Reply& reply);

}  // namespace videobot::service
