// The loader on valid documents: round trips, idempotence, upserts, the real file's format.
#include <gtest/gtest.h>

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

TEST_P(LoaderTest, EmptyDocumentLoadsNothing) {
  EXPECT_EQ(LoadText("{\"videos\": []}").videos, 0);
  EXPECT_EQ(LoadText(" \n{ \"videos\" : [ ] }\n").snapshots, 0);
  EXPECT_EQ(TotalsIn(db()), Totals{});
}

TEST_P(LoaderTest, ReportsProgress) {
  const std::string text = GeneratedDocument(200, 9);
  std::vector<std::int64_t> seen;
  LoadText(text, [&](std::int64_t bytes) { seen.push_back(bytes); });
  ASSERT_GE(seen.size(), 2u) << "document of " << text.size() << " bytes";
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(seen.back(), static_cast<std::int64_t>(text.size()));
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
