#pragma once
// The rollup rows of a first load, computed while the file streams by (internal). The same
// aggregates the SQL of rollups.cpp computes from the stored snapshots: per video and UTC day, per
// video and hour of age (the first kAgeRollupHours hours after publication), and per creator and
// UTC hour. Integer arithmetic throughout; a sum past the 64-bit range or a count past the
// columns' 32-bit range throws ValueOutOfRangeError.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "db/load_records.hpp"

namespace videobot::db {

/// The aggregates every rollup row stores after its key, in the tables' column order: the
/// number of snapshots, the delta sums, then per metric how many deltas were positive and how
/// many negative (each in catalogue order).
struct DeltaTotals {
  std::int64_t snapshots = 0;
  Counters sums{};
  Counters positive{};
  Counters negative{};

  void Add(const Counters& deltas);
  void Add(const DeltaTotals& other);
};

/// One video's rows, in key order.
struct VideoRollupRows {
  std::vector<std::pair<Instant, DeltaTotals>> days;            ///< UTC day start → totals
  std::vector<std::pair<std::int32_t, DeltaTotals>> age_hours;  ///< whole hours since publication
};

/// Rolls up the snapshots of one video.
VideoRollupRows RollUpVideo(const VideoRecord& video, std::span<const SnapshotRecord> snapshots);

/// How many creator-hour rows a load keeps in memory at most (about 200 bytes each).
inline constexpr std::size_t kMaxCreatorHourRows = std::size_t{1} << 20;

/// The per-creator hourly totals of a whole load. Gives up (complete() turns false and the rows
/// are dropped) past `max_rows` distinct creator-hours, so that memory stays bounded whatever
/// the file; the caller then computes them from the stored snapshots instead.
class CreatorHourTotals {
 public:
  struct Row {
    Instant hour;  ///< UTC hour start
    std::string_view creator_id;
    const DeltaTotals* totals;
  };

  explicit CreatorHourTotals(std::size_t max_rows = kMaxCreatorHourRows) : max_rows_(max_rows) {}

  void Add(std::string_view creator_id, std::span<const SnapshotRecord> snapshots);
  bool complete() const { return complete_; }
  /// The rows in key order (hour, then creator id), the order they are stored in.
  std::vector<Row> SortedRows() const;

 private:
  struct Key {
    Instant hour;
    std::uint32_t creator;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& key) const noexcept { return std::hash<Instant>{}(key.hour) * 31 + key.creator; }
  };

  std::uint32_t CreatorIndex(std::string_view creator_id);

  std::size_t max_rows_;
  bool complete_ = true;
  std::deque<std::string> creators_;  ///< a deque: appending never moves the stored ids
  std::unordered_map<std::string_view, std::uint32_t> creator_index_;  ///< views into creators_
  std::unordered_map<Key, DeltaTotals, KeyHash> rows_;
};

/// The start of the UTC day (hour) holding `instant`.
Instant UtcDayStart(Instant instant);
Instant UtcHourStart(Instant instant);

}  // namespace videobot::db
