#pragma once
// Column lists of the stored tables for the loader's statements (internal), built from the
// metric catalogue (common/metrics.hpp): adding a metric adds its columns here by itself.

#include <string>
#include <string_view>

namespace videobot::db {

/// "{counters}" stands for the metrics' counter columns and "{deltas}" for their delta columns,
/// in catalogue order, in the lists below.
std::string WithMetricColumns(std::string_view pattern);

/// videos: "id, creator_id, video_created_at, <counters>, created_at, updated_at".
const std::string& VideoColumns();

/// video_snapshots: "id, video_id, <counters>, <deltas>, created_at, updated_at".
const std::string& SnapshotColumns();

/// "c = EXCLUDED.c, …" for the columns of `columns` (comma-separated) after the first `skip`.
std::string AssignFromExcluded(std::string_view columns, std::size_t skip);

/// The aggregates every rollup row stores after its key, over snapshots aliased `s`: count(*),
/// the delta sums, then per metric the number of positive and of negative deltas.
const std::string& RollupAggregates();

/// The same aggregates summed over rollup rows, then the number of rows (videos) and, per
/// metric, of rows with a positive / negative delta (the day totals over video_snapshot_days).
const std::string& RollupTotalsOfRows();

}  // namespace videobot::db
