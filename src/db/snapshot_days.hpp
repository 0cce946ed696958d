#pragma once
// The video_snapshot_days rollup (migration 0002): per video and UTC day of measurement, the
// snapshot count, delta sums and counts of positive/negative deltas. The loader keeps it equal to
// the aggregates of video_snapshots by recomputing the rows of every video it loads.

#include <string_view>
#include <vector>

#include "db/database.hpp"

namespace videobot::db {

/// Replaces the video_snapshot_days rows of `video_ids` with aggregates recomputed from their
/// current video_snapshots rows, inside the caller's open transaction (the loader's), so that a
/// failed load leaves the rollup as it was. Ids without snapshots simply lose their rows.
/// Throws DatabaseError.
void RefreshSnapshotDays(Database& database, const std::vector<std::string_view>& video_ids);

}  // namespace videobot::db
