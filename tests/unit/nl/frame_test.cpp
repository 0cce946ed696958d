// The frame of a question (nl/frame.hpp): what ExtractFrame reads from the linked words before a
// question family is chosen — the subject, the metric and aggregate, growth and sign, publication,
// periods by role, ranking and series words — and that reading it changes nothing.

#include "nl/frame.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "nl/normalizer.hpp"
#include "nl/plan_builder.hpp"
#include "nl/scanner.hpp"
#include "nl/tokenizer.hpp"

namespace videobot::nl {
namespace {

const plan::TimeContext kContext{ParseTimestamp("2025-12-02T12:00:00Z").value(), UtcOffset{}};

// One question, analysed and linked as the plan builder does it; the tokens and mentions view
// `normalized`, so a Question is built in place.
struct Question {
  explicit Question(const std::string& text) : normalized(Normalize(text).value()), tokens(Tokenize(normalized)) {
    analysis.mentions = Scan(tokens);
    auto read = ReadFrame(analysis, kContext);
    if (!read) throw std::runtime_error("refused before the frame: " + read.error().message);
    frame = *read;
  }
  Question(const Question&) = delete;
  Question& operator=(const Question&) = delete;

  // The text of the mention at `i`.
  std::string Text(std::size_t i) const { return std::string(analysis.mentions.at(i).text); }

