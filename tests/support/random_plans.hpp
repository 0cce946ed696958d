#pragma once
// Random valid plans over a data set, covering every source, aggregate, field, filter and
// grouping combination the schema allows. For differential and property tests.

#include <cstdint>
#include <vector>

#include "plan/plan.hpp"
#include "support/oracle.hpp"

namespace videobot::testing {

/// `count` random plans that pass plan::ValidatePlan; deterministic for `seed`. Ids, dates and
/// thresholds are drawn mostly from `data` so that answers are rarely trivially zero.
std::vector<plan::Plan> RandomPlans(const Dataset& data, int count, std::uint64_t seed);

/// `count` random valid state plans (source "state"): moments drawn around the data's
/// measurements (whole days, instants between measurements, moments before a video's first
/// measurement or publication), every aggregate, creator / video / publication filters,
/// thresholds on counters as of the moment, groupings. Deterministic for `seed`.
std::vector<plan::Plan> RandomStatePlans(const Dataset& data, int count, std::uint64_t seed);

/// `count` random valid series plans: every bucket, measurement and publication time, count,
/// count_distinct and sum, bounded periods (absolute with dates or date-times, or relative) of
/// a few hours to two months around the data, with the filters of RandomPlans; some in the shape
/// the per-day rollup serves. Deterministic for `seed`.
std::vector<plan::Plan> RandomSeriesPlans(const Dataset& data, int count, std::uint64_t seed);

}  // namespace videobot::testing
