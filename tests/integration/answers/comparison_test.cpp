// Comparisons on SQLite, PostgreSQL and ClickHouse against the brute-force oracle: questions
// parsed by the rules, run by the service (both sides), and the difference, percentage or both
// values checked against the oracle's values of the two sides computed independently — periods
// crossing months, two creators, two metrics, negative differences, +03:00 days, and a
// percentage of B = 0 refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fixtures.hpp"
#include "nl/rule_parser.hpp"
#include "plan/plan_json.hpp"
#include "service/answer_service.hpp"
#include "support/clickhouse_env.hpp"
#include "support/generated_document.hpp"
#include "support/oracle.hpp"

namespace videobot::testing {
namespace {

constexpr std::string_view kNow = "2025-11-30T15:20:00Z";
// A creator id with no videos in the generated data.
constexpr std::string_view kAbsentCreator = "ffffffffffffffffffffffffffffffff";

std::int64_t OracleInteger(const Dataset& data, const plan::Plan& side, const plan::TimeContext& time) {
  const auto result = Evaluate(data, side, time);
  const auto* value = std::get_if<std::int64_t>(&result.scalar);
  EXPECT_NE(value, nullptr) << "the oracle has no integer for " << plan::ToJson(side).dump();
  return value != nullptr ? *value : 0;
}

// (A − B) / B × 100 with two decimals, half away from zero, by long division on the magnitudes.
std::string OraclePercent(std::int64_t a, std::int64_t b) {
  const bool negative = (a - b < 0) != (b < 0);
  const long long magnitude = std::llabs(a - b) * 10000;
  const long long divisor = std::llabs(b);
  long long hundredths = magnitude / divisor;
  if ((magnitude % divisor) * 2 >= divisor) ++hundredths;
  std::string text = (negative && hundredths != 0) ? "-" : "";
  const std::string fraction = std::to_string(hundredths % 100);
  return text + std::to_string(hundredths / 100) + "." + (fraction.size() == 1 ? "0" : "") + fraction;
}

class ComparisonsAgainstOracle : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    document_ = new std::string(GeneratedDocument({.videos = 40, .creators = 6, .seed = 20251128}));
    data_ = new Dataset(ParseDataset(*document_));
  }
  static void TearDownTestSuite() {
    delete document_;
    delete data_;
  }

