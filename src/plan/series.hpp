#pragma once
// The buckets of a series over time: their keys, how many a period holds, and which period a
// series plan spans. Buckets are generated here, from the resolved period, so every bucket
// appears in a reply (0 where the database has no row) whatever the engine.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "plan/plan.hpp"
#include "plan/resolve.hpp"

namespace videobot::plan {

/// Most buckets one series may have.
inline constexpr std::size_t kMaxSeriesBuckets = 1000;
/// Longest period, in days, that may be split into hour buckets.
inline constexpr int kMaxHourSeriesDays = 31;
/// The same limit in hours.
inline constexpr std::int64_t kMaxHourSeriesHours = std::int64_t{kMaxHourSeriesDays} * 24;

/// The key of the bucket holding `at`, in the zone with `offset`: hour "2025-11-28 14:00", day
/// "2025-11-28", week "2025-11-24" (its Monday), month "2025-11".
std::string BucketKey(Bucket bucket, Instant at, UtcOffset offset);

/// The keys of every bucket that overlaps the bounded range [from, to), in time order; the first
/// bucket starts at or before `from`. Stops after `max_buckets` keys.
std::vector<std::string> BucketKeys(Bucket bucket, const InstantRange& range, UtcOffset offset,
                                    std::size_t max_buckets = kMaxSeriesBuckets + 1);

/// The period a series plan spans: `measured` for measurement time, `published` for publication
/// time (absent when the plan lacks it or is not a series).
const std::optional<Period>& SeriesPeriod(const Plan& plan);

/// The series rules (the plan is assumed schema-valid and to have a series): see
/// schema/plan.schema.json. Errors: kPlanSemantic, kPlanTimeRange, kPlanLimit.
Status CheckSeries(const Plan& plan);

}  // namespace videobot::plan
