#pragma once
// The snapshot rollups maintained by the loader (migrations 0002 and 0003):
//  - video_snapshot_days: one row per video and UTC day of measurement;
//  - video_snapshot_age_hours: one row per video and whole hour of its age at measurement, for the
//    first kAgeRollupHours hours after publication.
//  - video_snapshot_day_totals: one row per UTC day of measurement, over all videos, with the
//    number of videos measured (with a positive / negative delta) that day (sqlite 0005, pg 0006);
//  - video_snapshot_creator_hours: one row per creator and UTC hour of measurement.
// Growth and count questions over whole UTC days (or hours), or over the first N hours after each video's
// publication, read these rows instead of the hourly snapshots; the answer is identical (proven
// by the differential tests).

#include <optional>
#include <string>

#include "common/rollups.hpp"
#include "plan/plan.hpp"
#include "plan/resolve.hpp"
#include "sql/query.hpp"

namespace videobot::sql {

enum class RollupTable { kDays, kAgeHours, kDayTotals, kCreatorHours };

/// What a snapshot plan reads from a rollup (alias d in both tables).
struct RollupUse {
  RollupTable table = RollupTable::kDays;
  std::string measure;                         ///< aggregate expression over alias d, e.g. "SUM(d.delta_views_count)"
  std::string condition;                       ///< "" or a column predicate, e.g. "d.positive_views > 0"
  std::optional<plan::InstantRange> measured;  ///< days, day totals: whole UTC days; creator hours:
                                               ///< whole UTC hours; if the plan has a range
  int age_hours = 0;                           ///< age hours: the window «first N hours», read as d.age_hour < N
};

/// The rollup form of `plan`, when the plan can be answered from one exactly (nullopt otherwise,
/// and always on ClickHouse), from the first that fits of:
///  - the day totals: no filter but a range of whole UTC days of measurement (or none), no group;
///    summing a delta or counting snapshots (optionally only those with a positive or negative
///    delta), also as a series of day, week or month buckets of measurement time in UTC; counting
///    distinct videos (optionally with the condition) over exactly one UTC day or per day of a
///    daily series in UTC;
///  - the creator hours: no filter but creators and a range of whole UTC hours (or none), grouped
///    by creator or not at all; summing a delta or counting snapshots, also as a series of any
///    bucket of measurement time in a zone a whole number of hours from UTC;
///  - the per-video rollups: a snapshot plan (a series only with day, week or month buckets of
///    measurement time in UTC; grouped by creator, video, publication date, or measurement date
///    in UTC over days), summing a delta, counting snapshots or distinct videos (optionally only
///    those with a positive or negative delta), either over whole UTC days of measurement (or all
///    time) or over the first N <= kAgeRollupHours hours after publication.
std::optional<RollupUse> RollupFor(const plan::Plan& plan, const plan::TimeContext& time, Dialect dialect);

}  // namespace videobot::sql
