// The ClickHouse engine: URL parsing and redaction, the one literal function, and against the
// throwaway servers of scripts/with-clickhouse.sh (one server and a two-shard cluster) the loader
// (every row, a second load of the same file changes nothing, a malformed file or a failed load
// leaves the previous answers, --replace equals a fresh load) and hostile values in plans.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

#include "db/clickhouse_literal.hpp"
#include "db/clickhouse_url.hpp"
#include "db/connection_url.hpp"
#include "db/coverage.hpp"
#include "db/loader.hpp"
#include "db/migrations.hpp"
#include "document.hpp"
#include "plan/plan.hpp"
#include "sql/compiler.hpp"
#include "support/clickhouse_env.hpp"
#include "test_database.hpp"

namespace videobot::db::testing {
namespace {

using nlohmann::json;
using videobot::testing::ScratchClickHouse;

TEST(ClickHouseUrl, ParsesUserPasswordHostsDatabaseAndCluster) {
  std::string problem;
  const auto url =
      ParseClickHouseUrl("clickhouse://reader:s%40cret@ch1:8123,ch2.local:8124/stats?cluster=two", problem);
  ASSERT_TRUE(url.has_value()) << problem;
  EXPECT_EQ(url->user, "reader");
  EXPECT_EQ(url->password, "s@cret");
  EXPECT_EQ(url->hosts, (std::vector<std::string>{"ch1:8123", "ch2.local:8124"}));
  EXPECT_EQ(url->database, "stats");
  EXPECT_EQ(url->cluster, "two");
  const auto plain = ParseClickHouseUrl("clickhouse://127.0.0.1:8123/videobot", problem);
  ASSERT_TRUE(plain.has_value()) << problem;
  EXPECT_EQ(plain->user, "default");
  EXPECT_TRUE(plain->cluster.empty());
}

TEST(ClickHouseUrl, RejectsMalformedUrlsWithoutShowingThePassword) {
  for (const char* bad :
       {"clickhouse://u:hunter2@host/db", "clickhouse://u:hunter2@host:0/db", "clickhouse://u:hunter2@host:8123/",
        "clickhouse://u:hunter2@host:8123/db;drop", "clickhouse://u:hunter2@a:1,b:2/db",
        "clickhouse://u:hunter2@a:1/db?cluster=x'y", "clickhouse://u:hunter2@a:1/db?compress=1"}) {
    const auto problem = CheckUrlForm(bad);
    ASSERT_TRUE(problem.has_value()) << bad;
    EXPECT_EQ(problem->find("hunter2"), std::string::npos) << *problem;
  }
  EXPECT_FALSE(CheckUrlForm("clickhouse://u:hunter2@a:1,b:2/db?cluster=c").has_value());
  EXPECT_EQ(RedactUrl("clickhouse://u:hunter2@a:1,b:2/db?cluster=c"), "clickhouse://u:***@a:1,b:2/db?cluster=c");
}

TEST(ClickHouseLiteral, QuotesTextSoNoValueEndsTheLiteral) {
  EXPECT_EQ(ClickHouseLiteral(sql::Param{std::int64_t{-42}}), "-42");
  EXPECT_EQ(ClickHouseLiteral(sql::Param{std::string("a'b\\c\n")}), "'a\\'b\\\\c\\n'");
  EXPECT_EQ(InlineParams("SELECT ?1, '?2', `?2`, ?2", {std::int64_t{7}, std::string("x")}),
            "SELECT 7, '?2', `?2`, 'x'");
  EXPECT_THROW(InlineParams("SELECT ?3", {std::int64_t{1}}), std::invalid_argument);
}

enum class Layout { kSingle, kTwoShards };

class ClickHouseTest : public ::testing::TestWithParam<Layout> {
 protected:
  void SetUp() override {
    VIDEOBOT_REQUIRE_CLICKHOUSE();
    scratch_.emplace(GetParam() == Layout::kTwoShards);
    database_ = Open(scratch_->url());
    Migrate(*database_);
  }

  Result<LoadStats> LoadText(const std::string& document, LoadOptions options = {}) {
    std::istringstream input(document);
    return Load(*database_, input, {}, options);
  }

  std::vector<std::string> TableNames() {
    std::vector<std::string> out;
    for (const auto& row : database_->Query(
             sql::Query{"SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name", {}})) {
      out.push_back(Text(row.at(0)));
    }
    return out;
  }

  Database& db() { return *database_; }

