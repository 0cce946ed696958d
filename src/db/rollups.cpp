#include "db/rollups.hpp"

#include <algorithm>
#include <span>
#include <stdexcept>
#include <string>
#include <variant>

#include <fmt/format.h>

#include "db/engine_sql.hpp"
#include "db/id_arrays.hpp"
#include "db/table_columns.hpp"

namespace videobot::db {
namespace {

// Rollup rows are recomputed for this many videos at a time, so that the sorts behind GROUP BY
// stay small (in memory, and the same size whatever the size of the file).
constexpr std::size_t kVideosPerRefresh = 2000;

constexpr std::string_view kLoaded = "s.video_id IN (SELECT video_id FROM videobot_refresh_videos)";

// Rows are inserted in key order, so that one day's (one age's) rows sit together on disk.
// `which` selects the snapshots: kLoaded (a batch of videos) or kEverySnapshot.
constexpr std::string_view kEverySnapshot = "TRUE";

std::string RecomputeDays(const TransactionalEngineSql& engine, std::string_view which) {
  return "INSERT INTO video_snapshot_days SELECT s.video_id, " + engine.StartOfDay("s.created_at") + " AS day, " +
         RollupAggregates() + " FROM video_snapshots s WHERE " + std::string(which) +
         " GROUP BY s.video_id, day ORDER BY day, s.video_id";
}

std::string RecomputeAges(const TransactionalEngineSql& engine, std::string_view which) {
  const std::string age = engine.WholeHoursBetween("v.video_created_at", "s.created_at");
  const std::string window_end = engine.PlusHours("v.video_created_at", kAgeRollupHours);
  return "INSERT INTO video_snapshot_age_hours SELECT s.video_id, " + age + " AS age, " + RollupAggregates() +
         " FROM video_snapshots s JOIN videos v ON v.id = s.video_id WHERE " + std::string(which) +
         " AND s.created_at >= v.video_created_at AND s.created_at < " + window_end +
         " GROUP BY s.video_id, age ORDER BY age, s.video_id";
}

// Makes videobot_refresh_videos hold exactly `video_ids` (the table exists and may hold ids of
// the previous batch).
void StageIds(Database& database, std::span<const std::string_view> video_ids) {
  database.Execute("DELETE FROM videobot_refresh_videos");
  // The recomputation is planned with the real number of ids (a few, or a whole batch).
  FillIdTable(database, "videobot_refresh_videos", video_ids);
}

// The UTC days whose rows of the all-video and per-creator rollups a load recomputes: the days of
// the loaded videos' day rows before and after their refresh, and the days of removed videos.
constexpr std::string_view kTouchedDays = "videobot_touched_days";

void CreateTouchedDays(Database& database) {
  database.Execute(fmt::format("CREATE TEMP TABLE IF NOT EXISTS {} (measured_day {})", kTouchedDays,
                               TransactionalSql(database).InstantType()));
}

void NoteDays(Database& database, std::string_view video_ids_table) {
  database.Execute(
      fmt::format("INSERT INTO {} SELECT DISTINCT measured_day FROM video_snapshot_days"
                  " WHERE video_id IN (SELECT video_id FROM {})",
                  kTouchedDays, video_ids_table));
}

void RefreshBatch(Database& database, std::span<const std::string_view> video_ids) {
  StageIds(database, video_ids);
  NoteDays(database, "videobot_refresh_videos");
  for (const char* table : {"video_snapshot_days", "video_snapshot_age_hours"}) {
    database.Execute(std::string("DELETE FROM ") + table +
                     " WHERE video_id IN (SELECT video_id FROM videobot_refresh_videos)");
  }
  const TransactionalEngineSql& engine = TransactionalSql(database);
  database.Execute(RecomputeDays(engine, kLoaded));
  database.Execute(RecomputeAges(engine, kLoaded));
  NoteDays(database, "videobot_refresh_videos");
}

// The touched days, each once.
std::string TouchedDaySet() { return fmt::format("(SELECT DISTINCT measured_day FROM {})", kTouchedDays); }

// Day totals: the day's rows of video_snapshot_days summed, and counted per sign.
std::string RecomputeDayTotals() {
  return "INSERT INTO video_snapshot_day_totals SELECT measured_day, " + RollupTotalsOfRows() +
         " FROM video_snapshot_days WHERE measured_day IN " + TouchedDaySet() +
         " GROUP BY measured_day ORDER BY measured_day";
}

// Creator hours: every snapshot of a touched day, with its video's current creator. When the load
// touches most stored days (a first or full load), one pass over all snapshots keeping those of
// the touched days is cheaper than a range probe per day, which reads the rows in time order,
// scattered over the table.
std::string RecomputeCreatorHours(const TransactionalEngineSql& engine, bool scan_all) {
  std::string source;
  if (scan_all) {
    source = fmt::format("video_snapshots s JOIN videos v ON v.id = s.video_id WHERE {} IN {}",
                         engine.StartOfDay("s.created_at"), TouchedDaySet());
  } else {
    source = fmt::format(
        "{} t JOIN video_snapshots s ON s.created_at >= t.measured_day AND s.created_at < {}"
        " JOIN videos v ON v.id = s.video_id",
        TouchedDaySet(), engine.PlusOneDay("t.measured_day"));
  }
  return fmt::format(
      "INSERT INTO video_snapshot_creator_hours SELECT v.creator_id, {} AS hour, {} FROM {}"
      " GROUP BY hour, v.creator_id ORDER BY hour, v.creator_id",
      engine.StartOfHour("s.created_at"), RollupAggregates(), source);
}

std::int64_t CountOf(Database& database, const std::string& sql) {
  const auto rows = database.Query(sql::Query{sql, {}});
  if (rows.size() != 1 || rows[0].size() != 1 || !std::holds_alternative<std::int64_t>(rows[0][0])) {
    throw DatabaseError("a rollup row count could not be read");
  }
  return std::get<std::int64_t>(rows[0][0]);
}

// Whether the load touches at least a third of the days stored before it (or none were stored).
bool TouchesMostDays(Database& database) {
  const std::int64_t touched =
      CountOf(database, fmt::format("SELECT count(DISTINCT measured_day) FROM {}", kTouchedDays));
  const std::int64_t stored = CountOf(database, "SELECT count(*) FROM video_snapshot_day_totals");
  return touched * 3 >= stored;
}

std::string DeleteCreatorHours(const TransactionalEngineSql& engine) {
  return fmt::format("DELETE FROM video_snapshot_creator_hours WHERE {} IN {}", engine.StartOfDay("measured_hour"),
                     TouchedDaySet());
}

void RefreshTouchedDays(Database& database, bool recompute_creator_hours) {
  const TransactionalEngineSql& engine = TransactionalSql(database);
  AnalyzeAfterFill(database, kTouchedDays);
  const bool scan_all = recompute_creator_hours && TouchesMostDays(database);
  database.Execute(fmt::format("DELETE FROM video_snapshot_day_totals WHERE measured_day IN {}", TouchedDaySet()));
  database.Execute(RecomputeDayTotals());
  if (!recompute_creator_hours) return;
  database.Execute(DeleteCreatorHours(engine));
  database.Execute(RecomputeCreatorHours(engine, scan_all));
}

// Every stored video was written by this load (a first load, or the whole data set again): the
// rollups are rebuilt from all snapshots, one pass per table, instead of batch by batch.
bool LoadedEveryVideo(Database& database, std::size_t loaded) {
  return CountOf(database, "SELECT count(*) FROM videos") == static_cast<std::int64_t>(loaded);
}

// Empties the rollups the load did not write and recomputes the per-video ones; every stored day
// is then a touched day (the all-video and per-creator rollups follow in RefreshTouchedDays).
void RebuildAll(Database& database, WrittenRollups written) {
  std::vector<const char*> stale = {"video_snapshot_day_totals"};
  if (!written.per_video) stale.insert(stale.end(), {"video_snapshot_days", "video_snapshot_age_hours"});
  if (!written.creator_hours) stale.push_back("video_snapshot_creator_hours");
  for (const char* table : stale) database.Execute(std::string("DELETE FROM ") + table);
  if (!written.per_video) {
    const TransactionalEngineSql& engine = TransactionalSql(database);
    database.Execute(RecomputeDays(engine, kEverySnapshot));
    database.Execute(RecomputeAges(engine, kEverySnapshot));
  }
  database.Execute(
      fmt::format("INSERT INTO {} SELECT measured_day FROM video_snapshot_days GROUP BY measured_day", kTouchedDays));
}

}  // namespace

void NoteTouchedDays(Database& database, std::string_view video_ids_table) {
  CreateTouchedDays(database);
  NoteDays(database, video_ids_table);
}

void RefreshRollups(Database& database, const std::vector<std::string_view>& video_ids, WrittenRollups written) {
  CreateTouchedDays(database);
  const bool every_video = !video_ids.empty() && LoadedEveryVideo(database, video_ids.size());
  if ((written.per_video || written.creator_hours) && !video_ids.empty() && !every_video) {
    throw std::logic_error("rollups written by a load that does not hold every stored video");
  }
  if (every_video) {
    RebuildAll(database, written);
  } else if (!video_ids.empty()) {
    database.Execute("CREATE TEMP TABLE videobot_refresh_videos (video_id text PRIMARY KEY)");
    const std::span<const std::string_view> ids(video_ids);
    for (std::size_t first = 0; first < ids.size(); first += kVideosPerRefresh) {
      RefreshBatch(database, ids.subspan(first, std::min(kVideosPerRefresh, ids.size() - first)));
    }
    database.Execute("DROP TABLE videobot_refresh_videos");
  }
  RefreshTouchedDays(database, !written.creator_hours);
  database.Execute(fmt::format("DROP TABLE {}", kTouchedDays));
}

}  // namespace videobot::db
