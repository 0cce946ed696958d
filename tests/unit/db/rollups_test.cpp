// The snapshot rollups (video_snapshot_days, video_snapshot_age_hours): after every load they hold
// exactly the per video, per UTC day and per hour-of-age aggregates of the stored snapshots,
// computed here independently from the loaded documents.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <sstream>

#include "common/time.hpp"
#include "db/loader.hpp"
#include "db/migration_files.hpp"
#include "db/migrations.hpp"
#include "db/rollups.hpp"
#include "document.hpp"
#include "support/generated_document.hpp"
#include "test_database.hpp"

namespace videobot::db::testing {
namespace {

using nlohmann::json;

constexpr std::int64_t kMicrosPerDay = 86'400'000'000;
constexpr std::int64_t kMicrosPerHour = 3'600'000'000;

std::int64_t Micros(const json& text) {
  const auto at = ParseTimestamp(text.get<std::string>());
  if (!at) throw std::runtime_error("bad timestamp in a test document: " + text.dump());
  return *at;
}

// The file's timestamp format, "2025-11-28T10:00:09.053200+00:00".
std::string FormatTimestamp(std::int64_t at) {
  std::string text = FormatInstantIso(at);
  text.pop_back();  // 'Z'
  return text + "+00:00";
}

// Rollup rows keyed by (video, key): snapshots, 4 delta sums, 4 positive counts, 4 negative counts.
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

// What the rollups must hold: every snapshot stored so far (keyed by id, so a reload replaces it)
// and the latest publication time of every video, folded by day and by hour of age.
class Expectation {
 public:
  void Apply(const json& document) {
    for (const auto& video : document.at("videos")) {
      published_[video.at("id").get<std::string>()] = Micros(video.at("video_created_at"));
      for (const auto& snapshot : video.at("snapshots")) snapshots_[snapshot.at("id").get<std::string>()] = snapshot;
    }
  }

  std::vector<std::string> Days() const {
    return Fold([](std::int64_t at, std::int64_t) -> std::optional<std::int64_t> {
      return at - ((at % kMicrosPerDay) + kMicrosPerDay) % kMicrosPerDay;
    });
  }

  std::vector<std::string> AgeHours() const {
    return Fold([](std::int64_t at, std::int64_t published) -> std::optional<std::int64_t> {
      if (at < published || at >= published + kAgeRollupHours * kMicrosPerHour) return std::nullopt;
      return (at - published) / kMicrosPerHour;
    });
  }

 private:
  using KeyOf = std::function<std::optional<std::int64_t>(std::int64_t at, std::int64_t published)>;

  std::vector<std::string> Fold(const KeyOf& key_of) const {
    static constexpr const char* kCounters[] = {"views", "likes", "comments", "reports"};
    Rollup rollup;
    for (const auto& [id, s] : snapshots_) {
      const std::string video = s.at("video_id").get<std::string>();
      const auto key = key_of(Micros(s.at("created_at")), published_.at(video));
      if (!key) continue;
      auto& row = rollup[{video, *key}];
      row.resize(13, 0);
      ++row[0];
      for (std::size_t c = 0; c < 4; ++c) {
        const auto delta = s.at(std::string("delta_") + kCounters[c] + "_count").get<std::int64_t>();
        row[1 + c] += delta;
        if (delta > 0) ++row[5 + c];
        if (delta < 0) ++row[9 + c];
      }
    }
    return Render(rollup);
  }

  std::map<std::string, json> snapshots_;
  std::map<std::string, std::int64_t> published_;
};

// How many rows differ between two row lists of the same length.
int DifferingRows(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  int differing = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) differing += a[i] != b[i] ? 1 : 0;
  return differing;
}

class RollupsTest : public BackendTest {
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

  std::vector<std::string> Read(const std::string& key, const std::string& table) {
    std::vector<std::string> out;
    const std::string sql =
        "SELECT video_id, " + key +
        ", snapshots, delta_views_count, delta_likes_count, delta_comments_count, delta_reports_count,"
        " positive_views, positive_likes, positive_comments, positive_reports, negative_views, negative_likes,"
        " negative_comments, negative_reports FROM " +
        table + " ORDER BY 1, 2";
    for (const auto& row : db().Query(sql::Query{sql, {}})) {
      std::string line;
      for (const auto& value : row) line += Text(value) + "|";
      out.push_back(line);
    }
    return out;
  }

  std::vector<std::string> Days() { return Read(MicrosExpr(db(), "measured_day"), "video_snapshot_days"); }
  std::vector<std::string> AgeHours() { return Read("age_hour", "video_snapshot_age_hours"); }

