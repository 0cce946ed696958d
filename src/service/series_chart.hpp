#pragma once
// An answer as a picture and a caption: a series as a line chart (chart::TimeSeriesChart) from the
// reply's buckets and layout, a ranking as horizontal bars (chart::RankingChart), and the key
// figures people read under either.

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

/// The bar chart of a ranking reply, the first row on top; ids longer than 16 characters are
/// shortened to their first 8 and last 4 («3f2504e0…3301»). Nullopt when `reply` holds no ranking.
std::optional<chart::RankingChart> RankingChartOf(const Reply& reply);

/// The key figures of a ranking reply, plain text in Russian, e.g. «Топ-5 видео по числу лайков\n
/// Лидер: 3f2504e0-4f89-41d3-9a0c-0305e82c3301 — 12 345 · всего у 5: 40 000»; the leader's id in
/// full, the total only when the rows add up. "" when `reply` holds no ranking.
std::string RankingCaption(const Reply& reply);

/// Whether the bot answers `reply` with a chart: a series, or a ranking of at least two rows (a
/// superlative — one row — stays the text `id value`).
bool AnswersWithChart(const Reply& reply);

/// The chart of a series or ranking reply as a 1280×720 PNG; nullopt when `reply` has neither (or
/// its series cannot be drawn). Throws EnvironmentError when Cairo fails.
std::optional<std::string> RenderChartPng(const Reply& reply);

/// SeriesCaption or RankingCaption, whichever the reply holds.
std::string ChartCaption(const Reply& reply);

}  // namespace videobot::service
