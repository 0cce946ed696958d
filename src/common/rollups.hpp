#pragma once
// Limits of the snapshot rollups shared by the loader (which maintains them) and the compiler
// (which reads them); they mirror the CHECK constraints of migration 0003.

namespace videobot {

/// video_snapshot_age_hours keeps the ages 0 <= age_hour < kAgeRollupHours: a window «первые N
/// часов после публикации» can be read from it when N <= kAgeRollupHours.
inline constexpr int kAgeRollupHours = 168;

}  // namespace videobot