  std::vector<std::string> Rows(const std::string& sql) {
    std::vector<std::string> out;
    for (const auto& row : db().Query(sql::Query{sql, {}})) {
      std::string line;
      for (const auto& value : row) line += Text(value) + "|";
      out.push_back(line);
    }
    return out;
  }

  // The start of the UTC day (hour) of an instant column, as integer microseconds.
  std::string Floor(const std::string& column, std::int64_t unit) {
    const std::string micros = MicrosExpr(db(), column);
    const std::string u = std::to_string(unit);
    return "(" + micros + " - ((" + micros + " % " + u + ") + " + u + ") % " + u + ")";
  }

  // The columns after the key shared by every rollup, as stored and as computed from scratch from
  // video_snapshots s.
  static constexpr const char* kCounters[] = {"views", "likes", "comments", "reports"};
  static std::string StoredAggregates() {
    std::string out = "snapshots";
    for (const char* c : kCounters) out += std::string(", delta_") + c + "_count";
    for (const char* sign : {"positive", "negative"}) {
      for (const char* c : kCounters) out += std::string(", ") + sign + "_" + c;
    }
    return out;
  }
  static std::string ScratchAggregates() {
    std::string out = "count(*)";
    for (const char* c : kCounters) out += std::string(", CAST(sum(s.delta_") + c + "_count) AS bigint)";
    for (const char* op : {">", "<"}) {
      for (const char* c : kCounters) {
        out += std::string(", sum(CASE WHEN s.delta_") + c + "_count " + op + " 0 THEN 1 ELSE 0 END)";
      }
    }
    return out;
  }

  std::vector<std::string> DayTotals() {
    std::string videos = "videos";
    for (const char* sign : {"positive", "negative"}) {
      for (const char* c : kCounters) videos += std::string(", videos_") + sign + "_" + c;
    }
    return Rows("SELECT " + MicrosExpr(db(), "measured_day") + ", " + StoredAggregates() + ", " + videos +
                " FROM video_snapshot_day_totals ORDER BY 1");
  }

  // The day totals from scratch: every snapshot, distinct videos counted per day and sign.
  std::vector<std::string> DayTotalsFromScratch() {
    std::string videos = "count(DISTINCT s.video_id)";
    for (const char* op : {">", "<"}) {
      for (const char* c : kCounters) {
        videos += std::string(", count(DISTINCT CASE WHEN s.delta_") + c + "_count " + op + " 0 THEN s.video_id END)";
      }
    }
    return Rows("SELECT " + Floor("s.created_at", kMicrosPerDay) + " AS day, " + ScratchAggregates() + ", " + videos +
                " FROM video_snapshots s GROUP BY 1 ORDER BY 1");
  }

  std::vector<std::string> CreatorHours() {
    return Rows("SELECT creator_id, " + MicrosExpr(db(), "measured_hour") + ", " + StoredAggregates() +
                " FROM video_snapshot_creator_hours ORDER BY 1, 2");
  }

  std::vector<std::string> CreatorHoursFromScratch() {
    return Rows("SELECT v.creator_id, " + Floor("s.created_at", kMicrosPerHour) + " AS hour, " + ScratchAggregates() +
                " FROM video_snapshots s JOIN videos v ON v.id = s.video_id GROUP BY 1, 2 ORDER BY 1, 2");
  }

  void ExpectRollupsMatch() {
    EXPECT_EQ(Days(), expected_.Days());
    EXPECT_EQ(AgeHours(), expected_.AgeHours());
    EXPECT_EQ(DayTotals(), DayTotalsFromScratch());
    EXPECT_EQ(CreatorHours(), CreatorHoursFromScratch());
  }

