// The loader on valid documents: round trips, idempotence, upserts, the real file's format.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "db/loader.hpp"
#include "db/migrations.hpp"
#include "document.hpp"
#include "test_database.hpp"

namespace videobot::db::testing {
namespace {

using nlohmann::json;

class LoaderTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    Migrate(db());
  }

  LoadStats LoadText(const std::string& text, const ProgressCallback& progress = {}) {
    std::istringstream input(text);
    auto result = Load(db(), input, progress);
    if (!result) throw std::runtime_error("load failed: " + result.error().Describe());
    return *result;
  }
};

TEST_P(LoaderTest, GeneratedDocumentRoundTrips) {
  const std::string text = GeneratedDocument(40, 7);
  const json document = json::parse(text);
  const auto stats = LoadText(text);
  EXPECT_EQ(stats.videos, 40);
  EXPECT_EQ(stats.snapshots, TotalsOf(document).snapshots);
  EXPECT_EQ(stats.bytes, static_cast<std::int64_t>(text.size()));
  EXPECT_EQ(TotalsIn(db()), TotalsOf(document));
  EXPECT_EQ(DumpTables(db()), ExpectedRows(document));
}

TEST_P(LoaderTest, LoadingTwiceLeavesTheSameRows) {
  const std::string text = GeneratedDocument(25, 11);
  LoadText(text);
  const auto first = DumpTables(db());
  LoadText(text);
  EXPECT_EQ(DumpTables(db()), first);
  EXPECT_EQ(first, ExpectedRows(json::parse(text)));
}

TEST_P(LoaderTest, NewerFileUpdatesCounters) {
  const std::string text = GeneratedDocument(10, 3);
  LoadText(text);
  json newer = json::parse(text);
  auto& video = newer["videos"][4];
  auto& last = video["snapshots"].back();
  video["views_count"] = video["views_count"].get<std::int64_t>() + 1000;
  video["updated_at"] = "2025-12-02T10:00:00.123456+00:00";
  last["views_count"] = last["views_count"].get<std::int64_t>() + 1000;
  last["delta_views_count"] = last["delta_views_count"].get<std::int64_t>() + 1000;
  LoadText(newer.dump());
  EXPECT_EQ(DumpTables(db()), ExpectedRows(newer));
  EXPECT_EQ(TotalsIn(db()), TotalsOf(newer));
}

TEST_P(LoaderTest, SecondDocumentAddsItsRows) {
  const std::string a = GeneratedDocument(8, 21);
  const std::string b = GeneratedDocument(9, 22);
  LoadText(a);
  LoadText(b);
  json both = json::parse(a);
  const json second = json::parse(b);
  for (const auto& v : second["videos"]) both["videos"].push_back(v);
  EXPECT_EQ(DumpTables(db()), ExpectedRows(both));
}

TEST_P(LoaderTest, KeyOrderAndLayoutAreFree) {
  // nlohmann sorts keys: "snapshots" comes before the video's id, counters are reordered, and
  // the document is compact.
  const std::string text = GeneratedDocument(12, 5);
  const json document = json::parse(text);
  LoadText(document.dump());
  EXPECT_EQ(DumpTables(db()), ExpectedRows(document));
}

std::string Upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

// Every id of the document in uppercase; the snapshots' video_id of odd videos stays lowercase.
json WithUppercaseIds(json document) {
  int index = 0;
  for (auto& v : document["videos"]) {
    v["id"] = Upper(v["id"].get<std::string>());
    v["creator_id"] = Upper(v["creator_id"].get<std::string>());
    for (auto& s : v["snapshots"]) {
      s["id"] = Upper(s["id"].get<std::string>());
      if (index % 2 == 0) s["video_id"] = v["id"];
    }
    ++index;
  }
  return document;
}

TEST_P(LoaderTest, UppercaseIdsAreStoredLowercaseAndFound) {
  const json original = json::parse(GeneratedDocument(12, 23));
  const json upper = WithUppercaseIds(original);
  LoadText(upper.dump());
  EXPECT_EQ(DumpTables(db()), ExpectedRows(original));
  // A compiled question binds lowercase ids (the parser and the plan schema fold them).
  const std::string creator = original["videos"][3]["creator_id"].get<std::string>();
  std::int64_t expected = 0;
  for (const auto& v : original["videos"]) expected += v["creator_id"] == creator ? 1 : 0;
  const std::string count = postgres() ? "SELECT count(*) FROM videos WHERE creator_id = $1"
                                       : "SELECT count(*) FROM videos WHERE creator_id = ?1";
  const auto rows = db().Query(sql::Query{count, {creator}});
  EXPECT_EQ(std::get<std::int64_t>(rows.at(0).at(0)), expected);
  // The same file in another case updates the same rows instead of adding twins.
  LoadText(original.dump());
  EXPECT_EQ(DumpTables(db()), ExpectedRows(original));
}