  std::string normalized;
  std::vector<Token> tokens;
  Analysis analysis;
  Frame frame;
};

TEST(ExtractFrame, FinalCountersWithAThresholdCountVideos) {
  const Question q(
      "Сколько видео у креатора с id aca1061a9d324ecf8c3fa2bb32d7be63 набрали больше 10 000 "
      "просмотров по итоговой статистике?");
  EXPECT_EQ(q.frame.target.kind, TargetKind::kVideo);
  EXPECT_EQ(q.Text(q.frame.target.mention), "видео");
  EXPECT_TRUE(q.frame.final_counters);
  EXPECT_FALSE(q.frame.growth);
  EXPECT_FALSE(q.frame.delta_condition);
  // The views are the condition's metric, not a free one.
  EXPECT_EQ(q.frame.other_metric, std::nullopt);
  EXPECT_TRUE(q.frame.published.empty());
  EXPECT_TRUE(q.frame.unattached.empty());
  EXPECT_FALSE(q.frame.ranking);
}

TEST(ExtractFrame, GrowthOnADayIsAMetricWithAnUnattachedPeriod) {
  const Question q("На сколько просмотров в сумме выросли все видео 28 ноября 2025?");
  EXPECT_EQ(q.frame.target.kind, TargetKind::kMetric);
  EXPECT_EQ(q.frame.target.metric, Concept::kViews);
  EXPECT_TRUE(q.frame.growth);
  EXPECT_TRUE(q.frame.how_much_change);
  EXPECT_FALSE(q.frame.publish);
  ASSERT_EQ(q.frame.unattached.size(), 1U);
  EXPECT_EQ(q.Text(q.frame.unattached.front()), "28 ноября 2025");
  EXPECT_TRUE(q.frame.published.empty());
  EXPECT_EQ(q.frame.moment, std::nullopt);
}

TEST(ExtractFrame, APeriodNextToAPublicationVerbFiltersPublication) {
  const Question q(
      "Сколько видео опубликовал креатор с id aca1061a9d324ecf8c3fa2bb32d7be63 в период с 1 ноября "
      "2025 по 5 ноября 2025 включительно?");
  EXPECT_TRUE(q.frame.publish);
  ASSERT_EQ(q.frame.published.size(), 1U);
  EXPECT_TRUE(q.frame.unattached.empty());
  EXPECT_FALSE(q.frame.growth);
}

TEST(ExtractFrame, NewViewsAreASecondMetricWithGrowth) {
  const Question q("Сколько разных видео получали новые просмотры 27 ноября 2025?");
  EXPECT_EQ(q.frame.target.kind, TargetKind::kVideo);
  EXPECT_TRUE(q.frame.distinct);
  EXPECT_TRUE(q.frame.new_word);
  EXPECT_TRUE(q.frame.growth);
  EXPECT_EQ(q.frame.other_metric, Concept::kViews);
  EXPECT_FALSE(q.frame.new_videos);
  EXPECT_EQ(q.frame.unattached.size(), 1U);
}

TEST(ExtractFrame, NewVideosArePublishedInThePeriod) {
  const Question q("Сколько новых видео появилось за май 2025?");
  EXPECT_TRUE(q.frame.new_videos);
  EXPECT_TRUE(q.frame.publish);
  EXPECT_FALSE(q.frame.new_word);
  EXPECT_FALSE(q.frame.growth);
  EXPECT_EQ(q.frame.published.size(), 1U);
}

TEST(ExtractFrame, APeriodSaidAsAMomentIsTheMoment) {
  const Question q("Сколько просмотров было у всех видео по состоянию на 28 ноября 2025?");
  ASSERT_TRUE(q.frame.moment.has_value());
  EXPECT_EQ(q.Text(*q.frame.moment), "28 ноября 2025");
  ASSERT_TRUE(q.frame.moment_word.has_value());
  EXPECT_EQ(q.analysis.mentions[*q.frame.moment_word].meaning, Concept::kAsOf);
  EXPECT_TRUE(q.frame.unattached.empty());
  EXPECT_FALSE(q.frame.moments_conflict);
}

TEST(ExtractFrame, AMostAskedForIsARankingInDescendingOrder) {
  const Question q("Какой креатор набрал больше всего лайков за ноябрь 2025?");
  EXPECT_TRUE(q.frame.ranking);
  EXPECT_TRUE(q.frame.asks_desc);
  EXPECT_FALSE(q.frame.asks_asc);
  EXPECT_EQ(q.frame.target.kind, TargetKind::kCreator);
  EXPECT_EQ(q.frame.other_metric, Concept::kLikes);
  EXPECT_EQ(q.frame.measured_superlative, std::nullopt);
}

TEST(ExtractFrame, AMeasuredSuperlativeNamesItsMetric) {
  const Question q("Какое видео самое залайканное?");
  EXPECT_TRUE(q.frame.ranking);
  EXPECT_EQ(q.frame.measured_superlative, Concept::kLikes);
}

TEST(ExtractFrame, AnAverageHourlyGrowthIsPerMeasurementNotASeries) {
  const Question q("Какой средний почасовой прирост просмотров 28 ноября 2025?");
  EXPECT_EQ(q.frame.aggregate_word, Concept::kAvg);
  EXPECT_FALSE(q.frame.aggregates_conflict);
  EXPECT_TRUE(q.frame.per_hour);
  EXPECT_FALSE(q.frame.series);
}

TEST(ExtractFrame, SeriesWordsNameTheirBucket) {
  const Question by_days("Прирост просмотров по дням за ноябрь 2025");
  EXPECT_TRUE(by_days.frame.series);
  EXPECT_EQ(by_days.frame.bucket, plan::Bucket::kDay);
  EXPECT_FALSE(by_days.frame.buckets_conflict);
  const Question two("Прирост просмотров по дням и по часам за ноябрь 2025");
  EXPECT_TRUE(two.frame.buckets_conflict);
}

TEST(ExtractFrame, APublicationWindowIsItsHours) {
  const Question q(
      "Какой суммарный прирост комментариев получили все видео за первые 3 часа после публикации "
      "каждого из них?");
  EXPECT_EQ(q.frame.window, 3);
  EXPECT_FALSE(q.frame.window_conflict);
  EXPECT_EQ(q.frame.target.metric, Concept::kComments);
}

TEST(ExtractFrame, ReadingTheFrameChangesNothing) {
  Question q("Сколько просмотров было у всех видео по состоянию на 28 ноября 2025?");
  std::vector<bool> used;
  for (const Mention& m : q.analysis.mentions) used.push_back(m.used);
  const Frame again = ExtractFrame(q.analysis, q.frame.target, q.frame.new_videos);
  EXPECT_EQ(again, q.frame);
  for (std::size_t i = 0; i < used.size(); ++i) EXPECT_EQ(q.analysis.mentions[i].used, used[i]) << i;
}

}  // namespace
}  // namespace videobot::nl
