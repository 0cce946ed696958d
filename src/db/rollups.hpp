#pragma once
// The snapshot rollups (migrations 0002 and 0003), kept equal to the aggregates of
// video_snapshots by the loader:
//  - video_snapshot_days: per video and UTC day of measurement (measured_day, the UTC midnight);
//  - video_snapshot_age_hours: per video and whole hour of its age at measurement (age_hour =
//    floor((created_at - video_created_at) / 1 h), only 0 <= age_hour < kAgeRollupHours).
// Both hold the snapshot count, the four delta sums and per counter the number of snapshots with a
// positive and with a negative delta.

#include <string_view>
#include <vector>

#include "common/rollups.hpp"
#include "db/database.hpp"

namespace videobot::db {

/// Replaces the rollup rows of `video_ids` with aggregates recomputed from their current
/// video_snapshots rows (and, for ages, their current publication time), inside the caller's open
/// transaction (the loader's), so that a failed load leaves the rollups as they were. Ids without
/// snapshots simply lose their rows. Throws DatabaseError.
void RefreshRollups(Database& database, const std::vector<std::string_view>& video_ids);

}  // namespace videobot::db