TEST_P(LoaderTest, ValuesAtTheEdgesOfTheAcceptedRangesRoundTrip) {
  json document = json::parse(GeneratedDocument(3, 29));
  auto& first = document["videos"][0];
  first["views_count"] = kMaxCounter;
  first["video_created_at"] = "0001-01-01T00:00:00+00:00";
  first["created_at"] = "0001-01-01T14:00:00+14:00";  // the same instant
  first["updated_at"] = "9999-12-31T23:59:59.999999+00:00";
  auto& snapshot = first["snapshots"][0];
  snapshot["delta_views_count"] = -kMaxCounter;
  snapshot["likes_count"] = kMaxCounter;
  snapshot["created_at"] = "9999-12-31T09:59:59.999999-14:00";  // the latest instant
  snapshot["updated_at"] = "0001-01-01T00:00:00Z";
  first["snapshots"][1]["delta_likes_count"] = kMaxCounter;
  LoadText(document.dump());
  EXPECT_EQ(DumpTables(db()), ExpectedRows(document));
  EXPECT_EQ(QueryInt(db(), "SELECT min(" + MicrosExpr(db(), "video_created_at") + ") FROM videos"), kEarliestInstant);
  EXPECT_EQ(QueryInt(db(), "SELECT max(" + MicrosExpr(db(), "created_at") + ") FROM video_snapshots"), kLatestInstant);
}

// The document with video 0 measured `count` times in one hour, ids from `first_id` on, each
// snapshot growing views by kMaxCounter.
json OneVideoMeasuredAtTheBound(int first_id, int count) {
  json document = json::parse(GeneratedDocument(2, 31));
  json& video = document["videos"][0];
  const json first = video["snapshots"][0];
  video["snapshots"] = json::array();
  for (int i = first_id; i < first_id + count; ++i) {
    json snapshot = first;
    char id[33];
    std::snprintf(id, sizeof id, "%032x", i);
    snapshot["id"] = id;
    snapshot["delta_views_count"] = kMaxCounter;
    video["snapshots"].push_back(snapshot);
  }
  return document;
}

TEST_P(LoaderTest, RollupSumsPastInt64WithStoredSnapshotsRejectTheLoad) {
  // Each file keeps the video's delta magnitudes within 64 bits; together, one day of it does not.
  LoadText(OneVideoMeasuredAtTheBound(0, 5000).dump());
  const auto before = DumpTables(db());
  std::istringstream input(OneVideoMeasuredAtTheBound(5000, 5000).dump());
  const auto result = Load(db(), input);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kValueOutOfRange) << result.error().Describe();
  EXPECT_EQ(result.error().path, "/videos");
  for (const char* word : {"SELECT", "INSERT", "sum", "integer overflow", "bigint"}) {
    EXPECT_EQ(result.error().message.find(word), std::string::npos) << result.error().message;
  }
  EXPECT_EQ(DumpTables(db()), before);
}

TEST_P(LoaderTest, ADaySumOverAllVideosPastInt64RejectsTheLoad) {
  // Each video keeps its delta magnitudes within 64 bits; their day (and creator hour) together
  // do not: the day totals cannot hold it, so nothing is written.
  json document = OneVideoMeasuredAtTheBound(0, 5000);
  json second = OneVideoMeasuredAtTheBound(5000, 5000)["videos"][0];
  second["id"] = document["videos"][1]["id"];
  for (auto& snapshot : second["snapshots"]) snapshot["video_id"] = second["id"];
  document["videos"][1] = second;
  const auto before = DumpTables(db());
  std::istringstream input(document.dump());
  const auto result = Load(db(), input);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kValueOutOfRange) << result.error().Describe();
  EXPECT_NE(result.error().message.find("по всем видео"), std::string::npos) << result.error().message;
  EXPECT_EQ(DumpTables(db()), before);
}

TEST_P(LoaderTest, EmptyDocumentLoadsNothing) {
  EXPECT_EQ(LoadText("{\"videos\": []}").videos, 0);
  EXPECT_EQ(LoadText(" \n{ \"videos\" : [ ] }\n").snapshots, 0);
  EXPECT_EQ(TotalsIn(db()), Totals{});
}

