#include "db/replacement.hpp"

#include <string>

#include "db/engine_sql.hpp"
#include "db/id_arrays.hpp"
#include "db/rollups.hpp"

namespace videobot::db {
namespace {

// The tables that hold rows of a video, children first (they reference videos).
constexpr std::string_view kVideoChildren[] = {"video_snapshot_age_hours", "video_snapshot_days", "video_snapshots"};

void StageKeptIds(Database& database, std::span<const std::string_view> kept) {
  database.Execute("CREATE TEMP TABLE videobot_kept_videos (video_id text PRIMARY KEY)");
  FillIdTable(database, "videobot_kept_videos", kept);
}

// The videos to remove, staged once, so that each delete below reads the children's video_id
// indexes for those videos only instead of scanning the tables.
std::int64_t StageRemovedIds(Database& database) {
  database.Execute("CREATE TEMP TABLE videobot_removed_videos (video_id text PRIMARY KEY)");
  database.Execute(
      "INSERT INTO videobot_removed_videos SELECT v.id FROM videos v"
      " WHERE NOT EXISTS (SELECT 1 FROM videobot_kept_videos k WHERE k.video_id = v.id)");
  const auto rows = database.Query(sql::Query{"SELECT count(*) FROM videobot_removed_videos", {}});
  if (rows.size() != 1 || rows[0].size() != 1 || !std::holds_alternative<std::int64_t>(rows[0][0])) {
    throw DatabaseError("the number of videos to remove could not be read");
  }
  return std::get<std::int64_t>(rows[0][0]);
}

void DeleteRemoved(Database& database) {
  AnalyzeAfterFill(database, "videobot_removed_videos");
  // Their days lose snapshots: the all-video and per-creator rollups of those days are recomputed.
  NoteTouchedDays(database, "videobot_removed_videos");
  for (const std::string_view table : kVideoChildren) {
    database.Execute("DELETE FROM " + std::string(table) +
                     " WHERE video_id IN (SELECT video_id FROM videobot_removed_videos)");
  }
  database.Execute("DELETE FROM videos WHERE id IN (SELECT video_id FROM videobot_removed_videos)");
}

}  // namespace

std::int64_t RemoveVideosNotIn(Database& database, std::span<const std::string_view> kept) {
  StageKeptIds(database, kept);
  const std::int64_t removed = StageRemovedIds(database);
  if (removed > 0) DeleteRemoved(database);
  database.Execute("DROP TABLE videobot_kept_videos");
  database.Execute("DROP TABLE videobot_removed_videos");
  return removed;
}

}  // namespace videobot::db
