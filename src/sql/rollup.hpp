#pragma once
// The per-video, per-UTC-day rollup of snapshots (table video_snapshot_days, maintained by the
// loader). Growth and count questions over whole UTC days read one row per video per day
// instead of 24 hourly snapshots; the answer is identical (proven by the differential tests).

#include <optional>
#include <string>

#include "plan/plan.hpp"
#include "plan/resolve.hpp"

namespace videobot::sql {

/// What a snapshot plan reads from the rollup.
struct RollupUse {
  std::string measure;          ///< aggregate expression over alias d, e.g. "SUM(d.delta_views_count)"
  std::string condition;        ///< "" or a column predicate, e.g. "d.positive_views > 0"
  std::optional<plan::InstantRange> measured;  ///< whole-UTC-day range, if the plan has one
};

/// The rollup form of `plan`, when the plan can be answered from it exactly: a snapshot plan
/// without grouping or a window after publication, summing a delta, counting snapshots or
/// distinct videos (optionally only those with a positive or negative delta), over whole UTC
/// days. Nullopt otherwise.
std::optional<RollupUse> RollupFor(const plan::Plan& plan, const plan::TimeContext& time);

}  // namespace videobot::sql
