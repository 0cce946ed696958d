// Replacing loads (LoadOptions::replace): the document becomes the whole truth, atomically.
#include <gtest/gtest.h>

#include <sstream>

#include "db/coverage.hpp"
#include "db/loader.hpp"
#include "db/migrations.hpp"
#include "document.hpp"
#include "test_database.hpp"

namespace videobot::db::testing {
namespace {

using nlohmann::json;

constexpr LoadOptions kReplace{.replace = true, .allow_empty = false};

/// Every table a question can read, as text: the data tables, the rollups and the coverage
/// counts and ranges (not loaded_at, which differs between any two loads).
std::vector<std::string> Everything(Database& database) {
  std::vector<std::string> out = DumpTables(database);
  for (const char* sql :
       {"SELECT * FROM video_snapshot_days ORDER BY 1, 2", "SELECT * FROM video_snapshot_age_hours ORDER BY 1, 2",
        "SELECT * FROM video_snapshot_day_totals ORDER BY 1",
        "SELECT * FROM video_snapshot_creator_hours ORDER BY 1, 2",
        "SELECT videos, snapshots, first_measured_at, last_measured_at, first_published_at, last_published_at"
        " FROM data_coverage"}) {
    for (const auto& row : database.Query(sql::Query{sql, {}})) {
      std::string line = sql;
      for (const auto& value : row) line += " | " + Text(value);
      out.push_back(line);
    }
  }
  return out;
}

std::int64_t RowsOfVideo(Database& database, const std::string& table, const std::string& id) {
  const std::string placeholder = database.dialect() == sql::Dialect::kPostgres ? "$1" : "?1";
  const auto rows =
      database.Query(sql::Query{"SELECT count(*) FROM " + table + " WHERE video_id = " + placeholder, {id}});
  return std::get<std::int64_t>(rows.at(0).at(0));
}

class LoaderReplaceTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    Migrate(db());
    first_ = json::parse(GeneratedDocument(12, 31));
    // The replacement keeps videos 0…6 of the first document (video 0 with one snapshot fewer,
    // video 1 with a changed counter) and adds five new videos.
    replacement_ = json{{"videos", json::array()}};
    for (std::size_t i = 0; i < 7; ++i) replacement_["videos"].push_back(first_["videos"][i]);
    replacement_["videos"][0]["snapshots"].erase(replacement_["videos"][0]["snapshots"].begin());
    replacement_["videos"][1]["views_count"] = replacement_["videos"][1]["views_count"].get<std::int64_t>() + 7;
    const json added = json::parse(GeneratedDocument(5, 32));
    for (const auto& video : added["videos"]) replacement_["videos"].push_back(video);
  }

  Result<LoadStats> LoadInto(Database& database, const std::string& text, const LoadOptions& options = {}) {
    std::istringstream input(text);
    return Load(database, input, {}, options);
  }

  LoadStats MustLoad(const std::string& text, const LoadOptions& options = {}) {
    auto result = LoadInto(db(), text, options);
    if (!result) throw std::runtime_error("load failed: " + result.error().Describe());
    return *result;
  }

  static std::string IdOf(const json& video) { return video["id"].get<std::string>(); }

  json first_;
  json replacement_;
};

TEST_P(LoaderReplaceTest, RemovesAbsentVideosWithTheirSnapshotsAndRollupRows) {
  MustLoad(first_.dump());
  const std::string absent = IdOf(first_["videos"][9]);
  ASSERT_GT(RowsOfVideo(db(), "video_snapshots", absent), 0);
  ASSERT_GT(RowsOfVideo(db(), "video_snapshot_days", absent), 0);
  const auto stats = MustLoad(replacement_.dump(), kReplace);
  EXPECT_EQ(stats.removed_videos, 5);
  EXPECT_EQ(stats.videos, 12);
  for (const char* table : {"video_snapshots", "video_snapshot_days", "video_snapshot_age_hours"}) {
    EXPECT_EQ(RowsOfVideo(db(), table, absent), 0) << table;
  }
  EXPECT_EQ(DumpTables(db()), ExpectedRows(replacement_));
  EXPECT_EQ(TotalsIn(db()), TotalsOf(replacement_));
  const Coverage coverage = ReadCoverage(db());
  EXPECT_EQ(coverage.videos, 12);
  EXPECT_EQ(coverage.snapshots, TotalsOf(replacement_).snapshots);
}

TEST_P(LoaderReplaceTest, LeavesWhatAFreshLoadOfTheSameFileLeaves) {
  MustLoad(first_.dump());
  MustLoad(replacement_.dump(), kReplace);
  FreshDatabase fresh(GetParam());
  Migrate(fresh.db());
  ASSERT_TRUE(LoadInto(fresh.db(), replacement_.dump()).has_value());
  EXPECT_EQ(Everything(db()), Everything(fresh.db()));
}

TEST_P(LoaderReplaceTest, TheDefaultLoadStillKeepsAbsentVideos) {
  MustLoad(first_.dump());
  const auto stats = MustLoad(replacement_.dump());
  EXPECT_EQ(stats.removed_videos, 0);
  EXPECT_GT(RowsOfVideo(db(), "video_snapshots", IdOf(first_["videos"][9])), 0);
  EXPECT_EQ(TotalsIn(db()).videos, 17);
}

TEST_P(LoaderReplaceTest, AMalformedFileRemovesNothing) {
  MustLoad(first_.dump());
  const auto before = Everything(db());
  json broken = replacement_;
  broken["videos"][10]["views_count"] = "many";
  const auto result = LoadInto(db(), broken.dump(), kReplace);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kLoadMalformed);
  EXPECT_EQ(Everything(db()), before);
  // Cut short: a truncated export.
  const std::string text = replacement_.dump();
  ASSERT_FALSE(LoadInto(db(), text.substr(0, text.size() / 2), kReplace).has_value());
  EXPECT_EQ(Everything(db()), before);
}

TEST_P(LoaderReplaceTest, ReplacingTwiceIsANoOp) {
  MustLoad(first_.dump());
  MustLoad(replacement_.dump(), kReplace);
  const auto once = Everything(db());
  const auto stats = MustLoad(replacement_.dump(), kReplace);
  EXPECT_EQ(stats.removed_videos, 0);
  EXPECT_EQ(Everything(db()), once);
}

TEST_P(LoaderReplaceTest, AnEmptyFileIsRefusedUnlessAllowed) {
  MustLoad(first_.dump());
  const auto before = Everything(db());
  const auto refused = LoadInto(db(), R"({"videos": []})", kReplace);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kUsage);
  EXPECT_NE(refused.error().message.find("--allow-empty"), std::string::npos) << refused.error().message;
  EXPECT_EQ(Everything(db()), before);
  const auto emptied = MustLoad(R"({"videos": []})", LoadOptions{.replace = true, .allow_empty = true});
  EXPECT_EQ(emptied.removed_videos, 12);
  EXPECT_EQ(TotalsIn(db()), Totals{});
  EXPECT_EQ(ReadCoverage(db()).videos, 0);
  for (const char* table : {"video_snapshot_days", "video_snapshot_age_hours", "video_snapshot_day_totals",
                            "video_snapshot_creator_hours"}) {
    EXPECT_EQ(QueryInt(db(), std::string("SELECT count(*) FROM ") + table), 0) << table;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, LoaderReplaceTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace videobot::db::testing
