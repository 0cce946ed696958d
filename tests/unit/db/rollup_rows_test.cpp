// The rollup rows a first load computes while the file streams by (db/rollup_rows.hpp): keys,
// aggregates, bounds. That they equal what the SQL computes from the stored snapshots is checked
// end to end in rollups_test.cpp.
#include <gtest/gtest.h>

#include <limits>
#include <vector>

#include "common/metrics.hpp"
#include "common/rollups.hpp"
#include "common/time.hpp"
#include "db/database.hpp"
#include "db/rollup_rows.hpp"

namespace videobot::db {
namespace {

SnapshotRecord Snapshot(Instant at, Counters deltas) {
  SnapshotRecord snapshot;
  snapshot.created_at = at;
  snapshot.deltas = deltas;
  return snapshot;
}

constexpr Instant kMidnight = 1'764'288'000'000'000;  // 2025-11-28T00:00:00Z

TEST(RollupRows, DaysAndHoursStartAtUtcMidnightAndOnTheHourBeforeTheEpochToo) {
  EXPECT_EQ(UtcDayStart(kMidnight), kMidnight);
  EXPECT_EQ(UtcDayStart(kMidnight - 1), kMidnight - kMicrosPerDay);
  EXPECT_EQ(UtcHourStart(kMidnight + kMicrosPerHour + 5), kMidnight + kMicrosPerHour);
  EXPECT_EQ(UtcDayStart(-1), -kMicrosPerDay);
  EXPECT_EQ(UtcHourStart(-kMicrosPerHour), -kMicrosPerHour);
}

TEST(RollupRows, AVideosSnapshotsFoldByDayAndByHourOfAgeInKeyOrder) {
  VideoRecord video;
  video.video_created_at = kMidnight - kMicrosPerHour / 2;  // 23:30 the day before
  const std::vector<SnapshotRecord> snapshots = {
      Snapshot(kMidnight + 10, {5, -1, 0, 0}),                 // day 28, age 0
      Snapshot(kMidnight - kMicrosPerHour, {2, 0, 0, 0}),      // before publication: day 27 only
      Snapshot(kMidnight + kMicrosPerHour, {-3, 2, 1, 0}),     // day 28, age 1 (01:00 is 1 h 30 min)
      Snapshot(kMidnight - kMicrosPerHour / 4, {1, 1, 0, 0}),  // day 27, age 0
  };
  const VideoRollupRows rows = RollUpVideo(video, snapshots);
  ASSERT_EQ(rows.days.size(), 2u);
  EXPECT_EQ(rows.days[0].first, kMidnight - kMicrosPerDay);
  EXPECT_EQ(rows.days[0].second.snapshots, 2);
  EXPECT_EQ(rows.days[0].second.sums[metrics::kViews], 3);
  EXPECT_EQ(rows.days[1].first, kMidnight);
  const DeltaTotals& day = rows.days[1].second;
  EXPECT_EQ(day.snapshots, 2);
  EXPECT_EQ(day.sums[metrics::kViews], 2);
  EXPECT_EQ(day.sums[metrics::kLikes], 1);
  EXPECT_EQ(day.positive[metrics::kViews], 1);
  EXPECT_EQ(day.negative[metrics::kViews], 1);
  EXPECT_EQ(day.positive[metrics::kLikes], 1);
  EXPECT_EQ(day.negative[metrics::kLikes], 1);
  EXPECT_EQ(day.positive[metrics::kComments], 1);
  EXPECT_EQ(day.negative[metrics::kComments], 0);
  ASSERT_EQ(rows.age_hours.size(), 2u);
  EXPECT_EQ(rows.age_hours[0].first, 0);
  EXPECT_EQ(rows.age_hours[0].second.snapshots, 2);
  EXPECT_EQ(rows.age_hours[1].first, 1);
  EXPECT_EQ(rows.age_hours[1].second.sums[metrics::kViews], -3);
}

TEST(RollupRows, TheAgeWindowEndsAWeekAfterPublication) {
  VideoRecord video;
  video.video_created_at = kMidnight;
  const Instant week = Instant{kAgeRollupHours} * kMicrosPerHour;
  const std::vector<SnapshotRecord> snapshots = {Snapshot(kMidnight + week - 1, {1, 0, 0, 0}),
                                                 Snapshot(kMidnight + week, {1, 0, 0, 0})};
  const VideoRollupRows rows = RollUpVideo(video, snapshots);
  ASSERT_EQ(rows.age_hours.size(), 1u);
  EXPECT_EQ(rows.age_hours[0].first, kAgeRollupHours - 1);
  EXPECT_EQ(rows.days.size(), 2u);
}

TEST(RollupRows, CreatorHoursSumOverVideosAndComeInHourThenCreatorOrder) {
  CreatorHourTotals totals(100);
  const std::vector<SnapshotRecord> first = {Snapshot(kMidnight + kMicrosPerHour + 1, {4, 0, 0, 0}),
                                             Snapshot(kMidnight + 2, {1, 0, 0, 0})};
  const std::vector<SnapshotRecord> second = {Snapshot(kMidnight + kMicrosPerHour + 9, {-2, 0, 0, 0})};
  const std::vector<SnapshotRecord> third = {Snapshot(kMidnight + 7, {3, 0, 0, 0})};
  totals.Add("bbb", first);
  totals.Add("bbb", second);
  totals.Add("aaa", third);
  ASSERT_TRUE(totals.complete());
  const auto rows = totals.SortedRows();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].hour, kMidnight);
  EXPECT_EQ(rows[0].creator_id, "aaa");
  EXPECT_EQ(rows[1].creator_id, "bbb");
  EXPECT_EQ(rows[1].totals->sums[metrics::kViews], 1);
  EXPECT_EQ(rows[2].hour, kMidnight + kMicrosPerHour);
  EXPECT_EQ(rows[2].totals->snapshots, 2);
  EXPECT_EQ(rows[2].totals->sums[metrics::kViews], 2);
  EXPECT_EQ(rows[2].totals->positive[metrics::kViews], 1);
  EXPECT_EQ(rows[2].totals->negative[metrics::kViews], 1);
}

TEST(RollupRows, CreatorHoursGiveUpPastTheirRowLimit) {
  CreatorHourTotals totals(2);
  const std::vector<SnapshotRecord> hours = {Snapshot(kMidnight, {1, 0, 0, 0}),
                                             Snapshot(kMidnight + kMicrosPerHour, {1, 0, 0, 0})};
  totals.Add("aaa", hours);
  EXPECT_TRUE(totals.complete());
  totals.Add("bbb", hours);
  EXPECT_FALSE(totals.complete());
  EXPECT_TRUE(totals.SortedRows().empty());
}

TEST(RollupRows, ASumPastTheIntegerRangeIsRefused) {
  CreatorHourTotals totals(100);
  const std::int64_t big = std::numeric_limits<std::int64_t>::max() - 1;
  const std::vector<SnapshotRecord> one = {Snapshot(kMidnight, {big, 0, 0, 0})};
  totals.Add("aaa", one);
  EXPECT_THROW(totals.Add("aaa", one), ValueOutOfRangeError);  // the same creator and hour
  DeltaTotals negative;
  negative.Add(Counters{std::numeric_limits<std::int64_t>::min(), 0, 0, 0});
  EXPECT_THROW(negative.Add(Counters{-1, 0, 0, 0}), ValueOutOfRangeError);
}

}  // namespace
}  // namespace videobot::db
