#include "observe/metrics.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

#include "common/version.hpp"
#include "observe/process_metrics.hpp"

namespace videobot::observe {
namespace {

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(MetricsTest, CounterRendersHelpTypeAndLabelledSamples) {
  Registry registry;
  auto& counter = registry.AddCounter("demo_requests_total", "Requests.\nSecond line \\ here.", {"method", "code"});
  counter.Increment({"getUpdates", "200"});
  counter.Increment({"getUpdates", "200"}, 2);
  counter.Increment({"sendMessage", "network"});
  const std::string text = registry.Render();
  EXPECT_TRUE(Contains(text, "# HELP demo_requests_total Requests.\\nSecond line \\\\ here.\n")) << text;
  EXPECT_TRUE(Contains(text, "# TYPE demo_requests_total counter\n")) << text;
  EXPECT_TRUE(Contains(text, "demo_requests_total{method=\"getUpdates\",code=\"200\"} 3\n")) << text;
  EXPECT_TRUE(Contains(text, "demo_requests_total{method=\"sendMessage\",code=\"network\"} 1\n")) << text;
  EXPECT_EQ(counter.Value({"getUpdates", "200"}), 3);
}

TEST(MetricsTest, LabelValuesAreEscaped) {
  EXPECT_EQ(EscapeLabelValue(R"(a"b\c)"
                             "\nd"),
            R"(a\"b\\c\nd)");
  Registry registry;
  auto& gauge = registry.AddGauge("demo_value", "A value.", {"name"});
  gauge.Set(1.5, {"quote\" back\\ new\nline"});
  EXPECT_TRUE(Contains(registry.Render(), R"(demo_value{name="quote\" back\\ new\nline"} 1.5)")) << registry.Render();
}

TEST(MetricsTest, HistogramBucketsAreCumulativeWithInfSumAndCount) {
  Registry registry;
  auto& histogram = registry.AddHistogram("demo_seconds", "Durations.", {0.1, 1, 10});
  for (const double value : {0.05, 0.1, 0.5, 2.0, 100.0}) histogram.Observe(value);
  const std::string text = registry.Render();
  EXPECT_TRUE(Contains(text, "# TYPE demo_seconds histogram\n"));
  EXPECT_TRUE(Contains(text, "demo_seconds_bucket{le=\"0.1\"} 2\n")) << text;  // le is inclusive
  EXPECT_TRUE(Contains(text, "demo_seconds_bucket{le=\"1\"} 3\n")) << text;
  EXPECT_TRUE(Contains(text, "demo_seconds_bucket{le=\"10\"} 4\n")) << text;
  EXPECT_TRUE(Contains(text, "demo_seconds_bucket{le=\"+Inf\"} 5\n")) << text;
  EXPECT_TRUE(Contains(text, "demo_seconds_sum 102.65\n")) << text;
  EXPECT_TRUE(Contains(text, "demo_seconds_count 5\n")) << text;
  EXPECT_EQ(histogram.Count(), 5u);
}

TEST(MetricsTest, HistogramWithLabelsPutsLeLast) {
  Registry registry;
  auto& histogram = registry.AddHistogram("demo_seconds", "Durations.", {1}, {"route"});
  histogram.Observe(0.5, {"/v1/ask"});
  const std::string text = registry.Render();
  EXPECT_TRUE(Contains(text, "demo_seconds_bucket{route=\"/v1/ask\",le=\"1\"} 1\n")) << text;
  EXPECT_TRUE(Contains(text, "demo_seconds_count{route=\"/v1/ask\"} 1\n")) << text;
}

TEST(MetricsTest, RejectsInvalidAndDuplicateNamesAndWrongArity) {
  Registry registry;
  registry.AddCounter("demo_total", "x");
  EXPECT_THROW(registry.AddCounter("demo_total", "x"), std::invalid_argument);
  EXPECT_THROW(registry.AddGauge("1bad", "x"), std::invalid_argument);
  EXPECT_THROW(registry.AddGauge("bad-name", "x"), std::invalid_argument);
  EXPECT_THROW(registry.AddGauge("ok_name", "x", {"__reserved"}), std::invalid_argument);
  EXPECT_THROW(registry.AddHistogram("h", "x", {1, 1}), std::invalid_argument);
  EXPECT_THROW(registry.AddHistogram("h2", "x", {1}, {"le"}), std::invalid_argument);
  auto& counter = registry.AddCounter("labelled_total", "x", {"a"});
  EXPECT_THROW(counter.Increment({}), std::invalid_argument);
  EXPECT_THROW(counter.Increment({"x"}, -1), std::invalid_argument);
}

TEST(MetricsTest, SampleValuesUseTheExpositionSpelling) {
  EXPECT_EQ(FormatSampleValue(3), "3");
  EXPECT_EQ(FormatSampleValue(-2), "-2");
  EXPECT_EQ(FormatSampleValue(0.25), "0.25");
  EXPECT_EQ(FormatSampleValue(1.0 / 0.0), "+Inf");
  EXPECT_EQ(FormatSampleValue(-1.0 / 0.0), "-Inf");
  EXPECT_EQ(FormatSampleValue(0.0 / 0.0), "NaN");
}

TEST(MetricsTest, ScrapeHooksRunBeforeRenderingAndAFailingHookIsSkipped) {
  Registry registry;
  auto& gauge = registry.AddGauge("demo_rows", "Rows.");
  int runs = 0;
  registry.AddScrapeHook([] { throw std::runtime_error("database down"); });
  registry.AddScrapeHook([&] { gauge.Set(++runs * 10); });
  EXPECT_TRUE(Contains(registry.Render(), "demo_rows 10\n"));
  EXPECT_TRUE(Contains(registry.Render(), "demo_rows 20\n"));
}

TEST(MetricsTest, ConcurrentIncrementsAreAllCounted) {
  Registry registry;
  auto& counter = registry.AddCounter("demo_total", "x", {"t"});
  auto& histogram = registry.AddHistogram("demo_seconds", "x", LatencyBuckets());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) {
        counter.Increment({"same"});
        histogram.Observe(0.01);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(counter.Value({"same"}), 4000);
  EXPECT_EQ(histogram.Count(), 4000u);
}

TEST(ProcessMetricsTest, HasBuildInfoStartTimeAndEveryFamily) {
  ProcessMetrics metrics;
  metrics.RecordQuestion("ok", "rules", std::chrono::milliseconds(20));
  metrics.RecordBotApiCall("getUpdates", "200");
  EXPECT_FALSE(metrics.LastGetUpdatesSuccess().has_value());
  metrics.MarkGetUpdatesSuccess();
  EXPECT_TRUE(metrics.LastGetUpdatesSuccess().has_value());
  const std::string text = metrics.registry().Render();
  EXPECT_TRUE(Contains(text, "videobot_build_info{version=\"" + std::string(kVersion) + "\"} 1\n")) << text;
  EXPECT_TRUE(Contains(text, "videobot_questions_total{outcome=\"ok\",planner=\"rules\"} 1\n")) << text;
  EXPECT_TRUE(Contains(text, "videobot_answer_duration_seconds_count 1\n")) << text;
  EXPECT_TRUE(Contains(text, "videobot_bot_api_requests_total{method=\"getUpdates\",code=\"200\"} 1\n")) << text;
  for (const char* family : {"videobot_db_query_duration_seconds", "videobot_data_videos", "videobot_data_snapshots",
                             "videobot_data_last_load_timestamp_seconds", "videobot_database_up",
                             "videobot_last_get_updates_success_timestamp_seconds", "process_start_time_seconds",
                             "videobot_http_requests_total"}) {
    EXPECT_TRUE(Contains(text, std::string("# TYPE ") + family + " ")) << family;
  }
}

}  // namespace
}  // namespace videobot::observe
