// The video_snapshot_days rollup: after every load it holds exactly the per video, per UTC day
// aggregates of the snapshots, computed here independently from the loaded documents.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "common/time.hpp"
#include "db/loader.hpp"
#include "db/migration_files.hpp"
#include "db/migrations.hpp"
#include "document.hpp"
#include "test_database.hpp"

namespace videobot::db::testing {
namespace {

using nlohmann::json;

constexpr std::int64_t kMicrosPerDay = 86'400'000'000;

// One rollup row as text: video|day|snapshots|4 delta sums|4 positive counts|4 negative counts|.
using Rollup = std::map<std::pair<std::string, std::int64_t>, std::vector<std::int64_t>>;

std::vector<std::string> Render(const Rollup& rollup) {
  std::vector<std::string> out;
  for (const auto& [key, values] : rollup) {
    std::string line = key.first + "|" + std::to_string(key.second) + "|";
    for (const auto value : values) line += std::to_string(value) + "|";
    out.push_back(line);
  }
  return out;
}

// Folds the snapshots of `document` into `rollup`, replacing the rows of every video it holds
// by what its snapshots (the stored ones, keyed by snapshot id) give.
class Expectation {
 public:
  void Apply(const json& document) {
    for (const auto& video : document.at("videos")) {
      for (const auto& snapshot : video.at("snapshots")) snapshots_[snapshot.at("id").get<std::string>()] = snapshot;
    }
  }

  std::vector<std::string> Rows() const {
    static constexpr const char* kCounters[] = {"views", "likes", "comments", "reports"};
    Rollup rollup;
    for (const auto& [id, s] : snapshots_) {
      const auto at = ParseTimestamp(s.at("created_at").get<std::string>());
      if (!at) throw std::runtime_error("bad timestamp in a test document");
      const std::int64_t day = *at - ((*at % kMicrosPerDay) + kMicrosPerDay) % kMicrosPerDay;
      auto& row = rollup[{s.at("video_id").get<std::string>(), day}];
      row.resize(13, 0);
      ++row[0];
      for (int c = 0; c < 4; ++c) {
        const auto delta = s.at(std::string("delta_") + kCounters[c] + "_count").get<std::int64_t>();
        row[static_cast<std::size_t>(1 + c)] += delta;
        if (delta > 0) ++row[static_cast<std::size_t>(5 + c)];
        if (delta < 0) ++row[static_cast<std::size_t>(9 + c)];
      }
    }
    return Render(rollup);
  }

 private:
  std::map<std::string, json> snapshots_;
};

class SnapshotDaysTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    Migrate(db());
  }

  void LoadDocument(const json& document) {
    std::istringstream input(document.dump());
    auto result = Load(db(), input);
    if (!result) throw std::runtime_error("load failed: " + result.error().Describe());
    expected_.Apply(document);
  }

  std::vector<std::string> Stored() {
    std::vector<std::string> out;
    const std::string sql =
        "SELECT video_id, " + MicrosExpr(db(), "measured_day") +
        ", snapshots, delta_views_count, delta_likes_count, delta_comments_count, delta_reports_count,"
        " positive_views, positive_likes, positive_comments, positive_reports, negative_views, negative_likes,"
        " negative_comments, negative_reports FROM video_snapshot_days ORDER BY 1, 2";
    for (const auto& row : db().Query(sql::Query{sql, {}})) {
      std::string line;
      for (const auto& value : row) line += Text(value) + "|";
      out.push_back(line);
    }
    return out;
  }

  Expectation expected_;
};

TEST_P(SnapshotDaysTest, LoadFillsOneRowPerVideoAndDay) {
  LoadDocument(json::parse(GeneratedDocument(30, 5)));
  const auto stored = Stored();
  EXPECT_GT(stored.size(), 30u);
  EXPECT_EQ(stored, expected_.Rows());
}

TEST_P(SnapshotDaysTest, ReloadingChangesNothing) {
  const json document = json::parse(GeneratedDocument(12, 9));
  LoadDocument(document);
  const auto first = Stored();
  LoadDocument(document);
  EXPECT_EQ(Stored(), first);
}

TEST_P(SnapshotDaysTest, ChangedSnapshotsMoveBetweenDaysAndSigns) {
  json document = json::parse(GeneratedDocument(8, 21));
  LoadDocument(document);
  auto& snapshots = document["videos"][3]["snapshots"];
  ASSERT_GE(snapshots.size(), 2u);
  // The first snapshot moves to another day and turns negative; another one loses its growth.
  snapshots[0]["created_at"] = "2024-02-29T23:59:59.999999+00:00";
  snapshots[0]["delta_views_count"] = -7;
  snapshots[0]["delta_likes_count"] = -1;
  snapshots[1]["delta_views_count"] = 0;
  LoadDocument(document);
  EXPECT_EQ(Stored(), expected_.Rows());
}

TEST_P(SnapshotDaysTest, ASecondDocumentKeepsTheFirstDocumentsRows) {
  LoadDocument(json::parse(GeneratedDocument(10, 1)));
  LoadDocument(json::parse(GeneratedDocument(10, 2)));
  EXPECT_EQ(Stored(), expected_.Rows());
}

TEST_P(SnapshotDaysTest, AVideoWithoutSnapshotsInTheFileKeepsItsStoredOnes) {
  json document = json::parse(GeneratedDocument(6, 4));
  LoadDocument(document);
  document["videos"][2]["snapshots"] = json::array();
  LoadDocument(document);  // upserts never delete snapshots, so the rows stay
  EXPECT_EQ(Stored(), expected_.Rows());
}

TEST_P(SnapshotDaysTest, AFailedLoadLeavesTheRollupAsItWas) {
  LoadDocument(json::parse(GeneratedDocument(6, 8)));
  const auto before = Stored();
  json bad = json::parse(GeneratedDocument(6, 13));
  bad["videos"][5]["snapshots"][0]["views_count"] = "many";
  std::istringstream input(bad.dump());
  EXPECT_FALSE(Load(db(), input));
  EXPECT_EQ(Stored(), before);
}

TEST_P(SnapshotDaysTest, MigrationBackfillsADatabaseLoadedBeforeIt) {
  LoadDocument(json::parse(GeneratedDocument(15, 17)));
  const auto loaded = Stored();
  db().Execute("DROP TABLE video_snapshot_days");
  for (const auto& migration : EmbeddedMigrations(db().dialect())) {
    if (migration.name == "0002_snapshot_days") db().Execute(migration.sql);
  }
  EXPECT_EQ(Stored(), loaded);
  EXPECT_EQ(loaded, expected_.Rows());
}

INSTANTIATE_TEST_SUITE_P(Backends, SnapshotDaysTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace videobot::db::testing