  // Two creators of the data, the one with more videos first.
  static std::pair<std::string, std::string> TwoCreators() {
    std::map<std::string, int> videos;
    for (const auto& video : data_->videos) ++videos[video.creator_id];
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [id, count] : videos) ranked.emplace_back(count, id);
    std::sort(ranked.rbegin(), ranked.rend());
    return {ranked.at(0).second, ranked.at(ranked.size() - 1).second};
  }

  std::vector<std::string> Questions() const {
    const auto [busy, quiet] = TwoCreators();
    return {
        "На сколько больше просмотров набрали видео 28 ноября 2025, чем 27 ноября 2025?",
        "На сколько меньше просмотров набрали видео 28 ноября 2025, чем 27 ноября 2025?",
        "На сколько процентов выросли лайки 28 ноября 2025 по сравнению с 27 ноября 2025?",
        "На сколько больше просмотров набрали видео с 29 ноября по 1 декабря 2025, чем с 26 по 28 ноября 2025?",
        "На сколько процентов изменились просмотры в ноябре 2025 по сравнению с октябрем?",
        "На сколько больше видео опубликовано в ноябре 2025, чем в октябре 2025?",
        "На сколько больше лайков у видео креатора " + busy + ", чем у креатора " + quiet + "?",
        "На сколько меньше видео у креатора " + busy + ", чем у креатора " + quiet + "?",
        "На сколько процентов больше просмотров у видео креатора " + quiet + ", чем у видео креатора " + busy + "?",
        "На сколько больше комментариев, чем лайков?",
        "На сколько процентов больше лайков, чем комментариев?",
        "Сравни лайки креатора " + busy + " и креатора " + quiet,
        "Сравни просмотры за 28 ноября 2025 и 27 ноября 2025",
        "На сколько больше просмотров набрали видео на 29 ноября 2025, чем на 28 ноября 2025?",
    };
  }

  void ExpectComparison(service::AnswerService& service, const std::string& question, const plan::TimeContext& time,
                        const std::string& label, int& negatives) {
    SCOPED_TRACE(label + ": " + question);
    auto plan = service.PlanFor(question);
    ASSERT_TRUE(plan.has_value()) << plan.error().Describe();
    ASSERT_TRUE(plan->compare.has_value()) << plan::ToJson(*plan).dump();
    const std::int64_t a = OracleInteger(*data_, plan::ComparisonSideA(*plan), time);
    const std::int64_t b = OracleInteger(*data_, plan::ComparisonSideB(*plan), time);
    auto outcome = service.Run(*plan);
    if (plan->compare->mode == plan::CompareMode::kPercent && b == 0) {
      ASSERT_FALSE(outcome.has_value()) << "a percentage of 0 must be refused";
      return;
    }
    ASSERT_TRUE(outcome.has_value()) << outcome.error().Describe() << "\n" << plan::ToJson(*plan).dump();
    ASSERT_TRUE(outcome->comparison.has_value());
    EXPECT_EQ(outcome->comparison->a, std::to_string(a));
    EXPECT_EQ(outcome->comparison->b, std::to_string(b));
    switch (plan->compare->mode) {
      case plan::CompareMode::kDifference:
        EXPECT_EQ(outcome->text, std::to_string(a - b));
        if (a < b) ++negatives;
        break;
      case plan::CompareMode::kPercent: EXPECT_EQ(outcome->text, OraclePercent(a, b)); break;
      case plan::CompareMode::kBoth:
        EXPECT_EQ(outcome->text, outcome->comparison->a_label + " " + std::to_string(a) + "\n" +
                                     outcome->comparison->b_label + " " + std::to_string(b));
        EXPECT_NE(outcome->comparison->a_label, outcome->comparison->b_label);
        break;
    }
  }

  void Run(db::Database& database, const std::string& label) {
    nl::RuleParser parser;
    const FixedClock clock(ParseTimestamp(kNow).value());
    int negatives = 0;
    for (const UtcOffset offset : {UtcOffset{0}, UtcOffset{180}}) {
      service::AnswerService service(parser, database, clock, offset);
      const plan::TimeContext time{clock.Now(), offset};
      for (const auto& question : Questions()) {
        ExpectComparison(service, question, time, label + (offset.minutes == 0 ? "" : " +03:00"), negatives);
        if (HasFatalFailure()) return;
      }
    }
    EXPECT_GT(negatives, 0) << "no negative difference was checked";
    // B = 0: the percentage is refused with a message saying so.
    service::AnswerService service(parser, database, clock, UtcOffset{0});
    const auto [busy, quiet] = TwoCreators();
    const auto reply = service.Answer("На сколько процентов больше видео у креатора " + busy + ", чем у креатора " +
                                      std::string(kAbsentCreator) + "?");
    EXPECT_EQ(reply.kind, service::Reply::Kind::kRefusal) << reply.text;
    EXPECT_NE(reply.text.find("равно 0"), std::string::npos) << reply.text;
    const auto difference = service.Answer("На сколько больше видео у креатора " + busy + ", чем у креатора " +
                                           std::string(kAbsentCreator) + "?");
    ASSERT_EQ(difference.kind, service::Reply::Kind::kAnswer) << difference.text;
    EXPECT_EQ(difference.text, difference.comparison.value().a);
  }

  static std::string* document_;
  static Dataset* data_;
};

std::string* ComparisonsAgainstOracle::document_ = nullptr;
Dataset* ComparisonsAgainstOracle::data_ = nullptr;

TEST_F(ComparisonsAgainstOracle, SqliteComparisonsMatchTheOracle) {
  TempDir dir;
  auto database = LoadedDatabase("sqlite:" + dir.path() + "/comparisons.db", *document_);
  Run(*database, "sqlite");
}

TEST_F(ComparisonsAgainstOracle, PostgresComparisonsMatchTheOracle) {
  VIDEOBOT_REQUIRE_POSTGRES();
  ScratchPostgres scratch;
  auto database = LoadedDatabase(scratch.url(), *document_);
  Run(*database, "postgres");
}

TEST_F(ComparisonsAgainstOracle, ClickHouseComparisonsMatchTheOracle) {
  VIDEOBOT_REQUIRE_CLICKHOUSE();
  ScratchClickHouse scratch(false);
  auto database = LoadedDatabase(scratch.url(), *document_);
  Run(*database, "clickhouse");
}

}  // namespace
}  // namespace videobot::testing
