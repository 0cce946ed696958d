#pragma once
// The bulk loader for videos.json documents: streaming, strict, atomic, idempotent (upsert).

#include <cstdint>
#include <functional>
#include <istream>

#include "common/result.hpp"
#include "db/database.hpp"

namespace videobot::db {

struct LoadStats {
  std::int64_t videos = 0;
  std::int64_t snapshots = 0;
  std::int64_t bytes = 0;
};

/// Called now and then with the number of bytes consumed so far.
using ProgressCallback = std::function<void(std::int64_t bytes_read)>;

/// Loads a whole document from `input` in one transaction. A malformed document (bad JSON,
/// missing/mistyped/unknown field, bad timestamp, snapshot of another video) writes nothing and
/// returns kLoadMalformed naming the video index, snapshot index, byte offset and field.
/// Throws DatabaseError on environment failures (nothing is written then either).
Result<LoadStats> Load(Database& database, std::istream& input, const ProgressCallback& progress = {});

}  // namespace videobot::db