TEST_P(LoaderTest, ReportsProgress) {
  const std::string text = GeneratedDocument(200, 9);
  std::vector<std::int64_t> seen;
  std::vector<LoadPhase> phases;
  LoadProgress last;
  const auto stats = LoadText(text, [&](const LoadProgress& progress) {
    seen.push_back(progress.bytes);
    phases.push_back(progress.phase);
    last = progress;
  });
  ASSERT_GE(seen.size(), 3u) << "document of " << text.size() << " bytes";
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(seen.back(), static_cast<std::int64_t>(text.size()));
  // Reading, then the rollup phase once (after the last byte), then done once.
  EXPECT_EQ(phases[phases.size() - 2], LoadPhase::kRollups);
  EXPECT_EQ(phases.back(), LoadPhase::kDone);
  EXPECT_EQ(std::count(phases.begin(), phases.end(), LoadPhase::kRollups), 1);
  EXPECT_EQ(seen[seen.size() - 2], static_cast<std::int64_t>(text.size()));
  EXPECT_EQ(last.videos, stats.videos);
  EXPECT_EQ(last.snapshots, stats.snapshots);
}

TEST_P(LoaderTest, LargeDocumentCrossesReadChunks) {
  const std::string text = GeneratedDocument(150, 13);
  ASSERT_GT(text.size(), std::size_t{3} << 20);
  LoadText(text);
  EXPECT_EQ(TotalsIn(db()), TotalsOf(json::parse(text)));
}

TEST_P(LoaderTest, StatementTimeoutForQuestionsDoesNotLimitLoads) {
  db().SetStatementTimeout(std::chrono::milliseconds(1));
  const std::string text = GeneratedDocument(60, 17);
  LoadText(text);
  db().SetStatementTimeout(std::chrono::milliseconds(0));
  EXPECT_EQ(TotalsIn(db()), TotalsOf(json::parse(text)));
}

// On PostgreSQL a load leaves its tables analysed (statistics written in the load's transaction,
// not minutes later by autovacuum) and the session's statement timeout as it was (the VACUUM after
// the commit lifts it). Whether VACUUM marked the pages all-visible is not asserted: a concurrent
// autovacuum worker holding an older snapshot may legitimately prevent it.
TEST_P(LoaderTest, PostgresLoadLeavesTablesAnalysedAndTheTimeoutAsItWas) {
  if (!postgres()) GTEST_SKIP() << "PostgreSQL only";
  db().SetStatementTimeout(std::chrono::milliseconds(4321));
  LoadText(GeneratedDocument(40, 23));
  const auto timeout = db().Query(sql::Query{"SHOW statement_timeout", {}});
  ASSERT_EQ(timeout.size(), 1u);
  EXPECT_EQ(Text(timeout[0].at(0)), "4321ms");
  for (const char* table : {"videos", "video_snapshots", "video_snapshot_days", "video_snapshot_age_hours",
                            "video_snapshot_day_totals", "video_snapshot_creator_hours"}) {
    const auto rows =
        db().Query(sql::Query{"SELECT reltuples::bigint FROM pg_class WHERE relname = $1", {std::string(table)}});
    ASSERT_EQ(rows.size(), 1u) << table;
    EXPECT_GT(std::get<std::int64_t>(rows[0].at(0)), 0) << table << " has no statistics";
  }
}

std::string ReadShared(const std::string& name) {
  std::ifstream file(::videobot::testing::SharedDir() + "/data/" + name, std::ios::binary);
  std::ostringstream out;
  out << file.rdbuf();
  return out.str();
}

TEST_P(LoaderTest, RealExcerptLoadsUnchanged) {
  VIDEOBOT_REQUIRE_SHARED();
  const std::string text = ReadShared("real_excerpt_6_videos.json");
  ASSERT_FALSE(text.empty());
  const auto stats = LoadText(text);
  EXPECT_EQ(stats.videos, 6);
  EXPECT_EQ(stats.snapshots, 503);
  const json document = json::parse(text);
  EXPECT_EQ(TotalsIn(db()), TotalsOf(document));
  EXPECT_EQ(DumpTables(db()), ExpectedRows(document));
}

TEST_P(LoaderTest, DevDataSetLoads) {
  VIDEOBOT_REQUIRE_SHARED();
  const std::string text = ReadShared("dev_videos.json");
  ASSERT_FALSE(text.empty());
  const auto stats = LoadText(text);
  EXPECT_EQ(stats.videos, 60);
  EXPECT_EQ(stats.snapshots, 5719);
  EXPECT_EQ(TotalsIn(db()), TotalsOf(json::parse(text)));
}

INSTANTIATE_TEST_SUITE_P(Backends, LoaderTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace videobot::db::testing
