#pragma once
// Rows produced by the loader's parser and consumed by the backend-specific sinks (internal).

#include <cstdint>
#include <string_view>

#include "common/metrics.hpp"
#include "common/time.hpp"

namespace videobot::db {

/// The counters (or deltas) of a video or snapshot, one per metric in catalogue order.
using Counters = metrics::PerMetric<std::int64_t>;

/// One video; the string views point into the parser's buffers, valid until the next video.
struct VideoRecord {
  std::string_view id;
  std::string_view creator_id;
  Instant video_created_at = 0;
  Counters counters{};
  Instant created_at = 0;
  Instant updated_at = 0;
  std::int64_t index = 0;  ///< position in the "videos" array
};

/// One snapshot of a video.
struct SnapshotRecord {
  std::string_view id;
  std::string_view video_id;
  Counters counters{};
  Counters deltas{};
  Instant created_at = 0;
  Instant updated_at = 0;
  std::int64_t index = 0;   ///< position in the video's "snapshots" array
  std::int64_t offset = 0;  ///< byte offset of the snapshot object in the document
};

}  // namespace videobot::db
