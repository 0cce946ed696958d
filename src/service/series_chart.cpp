#include "service/series_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "chart/format.hpp"
#include "chart/render.hpp"

namespace videobot::service {
namespace {

chart::Bucket ChartBucket(plan::Bucket bucket) {
  switch (bucket) {
    case plan::Bucket::kHour: return chart::Bucket::kHour;
    case plan::Bucket::kDay: return chart::Bucket::kDay;
    case plan::Bucket::kWeek: return chart::Bucket::kWeek;
    case plan::Bucket::kMonth: return chart::Bucket::kMonth;
  }
  return chart::Bucket::kDay;
}

bool ReadNumber(std::string_view text, std::size_t from, std::size_t length, int& out) {
  if (from + length > text.size()) return false;
  const char* first = text.data() + from;
  const auto [end, error] = std::from_chars(first, first + length, out);
  return error == std::errc() && end == first + length;
}

// A bucket key as the service writes it — "2025-11", "2025-11-28", "2025-11-28 14:00" — as the
// local start of the bucket.
std::optional<DateTime> KeyStart(std::string_view key) {
  DateTime start{Date{0, 1, 1}, 0};  // year, month, day; seconds of the day
  if (key.size() < 7 || key[4] != '-' || !ReadNumber(key, 0, 4, start.date.year) ||
      !ReadNumber(key, 5, 2, start.date.month)) {
    return std::nullopt;
  }
  if (key.size() == 7) return start;
  if (key.size() < 10 || key[7] != '-' || !ReadNumber(key, 8, 2, start.date.day)) return std::nullopt;
  if (key.size() == 10) return start;
  int hour = 0;
  if (key.size() != 16 || key[10] != ' ' || !ReadNumber(key, 11, 2, hour) || key.substr(13) != ":00") {
    return std::nullopt;
  }
  start.seconds_of_day = hour * 3600;
  return start;
}

// The chart's data without its captions.
std::optional<chart::TimeSeriesChart> PlotData(const Reply& reply) {
  if (reply.series.empty() || !reply.series_layout) return std::nullopt;
  const SeriesLayout& layout = *reply.series_layout;
  chart::TimeSeriesChart out;
  out.title = layout.title;
  out.subtitle = layout.subtitle;
  out.bucket = ChartBucket(layout.bucket);
  out.offset = layout.offset;
  for (const SeriesPoint& point : reply.series) {
    const auto start = KeyStart(point.key);
    if (!start) return std::nullopt;
    out.points.push_back({ToInstant(*start, layout.offset), static_cast<double>(point.value)});
  }
  return out;
}

// «Всего: 12 345 · максимум: 2 345 (28 ноя) · интервалов: 30»; the total only when the buckets
// add up and their sum fits. `chart` (when drawable) names the largest bucket as its axis does.
std::string KeyFigures(const Reply& reply, const std::optional<chart::TimeSeriesChart>& chart) {
  const auto largest = std::max_element(reply.series.begin(), reply.series.end(),
                                        [](const SeriesPoint& a, const SeriesPoint& b) { return a.value < b.value; });
  std::string where = largest->key;
  if (chart) {
    const auto index = static_cast<std::size_t>(largest - reply.series.begin());
    where = chart::FormatTimeLabel(ToLocal(chart->points[index].start, chart->offset), chart::LabelStyleFor(*chart));
  }
  std::string figures;
  std::int64_t total = 0;
  bool total_fits = reply.series_layout->additive;
  for (const SeriesPoint& point : reply.series) {
    if (total_fits && __builtin_add_overflow(total, point.value, &total)) total_fits = false;
  }
  if (total_fits) figures = fmt::format("Всего: {} · ", chart::FormatNumber(static_cast<double>(total)));
  figures += fmt::format("максимум: {} ({}) · интервалов: {}", chart::FormatNumber(static_cast<double>(largest->value)),
                         where, reply.series.size());
  return figures;
}

// «3f2504e0-4f89-41d3-9a0c-0305e82c3301» → «3f2504e0…3301»: still tells the bars apart.
std::string ShortLabel(const std::string& key) {
  constexpr std::size_t kLongest = 16;
  if (key.size() <= kLongest) return key;
  return key.substr(0, 8) + "…" + key.substr(key.size() - 4);
}

// A value as the chart writes it: thousands with thin spaces, two decimals when fractional.
std::string ValueText(double value) { return chart::FormatNumber(value); }

}  // namespace

std::optional<chart::RankingChart> RankingChartOf(const Reply& reply) {
  if (reply.ranking.empty() || !reply.ranking_layout) return std::nullopt;
  chart::RankingChart out;
  out.title = reply.ranking_layout->title;
  out.subtitle = reply.ranking_layout->subtitle;
  out.value_label = reply.ranking_layout->value_label;
  for (const RankingRow& row : reply.ranking) out.entries.push_back({ShortLabel(row.key), row.value});
  return out;
}

std::string RankingCaption(const Reply& reply) {
  if (reply.ranking.empty() || !reply.ranking_layout) return {};
  const RankingRow& leader = reply.ranking.front();
  std::string figures =
      fmt::format("{}\n{}: {} — {}", reply.ranking_layout->title,
                  reply.ranking_layout->ascending ? "Меньше всего" : "Лидер", leader.key, ValueText(leader.value));
  if (reply.ranking_layout->additive && reply.ranking.size() > 1) {
    double total = 0;
    for (const RankingRow& row : reply.ranking) total += row.value;
    figures += fmt::format(" · всего у {}: {}", reply.ranking.size(), ValueText(total));
  }
  return figures;
}

bool AnswersWithChart(const Reply& reply) {
  if (!reply.series.empty()) return true;
  return reply.ranking.size() >= 2 && reply.ranking_layout && !reply.ranking_layout->superlative;
}

std::optional<std::string> RenderChartPng(const Reply& reply) {
  if (!reply.series.empty()) {
    const auto chart = SeriesChart(reply);
    if (!chart) return std::nullopt;
    return chart::RenderPng(*chart);
  }
  const auto chart = RankingChartOf(reply);
  if (!chart) return std::nullopt;
  return chart::RenderPng(*chart);
}

std::string ChartCaption(const Reply& reply) {
  return reply.series.empty() ? RankingCaption(reply) : SeriesCaption(reply);
}

std::optional<chart::TimeSeriesChart> SeriesChart(const Reply& reply) {
  auto chart = PlotData(reply);
  if (chart) chart->y_axis_label = KeyFigures(reply, chart);
  return chart;
}

std::string SeriesCaption(const Reply& reply) {
  if (reply.series.empty() || !reply.series_layout) return {};
  return fmt::format("{}\n{}", reply.series_layout->title, KeyFigures(reply, PlotData(reply)));
}

}  // namespace videobot::service
