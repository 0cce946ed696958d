// The generator: determinism, the real file's shape, and the invariants answers rely on.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <regex>
#include <set>
#include <sstream>

#include "common/time.hpp"
#include "datagen/generator.hpp"

namespace videobot::datagen {
namespace {

using nlohmann::ordered_json;

std::string Generated(const GeneratorOptions& options) {
  std::ostringstream out;
  Generate(options, out);
  return out.str();
}

GeneratorOptions Options(int videos, std::uint64_t seed, int creators = 20) {
  GeneratorOptions options;
  options.videos = videos;
  options.seed = seed;
  options.creators = creators;
  return options;
}

Instant At(const ordered_json& value) {
  const auto instant = ParseTimestamp(value.get<std::string>());
  if (!instant) throw std::runtime_error("unparseable timestamp " + value.dump());
  return *instant;
}

Instant Utc(int year, int month, int day, int hour) {
  return ToInstant(DateTime{Date{year, month, day}, hour * 3600}, UtcOffset{0});
}

TEST(GeneratorTest, SameSeedSameBytes) { EXPECT_EQ(Generated(Options(30, 42)), Generated(Options(30, 42))); }

TEST(GeneratorTest, DifferentSeedDifferentData) { EXPECT_NE(Generated(Options(30, 42)), Generated(Options(30, 43))); }

TEST(GeneratorTest, HonoursRequestedCounts) {
  const auto document = ordered_json::parse(Generated(Options(57, 3, 4)));
  ASSERT_EQ(document.size(), 1u);
  EXPECT_EQ(document["videos"].size(), 57u);
  std::set<std::string> creators;
  for (const auto& video : document["videos"]) creators.insert(video["creator_id"].get<std::string>());
  EXPECT_LE(creators.size(), 4u);
  EXPECT_GE(creators.size(), 2u);
  EXPECT_EQ(ordered_json::parse(Generated(Options(0, 3)))["videos"].size(), 0u);
}

TEST(GeneratorTest, KeyOrderAndFormatsFollowTheRealFile) {
  const std::string text = Generated(Options(5, 8));
  const auto document = ordered_json::parse(text);
  const auto& video = document["videos"][0];
  std::vector<std::string> keys;
  for (const auto& item : video.items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "video_created_at", "views_count", "likes_count", "reports_count",
                                            "comments_count", "creator_id", "created_at", "updated_at", "snapshots"}));
  keys.clear();
  for (const auto& item : video["snapshots"][0].items()) keys.push_back(item.key());
  EXPECT_EQ(keys,
            (std::vector<std::string>{"id", "video_id", "views_count", "likes_count", "reports_count", "comments_count",
                                      "delta_views_count", "delta_likes_count", "delta_reports_count",
                                      "delta_comments_count", "created_at", "updated_at"}));
  const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  const std::regex hex32("[0-9a-f]{32}");
  const std::regex published("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
  const std::regex stamped("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00");
  for (const auto& v : document["videos"]) {
    EXPECT_TRUE(std::regex_match(v["id"].get<std::string>(), uuid)) << v["id"];
    EXPECT_TRUE(std::regex_match(v["creator_id"].get<std::string>(), hex32)) << v["creator_id"];
    EXPECT_TRUE(std::regex_match(v["video_created_at"].get<std::string>(), published)) << v["video_created_at"];
    EXPECT_TRUE(std::regex_match(v["created_at"].get<std::string>(), stamped)) << v["created_at"];
    for (const auto& s : v["snapshots"]) {
      EXPECT_TRUE(std::regex_match(s["id"].get<std::string>(), hex32)) << s["id"];
      EXPECT_TRUE(std::regex_match(s["created_at"].get<std::string>(), stamped)) << s["created_at"];
      EXPECT_TRUE(std::regex_match(s["updated_at"].get<std::string>(), stamped)) << s["updated_at"];
    }
  }
  EXPECT_TRUE(text.starts_with("{\n  \"videos\": [\n    {\n      \"id\": \""));
}

// Invariants that every generated document must satisfy, checked on the default data set.
class DefaultDataSet : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { document_ = new ordered_json(ordered_json::parse(Generated(GeneratorOptions{}))); }
  static void TearDownTestSuite() {
    delete document_;
    document_ = nullptr;
  }
  static const ordered_json& videos() { return (*document_)["videos"]; }
  static ordered_json* document_;
};
ordered_json* DefaultDataSet::document_ = nullptr;

