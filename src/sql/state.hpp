#pragma once
// State plans («сколько просмотров было на 28 ноября»): one row per video published before the
// moment, with its counters as of that moment. A counter is read from the video's latest
// snapshot measured before the moment through the index video_snapshots (video_id, created_at),
// read backwards from the moment: one index probe per video, whatever the number of snapshots
// (docs/benchmarks.md compares this with the other query shapes). Internal to the compiler.

#include <string>
#include <string_view>

#include "plan/plan.hpp"

namespace videobot::sql {

/// The counter `field` of the video v as of the moment whose placeholder is `moment` (snapshots
/// measured strictly before it): the value of its latest such snapshot, 0 when it has none.
std::string StateCounter(plan::Field field, std::string_view moment);

/// ClickHouse has no correlated subqueries: a state plan joins the videos with one row per
/// video holding each counter of its latest snapshot before the moment (argMax over created_at);
/// a video without one gets the join's default, 0. This is the join clause to append to
/// "videos v"; on a cluster both sides are sharded by the video id and the server is told to
/// join shard-locally (distributed_product_mode=local).
std::string ClickHouseStateJoin(std::string_view moment);

/// The counter `field` of the video v as of the moment, as a column of ClickHouseStateJoin.
std::string ClickHouseStateCounter(plan::Field field);

/// The condition keeping the videos that exist at the moment `moment`: published before it.
std::string PublishedBeforeMoment(std::string_view moment);

}  // namespace videobot::sql
