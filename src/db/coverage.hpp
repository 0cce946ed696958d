#pragma once
// What the loaded data covers: counts and the ends of the measured and published ranges, kept
// in one row (table data_coverage, migration 0004) that the loader refreshes in every load's
// transaction, so questions learn it with one small read.

#include <cstdint>
#include <optional>

#include "common/time.hpp"
#include "db/database.hpp"

namespace videobot::db {

/// What the loaded data covers. Instants are UTC (common/time.hpp Instant).
struct Coverage {
  std::int64_t videos = 0;
  std::int64_t snapshots = 0;
  std::optional<Instant> first_measured;   ///< earliest snapshot created_at
  std::optional<Instant> last_measured;    ///< latest snapshot created_at
  std::optional<Instant> first_published;  ///< earliest video_created_at
  std::optional<Instant> last_published;   ///< latest video_created_at
  std::optional<Instant> loaded_at;        ///< when the last load committed
  bool Empty() const { return videos == 0; }
};

/// Reads the coverage row (one small read, never a scan). Throws NotInitialisedError when the
/// schema is missing or older than the coverage migration, DatabaseError otherwise.
Coverage ReadCoverage(Database& database);

/// Recomputes the coverage row from the tables (counts and index-ordered min/max), stamping
/// `loaded_at`. The loader calls it inside its transaction. Throws DatabaseError.
void RefreshCoverage(Database& database, Instant loaded_at);

}  // namespace videobot::db