TEST_F(DefaultDataSet, ResemblesTheRealFile) {
  EXPECT_EQ(videos().size(), 358u);
  std::size_t snapshots = 0;
  for (const auto& v : videos()) snapshots += v["snapshots"].size();
  EXPECT_GT(snapshots, 30'000u);
  EXPECT_LT(snapshots, 42'000u);
}

TEST_F(DefaultDataSet, DeltasAddUpToTheFinalCounters) {
  for (const auto& v : videos()) {
    const auto& snapshots = v["snapshots"];
    ASSERT_FALSE(snapshots.empty()) << v["id"];
    for (const char* counter : {"views_count", "likes_count", "comments_count", "reports_count"}) {
      const std::string delta = std::string("delta_") + counter;
      EXPECT_EQ(snapshots[0][delta], snapshots[0][counter]) << v["id"] << " first delta of " << counter;
      std::int64_t sum = 0;
      std::int64_t previous = 0;
      for (const auto& s : snapshots) {
        sum += s[delta].get<std::int64_t>();
        EXPECT_EQ(s[delta].get<std::int64_t>(), s[counter].get<std::int64_t>() - previous);
        previous = s[counter].get<std::int64_t>();
      }
      EXPECT_EQ(sum, v[counter].get<std::int64_t>()) << v["id"] << " " << counter;
      EXPECT_EQ(snapshots.back()[counter], v[counter]) << v["id"] << " final " << counter;
    }
  }
}

TEST_F(DefaultDataSet, SnapshotsAreHourlyAfterPublicationInsideTheWindow) {
  const Instant start = Utc(2025, 11, 26, 11);
  const Instant end = Utc(2025, 12, 1, 10);
  std::set<std::string> ids;
  for (const auto& v : videos()) {
    const Instant published = At(v["video_created_at"]);
    EXPECT_GE(published, Utc(2025, 6, 1, 0));
    EXPECT_TRUE(ids.insert(v["id"].get<std::string>()).second) << "repeated video id";
    Instant previous = published;
    for (const auto& s : v["snapshots"]) {
      EXPECT_EQ(s["video_id"], v["id"]);
      EXPECT_TRUE(ids.insert(s["id"].get<std::string>()).second) << "repeated snapshot id";
      const Instant at = At(s["created_at"]);
      EXPECT_GT(at, previous) << "snapshots must follow the publication and each other";
      EXPECT_GE(At(s["updated_at"]), at);
      EXPECT_GE(at, start);
      EXPECT_LT(at, end + kMicrosPerHour);
      const Instant past_hour = (at - start) % kMicrosPerHour;
      EXPECT_LT(past_hour, 2 * 60 * kMicrosPerSecond) << s["created_at"] << " is not a few seconds past the hour";
      previous = at;
    }
    EXPECT_LE(At(v["created_at"]), At(v["snapshots"][0]["created_at"]));
    EXPECT_GE(At(v["updated_at"]), At(v["created_at"]));
  }
}

TEST_F(DefaultDataSet, HasTheIrregularitiesOfRealData) {
  const Instant start = Utc(2025, 11, 26, 11);
  const Instant last_tick = Utc(2025, 12, 1, 10);
  int published_during = 0, stopped_early = 0, with_gaps = 0, negative = 0, viral = 0, june = 0;
  for (const auto& v : videos()) {
    const auto& snapshots = v["snapshots"];
    if (At(v["video_created_at"]) >= start) ++published_during;
    if (At(snapshots.back()["created_at"]) < last_tick) ++stopped_early;
    if (v["views_count"].get<std::int64_t>() > 100'000) ++viral;
    if (v["video_created_at"].get<std::string>().starts_with("2025-06")) ++june;
    bool gap = false;
    for (std::size_t i = 1; i < snapshots.size(); ++i) {
      if (At(snapshots[i]["created_at"]) - At(snapshots[i - 1]["created_at"]) > 90 * 60 * kMicrosPerSecond) gap = true;
      if (snapshots[i]["delta_views_count"].get<std::int64_t>() < 0) ++negative;
    }
    with_gaps += gap ? 1 : 0;
  }
  EXPECT_GT(published_during, 5);
  EXPECT_GT(stopped_early, 5);
  EXPECT_GT(with_gaps, 50);
  EXPECT_GT(negative, 10);
  EXPECT_GT(viral, 2);
  EXPECT_GT(june, 10);
}

TEST(GeneratorTest, RejectsInconsistentOptions) {
  std::ostringstream out;
  EXPECT_THROW(Generate(Options(-1, 1), out), std::invalid_argument);
  EXPECT_THROW(Generate(Options(10, 1, 0), out), std::invalid_argument);
  GeneratorOptions window;
  window.tracking_start = Utc(2025, 11, 26, 11);
  window.tracking_end = window.tracking_start;
  EXPECT_THROW(Generate(window, out), std::invalid_argument);
}

TEST(GeneratorTest, CustomWindowIsRespected) {
  GeneratorOptions options = Options(20, 5, 3);
  options.tracking_start = Utc(2024, 1, 1, 0);
  options.tracking_end = Utc(2024, 1, 2, 0);
  options.publications_from = Utc(2023, 12, 1, 0);
  const auto document = ordered_json::parse(Generated(options));
  for (const auto& v : document["videos"]) {
    EXPECT_GE(At(v["video_created_at"]), options.publications_from);
    EXPECT_LE(v["snapshots"].size(), 25u);
    for (const auto& s : v["snapshots"]) {
      EXPECT_GE(At(s["created_at"]), options.tracking_start);
      EXPECT_LT(At(s["created_at"]), options.tracking_end + kMicrosPerHour);
    }
  }
}

}  // namespace
}  // namespace videobot::datagen