  Expectation expected_;
};

TEST_P(RollupsTest, LoadFillsOneRowPerVideoAndKey) {
  LoadDocument(json::parse(GeneratedDocument(30, 5)));
  EXPECT_GT(Days().size(), 30u);
  EXPECT_FALSE(expected_.AgeHours().empty());  // the generator publishes some videos during tracking
  ExpectRollupsMatch();
}

TEST_P(RollupsTest, AFirstLoadsRollupsEqualTheStoredSnapshotsAtEveryEdge) {
  // PostgreSQL computes a first load's rollups while the file streams by, SQLite from the stored
  // snapshots: both must equal the expectation, and so must a reload (computed from the stored
  // snapshots on both).
  json document = json::parse(GeneratedDocument(8, 93, 3));
  auto& shuffled = document["videos"][0]["snapshots"];
  ASSERT_GE(shuffled.size(), 3u);
  std::reverse(shuffled.begin(), shuffled.end());
  shuffled[0]["created_at"] = "1969-12-31T23:30:00.500000+00:00";  // before the epoch
  shuffled[1]["delta_views_count"] = -40;
  auto& aged = document["videos"][1];
  ASSERT_GE(aged["snapshots"].size(), 3u);
  const std::int64_t published = Micros(aged["video_created_at"]);
  const std::int64_t week = kAgeRollupHours * kMicrosPerHour;
  aged["snapshots"][0]["created_at"] = FormatTimestamp(published - 1);         // before publication
  aged["snapshots"][1]["created_at"] = FormatTimestamp(published + week - 1);  // the last hour of age
  aged["snapshots"][2]["created_at"] = FormatTimestamp(published + week);      // past the window
  LoadDocument(document);
  ExpectRollupsMatch();
  LoadDocument(document);
  ExpectRollupsMatch();
}

TEST_P(RollupsTest, AFileOfThousandsOfVideosIsRefreshedCompletely) {
  // More videos than one refresh batch holds, six hours of tracking across a midnight, published in the
  // day before tracking (so the age rollup has rows too).
  datagen::GeneratorOptions options;
  options.videos = 4500;
  options.creators = 40;
  options.seed = 77;
  options.tracking_start = ParseTimestamp("2025-11-29T22:00:00Z").value();
  options.tracking_end = ParseTimestamp("2025-11-30T04:00:00Z").value();
  options.publications_from = ParseTimestamp("2025-11-28T22:00:00Z").value();
  LoadDocument(json::parse(videobot::testing::GeneratedDocument(options)));
  EXPECT_GT(Days().size(), 4500u);
  EXPECT_GT(AgeHours().size(), 4500u);
  ExpectRollupsMatch();
}

TEST_P(RollupsTest, ReloadingChangesNothing) {
  const json document = json::parse(GeneratedDocument(12, 9));
  LoadDocument(document);
  const auto days = Days();
  const auto ages = AgeHours();
  LoadDocument(document);
  EXPECT_EQ(Days(), days);
  EXPECT_EQ(AgeHours(), ages);
}

TEST_P(RollupsTest, ChangedSnapshotsMoveBetweenKeysAndSigns) {
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
  ExpectRollupsMatch();
}

TEST_P(RollupsTest, RepublishedVideoGetsNewAges) {
  json document = json::parse(GeneratedDocument(5, 6));
  auto& video = document["videos"][1];
  ASSERT_FALSE(video["snapshots"].empty());
  // Published an hour and a half before its first snapshot: ages 1, 2, … (and exactly on the
  // boundary of the week for a later one).
  const std::int64_t first = Micros(video["snapshots"][0]["created_at"]);
  video["video_created_at"] = FormatTimestamp(first - kMicrosPerHour - kMicrosPerHour / 2);
  LoadDocument(document);
  ExpectRollupsMatch();
  EXPECT_FALSE(expected_.AgeHours().empty());
  video["video_created_at"] = FormatTimestamp(first - kAgeRollupHours * kMicrosPerHour);
  LoadDocument(document);
  ExpectRollupsMatch();
}

TEST_P(RollupsTest, ASecondDocumentKeepsTheFirstDocumentsRows) {
  LoadDocument(json::parse(GeneratedDocument(10, 1)));
  LoadDocument(json::parse(GeneratedDocument(10, 2)));
  ExpectRollupsMatch();
}

TEST_P(RollupsTest, AVideoWithoutSnapshotsInTheFileKeepsItsStoredOnes) {
  json document = json::parse(GeneratedDocument(6, 4));
  LoadDocument(document);
  document["videos"][2]["snapshots"] = json::array();
  LoadDocument(document);  // upserts never delete snapshots, so the rows stay
  ExpectRollupsMatch();
}

TEST_P(RollupsTest, AFailedLoadLeavesTheRollupsAsTheyWere) {
  LoadDocument(json::parse(GeneratedDocument(6, 8)));
  const auto days = Days();
  const auto ages = AgeHours();
  const auto totals = DayTotals();
  const auto creator_hours = CreatorHours();
  ASSERT_FALSE(totals.empty());
  ASSERT_FALSE(creator_hours.empty());
  json bad = json::parse(GeneratedDocument(6, 13));
  bad["videos"][5]["snapshots"][0]["views_count"] = "many";
  std::istringstream input(bad.dump());
  EXPECT_FALSE(Load(db(), input));
  EXPECT_EQ(Days(), days);
  EXPECT_EQ(AgeHours(), ages);
  EXPECT_EQ(DayTotals(), totals);
  EXPECT_EQ(CreatorHours(), creator_hours);
}

TEST_P(RollupsTest, MigrationsBackfillADatabaseLoadedBeforeThem) {
  LoadDocument(json::parse(GeneratedDocument(15, 17)));
  db().Execute("DROP TABLE video_snapshot_days");
  db().Execute("DROP TABLE video_snapshot_age_hours");
  db().Execute("DROP TABLE video_snapshot_day_totals");
  db().Execute("DROP TABLE video_snapshot_creator_hours");
  // The totals migration: sqlite 0005, postgres 0006.
  const int totals = db().dialect() == sql::Dialect::kPostgres ? 6 : 5;
  for (const auto& migration : EmbeddedMigrations(db().dialect())) {
    if (migration.version == 2 || migration.version == 3 || migration.version == totals) db().Execute(migration.sql);
  }
  EXPECT_FALSE(DayTotals().empty());
  ExpectRollupsMatch();
}

TEST_P(RollupsTest, AVideoMovedToAnotherCreatorMovesItsHours) {
  json document = json::parse(GeneratedDocument(8, 31));
  LoadDocument(document);
  const auto before = CreatorHours();
  document["videos"][2]["creator_id"] = "ffffffffffffffffffffffffffffffff";
  LoadDocument(document);
  EXPECT_NE(CreatorHours(), before);
  ExpectRollupsMatch();
}

TEST_P(RollupsTest, AChangedDeltaChangesTheTotalsOfItsDayOnly) {
  json document = json::parse(GeneratedDocument(8, 41));
  LoadDocument(document);
  const auto totals = DayTotals();
  auto& snapshot = document["videos"][4]["snapshots"][1];
  snapshot["delta_views_count"] = snapshot["delta_views_count"].get<std::int64_t>() + 1000;
  snapshot["delta_comments_count"] = -3;
  LoadDocument(document);
  const auto changed = DayTotals();
  ASSERT_EQ(changed.size(), totals.size());
  EXPECT_EQ(DifferingRows(changed, totals), 1);
  ExpectRollupsMatch();
}

TEST_P(RollupsTest, ANewVideoOnOneOfManyDaysChangesThatDayOnly) {
  // A load touching one of the stored days recomputes it with a range read of that day's
  // snapshots (a load touching most days reads all snapshots once).
  json document = json::parse(GeneratedDocument(8, 71));
  LoadDocument(document);
  const auto totals = DayTotals();
  ASSERT_GE(totals.size(), 4u);
  json added = document;
  json video = document["videos"][0];
  video["id"] = "01234567-89ab-cdef-0123-456789abcdef";
  json snapshot = video["snapshots"][0];
  snapshot["id"] = "fedcba9876543210fedcba9876543210";
  snapshot["video_id"] = video["id"];
  snapshot["delta_views_count"] = 17;
  video["snapshots"] = json::array({snapshot});
  added["videos"] = json::array({video});
  LoadDocument(added);
  const auto changed = DayTotals();
  ASSERT_EQ(changed.size(), totals.size());
  EXPECT_EQ(DifferingRows(changed, totals), 1);
  ExpectRollupsMatch();
}

TEST_P(RollupsTest, AReplacingLoadRecomputesTheDaysOfRemovedVideos) {
  json document = json::parse(GeneratedDocument(8, 51));
  // The video to remove alone measured on a day (the kept videos do not touch it).
  auto& lone = document["videos"][5]["snapshots"];
  ASSERT_FALSE(lone.empty());
  lone[0]["created_at"] = "2024-02-29T12:00:00.000000+00:00";
  LoadDocument(document);
  const auto totals = DayTotals();
  const auto creator_hours = CreatorHours();
  document["videos"].erase(5);
  std::istringstream input(document.dump());
  ASSERT_TRUE(Load(db(), input, {}, LoadOptions{.replace = true, .allow_empty = false}));
  EXPECT_NE(DayTotals(), totals);
  EXPECT_NE(CreatorHours(), creator_hours);
  EXPECT_EQ(DayTotals(), DayTotalsFromScratch());
  EXPECT_EQ(CreatorHours(), CreatorHoursFromScratch());
}

TEST_P(RollupsTest, ReplacingWithAnEmptyDocumentEmptiesTheTotals) {
  LoadDocument(json::parse(GeneratedDocument(4, 61)));
  std::istringstream input(R"({"videos": []})");
  ASSERT_TRUE(Load(db(), input, {}, LoadOptions{.replace = true, .allow_empty = true}));
  EXPECT_TRUE(DayTotals().empty());
  EXPECT_TRUE(CreatorHours().empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, RollupsTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace videobot::db::testing
