#include "db/rollup_rows.hpp"

#include <algorithm>
#include <limits>

#include "common/rollups.hpp"
#include "db/database.hpp"

namespace videobot::db {
namespace {

constexpr std::int64_t kMaxCount = std::numeric_limits<std::int32_t>::max();

[[noreturn]] void ThrowOutOfRange() { throw ValueOutOfRangeError("a rollup sum is out of range"); }

void AddChecked(std::int64_t& total, std::int64_t value) {
  if (__builtin_add_overflow(total, value, &total)) ThrowOutOfRange();
}

void AddCount(std::int64_t& count, std::int64_t value) {
  AddChecked(count, value);
  if (count > kMaxCount) ThrowOutOfRange();
}

void AddCounters(Counters& total, const Counters& value) {
  for (std::size_t i = 0; i < metrics::kCount; ++i) AddChecked(total[i], value[i]);
}

void AddCounts(Counters& total, const Counters& value) {
  for (std::size_t i = 0; i < metrics::kCount; ++i) AddCount(total[i], value[i]);
}

// Per metric, 1 where the delta has the sign of `sign` (positive or negative), else 0.
Counters Signs(const Counters& deltas, int sign) {
  Counters out{};
  for (std::size_t i = 0; i < metrics::kCount; ++i) out[i] = sign > 0 ? deltas[i] > 0 : deltas[i] < 0;
  return out;
}

Instant FloorTo(Instant instant, Instant unit) {
  const Instant remainder = instant % unit;
  return remainder < 0 ? instant - remainder - unit : instant - remainder;
}

// Adds `totals` under `key` in a vector kept in key order (a video's snapshots are usually in
// time order, so the key is almost always the last one).
template <typename Key>
void AddAt(std::vector<std::pair<Key, DeltaTotals>>& rows, Key key, const Counters& deltas) {
  auto it = rows.end();
  if (rows.empty() || rows.back().first != key) {
    it = rows.begin();
    while (it != rows.end() && it->first < key) ++it;
    if (it == rows.end() || it->first != key) it = rows.insert(it, {key, DeltaTotals{}});
  } else {
    it = rows.end() - 1;
  }
  it->second.Add(deltas);
}

}  // namespace

void DeltaTotals::Add(const Counters& deltas) {
  AddCount(snapshots, 1);
  AddCounters(sums, deltas);
  AddCounts(positive, Signs(deltas, +1));
  AddCounts(negative, Signs(deltas, -1));
}

void DeltaTotals::Add(const DeltaTotals& other) {
  AddCount(snapshots, other.snapshots);
  AddCounters(sums, other.sums);
  AddCounts(positive, other.positive);
  AddCounts(negative, other.negative);
}

Instant UtcDayStart(Instant instant) { return FloorTo(instant, kMicrosPerDay); }
Instant UtcHourStart(Instant instant) { return FloorTo(instant, kMicrosPerHour); }

VideoRollupRows RollUpVideo(const VideoRecord& video, std::span<const SnapshotRecord> snapshots) {
  VideoRollupRows rows;
  const Instant age_window_end = video.video_created_at + Instant{kAgeRollupHours} * kMicrosPerHour;
  for (const auto& snapshot : snapshots) {
    AddAt(rows.days, UtcDayStart(snapshot.created_at), snapshot.deltas);
    if (snapshot.created_at >= video.video_created_at && snapshot.created_at < age_window_end) {
      const auto age = static_cast<std::int32_t>((snapshot.created_at - video.video_created_at) / kMicrosPerHour);
      AddAt(rows.age_hours, age, snapshot.deltas);
    }
  }
  return rows;
}

std::uint32_t CreatorHourTotals::CreatorIndex(std::string_view creator_id) {
  if (const auto it = creator_index_.find(creator_id); it != creator_index_.end()) return it->second;
  const auto index = static_cast<std::uint32_t>(creators_.size());
  creators_.emplace_back(creator_id);
  creator_index_.emplace(creators_.back(), index);
  return index;
}

void CreatorHourTotals::Add(std::string_view creator_id, std::span<const SnapshotRecord> snapshots) {
  if (!complete_ || snapshots.empty()) return;
  const std::uint32_t creator = CreatorIndex(creator_id);
  for (const auto& snapshot : snapshots) {
    auto [it, inserted] = rows_.try_emplace(Key{UtcHourStart(snapshot.created_at), creator});
    it->second.Add(snapshot.deltas);
    if (inserted && rows_.size() > max_rows_) {
      complete_ = false;
      rows_.clear();
      return;
    }
  }
}

std::vector<CreatorHourTotals::Row> CreatorHourTotals::SortedRows() const {
  std::vector<Row> rows;
  rows.reserve(rows_.size());
  for (const auto& [key, totals] : rows_) rows.push_back(Row{key.hour, creators_[key.creator], &totals});
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return a.hour != b.hour ? a.hour < b.hour : a.creator_id < b.creator_id;
  });
  return rows;
}

}  // namespace videobot::db
