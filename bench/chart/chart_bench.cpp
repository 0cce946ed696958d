// Chart rendering: layout, drawing and PNG encoding of one 1280×720 chart, in memory.
#include <benchmark/benchmark.h>

#include <cmath>

#include "chart/render.hpp"

namespace {

using namespace videobot;

chart::TimeSeriesChart Series(int count, chart::Bucket bucket, Instant step) {
  chart::TimeSeriesChart series;
  series.title = "Прирост просмотров";
  series.y_axis_label = "прирост просмотров";
  series.bucket = bucket;
  series.offset = UtcOffset{180};
  const Instant start = ToInstant({{2025, 11, 1}, 0}, series.offset);
  for (int i = 0; i < count; ++i) {
    const double value = 50'000 + 20'000 * std::sin(i * 0.7) + 300.0 * i;
    series.points.push_back({start + i * step, std::round(value)});
  }
  return series;
}

chart::RankingChart Ranking(int count) {
  chart::RankingChart ranking;
  ranking.title = "Видео с наибольшим числом лайков";
  ranking.value_label = "лайки";
  for (int i = 0; i < count; ++i) {
    ranking.entries.push_back({"ecd8a4e4-1f24-4b97-a944-35d17078ce" + std::to_string(10 + i), 100'000.0 - 7'000 * i});
  }
  return ranking;
}

void BM_DailySeries30(benchmark::State& state) {
  const auto series = Series(30, chart::Bucket::kDay, kMicrosPerDay);
  for (auto _ : state) benchmark::DoNotOptimize(chart::RenderPng(series));
}
BENCHMARK(BM_DailySeries30)->Unit(benchmark::kMillisecond);

void BM_HourlyMonth744(benchmark::State& state) {
  const auto series = Series(744, chart::Bucket::kHour, kMicrosPerHour);
  for (auto _ : state) benchmark::DoNotOptimize(chart::RenderPng(series));
}
BENCHMARK(BM_HourlyMonth744)->Unit(benchmark::kMillisecond);

void BM_Ranking10(benchmark::State& state) {
  const auto ranking = Ranking(10);
  for (auto _ : state) benchmark::DoNotOptimize(chart::RenderPng(ranking));
}
BENCHMARK(BM_Ranking10)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
