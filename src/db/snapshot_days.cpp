#include "db/snapshot_days.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace videobot::db {
namespace {

// Ids travel to the server as JSON arrays of this many elements (one statement each).
constexpr std::size_t kIdsPerStatement = 5000;

constexpr std::string_view kAggregates =
    "count(*), sum(delta_views_count), sum(delta_likes_count), sum(delta_comments_count),"
    " sum(delta_reports_count), count(*) FILTER (WHERE delta_views_count > 0),"
    " count(*) FILTER (WHERE delta_likes_count > 0), count(*) FILTER (WHERE delta_comments_count > 0),"
    " count(*) FILTER (WHERE delta_reports_count > 0), count(*) FILTER (WHERE delta_views_count < 0),"
    " count(*) FILTER (WHERE delta_likes_count < 0), count(*) FILTER (WHERE delta_comments_count < 0),"
    " count(*) FILTER (WHERE delta_reports_count < 0)";

// The UTC midnight starting the day of created_at (SQLite: microseconds, floor modulo).
std::string_view DayStart(sql::Dialect dialect) {
  return dialect == sql::Dialect::kPostgres
             ? "date_trunc('day', created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'"
             : "created_at - ((created_at % 86400000000) + 86400000000) % 86400000000";
}

std::string FillIds(sql::Dialect dialect) {
  return dialect == sql::Dialect::kPostgres
             ? "INSERT INTO videobot_refresh_videos SELECT jsonb_array_elements_text($1::jsonb) ON CONFLICT DO NOTHING"
             : "INSERT OR IGNORE INTO videobot_refresh_videos SELECT value FROM json_each(?1)";
}

std::string Recompute(sql::Dialect dialect) {
  return "INSERT INTO video_snapshot_days SELECT video_id, " + std::string(DayStart(dialect)) + " AS day, " +
         std::string(kAggregates) +
         " FROM video_snapshots WHERE video_id IN (SELECT video_id FROM videobot_refresh_videos)"
         " GROUP BY video_id, day ORDER BY day, video_id";
}

void AppendJsonString(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += escaped;
    } else {
      out += c;
    }
  }
  out += '"';
}

}  // namespace

void RefreshSnapshotDays(Database& database, const std::vector<std::string_view>& video_ids) {
  if (video_ids.empty()) return;
  const sql::Dialect dialect = database.dialect();
  database.Execute("CREATE TEMP TABLE videobot_refresh_videos (video_id text PRIMARY KEY)");
  const std::string fill = FillIds(dialect);
  for (std::size_t first = 0; first < video_ids.size(); first += kIdsPerStatement) {
    std::string json = "[";
    const std::size_t last = std::min(video_ids.size(), first + kIdsPerStatement);
    for (std::size_t i = first; i < last; ++i) {
      if (i != first) json += ',';
      AppendJsonString(json, video_ids[i]);
    }
    json += ']';
    database.Execute(sql::Query{fill, {std::move(json)}});
  }
  // PostgreSQL plans the recomputation with the real number of ids (a few, or every video).
  if (dialect == sql::Dialect::kPostgres) database.Execute("ANALYZE videobot_refresh_videos");
  database.Execute(
      "DELETE FROM video_snapshot_days WHERE video_id IN (SELECT video_id FROM videobot_refresh_videos)");
  database.Execute(Recompute(dialect));
  database.Execute("DROP TABLE videobot_refresh_videos");
}

}  // namespace videobot::db
