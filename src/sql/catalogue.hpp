#pragma once
// The closed catalogue of identifiers the compiler may emit: tables, aliases and columns.
// Nothing from a plan is ever spliced into SQL text except through this mapping.

#include <string_view>

#include "plan/plan.hpp"

namespace videobot::sql::catalogue {

inline constexpr std::string_view kVideos = "videos v";
inline constexpr std::string_view kSnapshots = "video_snapshots s";
inline constexpr std::string_view kJoinVideos = "JOIN videos v ON v.id = s.video_id";

// The per-video rollups (both aliased d, both keyed by video_id).
inline constexpr std::string_view kSnapshotDays = "video_snapshot_days d";
inline constexpr std::string_view kJoinVideosToRollup = "JOIN videos v ON v.id = d.video_id";
inline constexpr std::string_view kRollupVideoId = "d.video_id";
inline constexpr std::string_view kMeasuredDay = "d.measured_day";
inline constexpr std::string_view kSnapshotAgeHours = "video_snapshot_age_hours d";
inline constexpr std::string_view kAgeHour = "d.age_hour";
// The rollups over all videos per UTC day and per creator and UTC hour (aliased d too).
inline constexpr std::string_view kSnapshotDayTotals = "video_snapshot_day_totals d";
inline constexpr std::string_view kSnapshotCreatorHours = "video_snapshot_creator_hours d";
inline constexpr std::string_view kRollupCreatorId = "d.creator_id";
inline constexpr std::string_view kMeasuredHour = "d.measured_hour";

inline constexpr std::string_view kVideoId = "v.id";
inline constexpr std::string_view kSnapshotVideoId = "s.video_id";
inline constexpr std::string_view kCreatorId = "v.creator_id";
inline constexpr std::string_view kPublishedAt = "v.video_created_at";
inline constexpr std::string_view kMeasuredAt = "s.created_at";
// ClickHouse: the video's creator and publication time copied onto each snapshot.
inline constexpr std::string_view kSnapshotCreatorId = "s.creator_id";
inline constexpr std::string_view kSnapshotPublishedAt = "s.video_created_at";

/// The qualified column of a counter or delta field for a source (on videos "v." and on
/// snapshots "s." before the metric's column, common/metrics.hpp).
std::string_view NumericColumn(plan::Source source, plan::Field field);

/// The catalogue name of a counter or delta field's metric ("views" for kViews and kDeltaViews,
/// common/metrics.hpp). Throws std::logic_error for the other fields.
std::string_view MetricName(plan::Field field);

/// Whether `field` is a delta.
bool IsDelta(plan::Field field);

/// The SQL operator of a comparison.
std::string_view Operator(plan::CompareOp op);

}  // namespace videobot::sql::catalogue
