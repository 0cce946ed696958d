#pragma once
// The bulk loader for videos.json documents: streaming, strict, atomic, idempotent (an upsert,
// or a replacement that makes the document the whole truth).

#include <cstdint>
#include <functional>
#include <istream>

#include "common/result.hpp"
#include "common/time.hpp"
#include "db/database.hpp"

namespace videobot::db {

/// The largest magnitude of a counter or delta the loader accepts: counters lie in
/// [0, kMaxCounter], deltas in [-kMaxCounter, kMaxCounter] (10^15, the bound of plan thresholds).
/// docs/data-limits.md explains why sums then stay exact or fail loudly.
inline constexpr std::int64_t kMaxCounter = 1'000'000'000'000'000;

/// The instants the loader accepts, inclusive, after the timestamp's offset is applied:
/// 0001-01-01T00:00:00Z … 9999-12-31T23:59:59.999999Z, which both engines store identically.
inline constexpr Instant kEarliestInstant = -62'135'596'800'000'000;
inline constexpr Instant kLatestInstant = 253'402'300'799'999'999;

struct LoadStats {
  std::int64_t videos = 0;
  std::int64_t snapshots = 0;
  std::int64_t bytes = 0;
  std::int64_t removed_videos = 0;  ///< videos deleted by a replacing load (always 0 for an upsert)
};

/// How a load treats the data already stored.
struct LoadOptions {
  /// false (the default): an upsert — videos and snapshots absent from the document stay.
  /// true: the document is the whole truth — stored videos absent from it are removed with their
  /// snapshots and rollup rows, and stored snapshots of its videos that it does not list are
  /// removed too, in the load's transaction (a failed load removes nothing).
  bool replace = false;
  /// A replacing load of a document without videos would empty the database; it is refused
  /// (kUsage, nothing written) unless this is set.
  bool allow_empty = false;
};

/// What a load is doing.
enum class LoadPhase {
  kReading,  ///< parsing and writing videos and snapshots
  kRollups,  ///< rebuilding the rollups and the coverage row (after the last byte is read)
  kDone,     ///< committed
};

/// Where a load is: bytes consumed and rows written so far.
struct LoadProgress {
  LoadPhase phase = LoadPhase::kReading;
  std::int64_t bytes = 0;
  std::int64_t videos = 0;
  std::int64_t snapshots = 0;
};

/// Called now and then while reading, once when the rollup phase starts and once when done.
using ProgressCallback = std::function<void(const LoadProgress&)>;

/// Loads a whole document from `input` in one transaction. Ids are stored lowercase. A
/// malformed document (bad JSON, missing/mistyped/unknown field, bad id or timestamp, snapshot of
/// another video) writes nothing and returns kLoadMalformed; a value outside the accepted ranges
/// (a negative counter, a counter or delta beyond kMaxCounter, an instant outside
/// [kEarliestInstant, kLatestInstant]) returns kValueOutOfRange. Both name the JSON path, and the
/// message the video index, snapshot index and byte offset. The load also refreshes the
/// coverage row (coverage.hpp) in its transaction. Throws DatabaseError on environment failures
/// (nothing is written then either). `options` selects an upsert (default) or a replacing load.
Result<LoadStats> Load(Database& database, std::istream& input, const ProgressCallback& progress = {},
                       const LoadOptions& options = {});

}  // namespace videobot::db
