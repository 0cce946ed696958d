#pragma once
// The snapshot rollups (migrations 0002 and 0003), kept equal to the aggregates of
// video_snapshots by the loader:
//  - video_snapshot_days: per video and UTC day of measurement (measured_day, the UTC midnight);
//  - video_snapshot_age_hours: per video and whole hour of its age at measurement (age_hour =
//    floor((created_at - video_created_at) / 1 h), only 0 <= age_hour < kAgeRollupHours).
// Both hold the snapshot count, the four delta sums and per counter the number of snapshots with a
// positive and with a negative delta. Two more (migrations sqlite/0005, postgres/0006) are kept per
// UTC day of measurement, the unit of their recomputation:
//  - video_snapshot_day_totals: per UTC day, the same aggregates over all videos plus the number of
//    videos measured that day and, per counter, of videos with a positive / negative delta;
//  - video_snapshot_creator_hours: per creator and UTC hour of measurement (measured_hour), the
//    same aggregates over the snapshots of the creator's videos.

#include <string_view>
#include <vector>

#include "common/rollups.hpp"
#include "db/database.hpp"

namespace videobot::db {

/// Replaces the rollup rows of `video_ids` with aggregates recomputed from their current
/// video_snapshots rows (and, for ages, their current publication time), inside the caller's open
/// transaction (the loader's), so that a failed load leaves the rollups as they were. Ids without
/// snapshots simply lose their rows. Throws DatabaseError.
/// Then recomputes the day totals and creator hours of every UTC day touched: the days of these
/// videos' day rows before and after their refresh, and those noted by NoteTouchedDays. When
/// `video_ids` are every stored video (a first load, or the whole data set again), every rollup is
/// rebuilt from all snapshots instead, one pass per table.
///
/// A first load may have written some rollups itself while the file streamed by (`written`,
/// LoadSink::written_rollups): those are kept as written; `written` is only ever set when
/// `video_ids` are every stored video.
struct WrittenRollups {
  bool per_video = false;      ///< video_snapshot_days and video_snapshot_age_hours
  bool creator_hours = false;  ///< video_snapshot_creator_hours
};
void RefreshRollups(Database& database, const std::vector<std::string_view>& video_ids, WrittenRollups written = {});

/// Notes, for the next RefreshRollups of this transaction, the UTC days of the day rows of the
/// videos listed in the temporary table `video_ids_table` (column video_id); called before those
/// rows are deleted (a replacing load's removed videos).
void NoteTouchedDays(Database& database, std::string_view video_ids_table);

}  // namespace videobot::db