 private:
  std::optional<ScratchClickHouse> scratch_;
  std::unique_ptr<Database> database_;
};

TEST_P(ClickHouseTest, LoadsEveryRowAndTheCoverage) {
  const std::string document = GeneratedDocument(12, 31);
  const auto stats = LoadText(document);
  ASSERT_TRUE(stats.has_value()) << stats.error().Describe();
  EXPECT_EQ(DumpTables(db()), ExpectedRows(json::parse(document)));
  const auto coverage = ReadCoverage(db());
  EXPECT_EQ(coverage.videos, 12);
  EXPECT_EQ(coverage.snapshots, stats->snapshots);
  EXPECT_TRUE(coverage.loaded_at.has_value());
}

TEST_P(ClickHouseTest, LoadingTheSameFileTwiceChangesNothing) {
  const std::string document = GeneratedDocument(10, 5);
  ASSERT_TRUE(LoadText(document).has_value());
  const auto first = DumpTables(db());
  const auto tables = TableNames();
  ASSERT_TRUE(LoadText(document).has_value());
  EXPECT_EQ(DumpTables(db()), first);
  EXPECT_EQ(TableNames(), tables);
}

TEST_P(ClickHouseTest, AMalformedFileLeavesThePreviousAnswers) {
  ASSERT_TRUE(LoadText(GeneratedDocument(8, 3)).has_value());
  const auto before = DumpTables(db());
  const auto tables = TableNames();
  std::string broken = GeneratedDocument(9, 4);
  broken.insert(broken.size() / 2, "\"oops\":");
  const auto stats = LoadText(broken);
  ASSERT_FALSE(stats.has_value());
  EXPECT_EQ(stats.error().code, ErrorCode::kLoadMalformed);
  EXPECT_EQ(DumpTables(db()), before);
  EXPECT_EQ(TableNames(), tables) << "staging tables were left behind";
}

TEST_P(ClickHouseTest, AnUpsertUpdatesCountersAndKeepsOtherVideos) {
  json first = json::parse(GeneratedDocument(6, 8));
  ASSERT_TRUE(LoadText(first.dump()).has_value());
  json second = first;
  second["videos"].erase(second["videos"].begin() + 1, second["videos"].end());
  second["videos"][0]["views_count"] = second["videos"][0]["views_count"].get<std::int64_t>() + 1000;
  ASSERT_TRUE(LoadText(second.dump()).has_value());
  json expected = first;
  expected["videos"][0] = second["videos"][0];
  EXPECT_EQ(DumpTables(db()), ExpectedRows(expected));
}

TEST_P(ClickHouseTest, AReplacingLoadEqualsAFreshLoad) {
  ASSERT_TRUE(LoadText(GeneratedDocument(9, 10)).has_value());
  const std::string replacement = GeneratedDocument(4, 11);
  const auto stats = LoadText(replacement, LoadOptions{.replace = true, .allow_empty = false});
  ASSERT_TRUE(stats.has_value()) << stats.error().Describe();
  EXPECT_EQ(stats->removed_videos, 9);
  EXPECT_EQ(DumpTables(db()), ExpectedRows(json::parse(replacement)));
  EXPECT_EQ(ReadCoverage(db()).videos, 4);
}

// A snapshot id stored for one video and listed in a new file under another video is refused, as
// on SQLite and PostgreSQL, and the stored rows stay; a replacing load refuses it too while the
// first video stays stored, and takes it once the file lists the first video without it.
TEST_P(ClickHouseTest, ASnapshotIdMovedToAnotherVideoIsRefused) {
  const json stored = json::parse(GeneratedDocument(6, 8));
  ASSERT_TRUE(LoadText(stored.dump()).has_value());
  const auto before = DumpTables(db());
  const auto tables = TableNames();
  const std::string moved_id = stored["videos"][0]["snapshots"][0]["id"];
  json moved = json::parse(GeneratedDocument(3, 9));
  moved["videos"][1]["snapshots"][0]["id"] = moved_id;
  for (const bool replace : {false, true}) {
    const auto result = LoadText(moved.dump(), LoadOptions{.replace = replace, .allow_empty = false});
    ASSERT_FALSE(result.has_value()) << (replace ? "replacing load" : "upsert") << " took the snapshot over";
    EXPECT_EQ(result.error().code, ErrorCode::kLoadMalformed);
    EXPECT_NE(result.error().message.find(moved_id), std::string::npos) << result.error().message;
    EXPECT_NE(result.error().message.find(stored["videos"][0]["id"].get<std::string>()), std::string::npos)
        << result.error().message;
    EXPECT_EQ(DumpTables(db()), before);
    EXPECT_EQ(TableNames(), tables) << "staging tables were left behind";
  }
  // The first video listed without the snapshot: a replacing load drops it there, so it may move.
  json relisted = moved;
  json first = stored["videos"][0];
  first["snapshots"].erase(first["snapshots"].begin());
  relisted["videos"].push_back(first);
  const auto result = LoadText(relisted.dump(), LoadOptions{.replace = true, .allow_empty = false});
  ASSERT_TRUE(result.has_value()) << result.error().Describe();
  EXPECT_EQ(DumpTables(db()), ExpectedRows(relisted));
}

// A plan that bypassed the validator carries hostile ids; they reach ClickHouse only as
// literals, so each is compared as a value and nothing else runs.
TEST_P(ClickHouseTest, HostileValuesInAPlanStayLiterals) {
  const std::string document = GeneratedDocument(5, 12);
  ASSERT_TRUE(LoadText(document).has_value());
  const auto before = DumpTables(db());
  for (const std::string& hostile : std::vector<std::string>{
           "x' OR 1=1 --", "x\\' OR 1=1 --", "'; DROP TABLE videos; --", "?1", "\\", "x\\", "\n) OR (1=1", "`", "\"",
           std::string("a\0b", 3), "' UNION ALL SELECT count() FROM system.tables --"}) {
    plan::Plan plan;
    plan.aggregate = plan::Aggregate::kCount;
    plan.filters.creator_ids = {hostile};
    plan.filters.video_ids = {hostile};
    for (const auto source : {plan::Source::kVideos, plan::Source::kSnapshots}) {
      plan.source = source;
      const auto query = sql::Compile(plan, sql::CompileOptions{sql::Dialect::kClickHouse, {}});
      const auto rows = db().Query(query);
      ASSERT_EQ(rows.size(), 1u) << query.text;
      EXPECT_EQ(Text(rows[0][0]), "0") << hostile;
    }
  }
  EXPECT_EQ(DumpTables(db()), before);
}

// Instants at both ends of the accepted range keep their microseconds and fall into their own
// calendar days (ClickHouse's Date would wrap them); counters at the limit keep their value.
TEST_P(ClickHouseTest, ValuesAtTheEdgesRoundTripAndBucketIntoTheirDays) {
  json document = json::parse(GeneratedDocument(3, 29));
  auto& first = document["videos"][0];
  first["views_count"] = kMaxCounter;
  first["video_created_at"] = "0001-01-01T00:00:00+00:00";
  auto& snapshot = first["snapshots"][0];
  snapshot["delta_views_count"] = -kMaxCounter;
  snapshot["created_at"] = "9999-12-31T09:59:59.999999-14:00";
  ASSERT_TRUE(LoadText(document.dump()).has_value());
  EXPECT_EQ(DumpTables(db()), ExpectedRows(document));
  for (const auto& [group, field, expected] :
       {std::tuple{plan::GroupBy::kPublicationDate, plan::Field::kPublicationDate, "0001-01-01"},
        std::tuple{plan::GroupBy::kMeasurementDate, plan::Field::kMeasurementDate, "9999-12-31"}}) {
    plan::Plan plan;
    plan.source = group == plan::GroupBy::kPublicationDate ? plan::Source::kVideos : plan::Source::kSnapshots;
    plan.aggregate = plan::Aggregate::kCount;
    plan.group_by = group;
    plan.order = group == plan::GroupBy::kPublicationDate ? plan::Order::kAsc : plan::Order::kDesc;
    plan.limit = 1000;
    const auto rows = db().Query(sql::Compile(plan, sql::CompileOptions{sql::Dialect::kClickHouse, {}}));
    const bool found =
        std::any_of(rows.begin(), rows.end(), [&](const Row& row) { return Text(row.at(0)) == expected; });
    EXPECT_TRUE(found) << expected;
    plan::Plan distinct;
    distinct.source = plan.source;
    distinct.aggregate = plan::Aggregate::kCountDistinct;
    distinct.field = field;
    const auto days = db().Query(sql::Compile(distinct, sql::CompileOptions{sql::Dialect::kClickHouse, {}}));
    EXPECT_EQ(Text(days.at(0).at(0)), std::to_string(rows.size()));
  }
}

// ClickHouse's sum() wraps around past 2^63; the compiled sum fails loudly instead.
TEST_P(ClickHouseTest, ASumPastTheIntegerRangeIsAnError) {
  json document = json::parse(GeneratedDocument(2, 31));
  unsigned index = 0;
  for (auto& video : document["videos"]) {
    const json first = video["snapshots"][0];
    video["snapshots"] = json::array();
    ++index;
    for (unsigned i = 0; i < 5000; ++i) {
      json snapshot = first;
      char id[33];
      std::snprintf(id, sizeof id, "%08x%016x%08x", index, 0u, i);
      snapshot["id"] = id;
      snapshot["delta_views_count"] = kMaxCounter;
      video["snapshots"].push_back(snapshot);
    }
  }
  const auto stats = LoadText(document.dump());
  ASSERT_TRUE(stats.has_value()) << stats.error().Describe();
  plan::Plan plan;
  plan.source = plan::Source::kSnapshots;
  plan.aggregate = plan::Aggregate::kSum;
  plan.field = plan::Field::kDeltaViews;
  EXPECT_THROW(db().Query(sql::Compile(plan, sql::CompileOptions{sql::Dialect::kClickHouse, {}})),
               ValueOutOfRangeError);
  plan.filters.video_ids = {document["videos"][0]["id"].get<std::string>()};
  const auto rows = db().Query(sql::Compile(plan, sql::CompileOptions{sql::Dialect::kClickHouse, {}}));
  EXPECT_EQ(Text(rows.at(0).at(0)), std::to_string(5000 * kMaxCounter));
}

std::string LayoutName(const ::testing::TestParamInfo<Layout>& info) {
  return info.param == Layout::kSingle ? "Single" : "TwoShards";
}

INSTANTIATE_TEST_SUITE_P(Layouts, ClickHouseTest, ::testing::Values(Layout::kSingle, Layout::kTwoShards), LayoutName);

}  // namespace
}  // namespace videobot::db::testing
