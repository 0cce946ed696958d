#pragma once
// Parses and validates one video object (with its snapshots) of a videos.json document
// (internal to the loader). Strict: every field required with its type, unknown and repeated
// fields rejected, ids and timestamps checked, snapshots must belong to their video.

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <simdjson.h>

#include "common/result.hpp"
#include "db/load_records.hpp"

namespace videobot::db {

class VideoParser {
 public:
  /// Spare bytes the parser needs after the object's text.
  static constexpr std::size_t kPadding = simdjson::SIMDJSON_PADDING;

  /// Parses the video object in [data, data + size) (capacity >= size + kPadding). `offset` is
  /// the object's byte offset in the document and `index` its position in "videos"; both are
  /// used in error paths and messages. On success video() and snapshots() hold the rows until
  /// the next call. Errors are kLoadMalformed with a JSON path such as
  /// /videos/3/snapshots/17/delta_views_count.
  Status Parse(const char* data, std::size_t size, std::size_t capacity, std::int64_t offset, std::int64_t index);

  const VideoRecord& video() const { return video_; }
  const std::vector<SnapshotRecord>& snapshots() const { return snapshots_; }

 private:
  Status ParseVideo(simdjson::ondemand::object& object);
  Status ParseSnapshot(simdjson::ondemand::value& value, std::int64_t index);
  Status CheckSnapshots();

  simdjson::ondemand::parser parser_;
  const char* data_ = nullptr;
  std::int64_t offset_ = 0;
  VideoRecord video_;
  std::vector<SnapshotRecord> snapshots_;
  std::unordered_map<std::string_view, std::int64_t> snapshot_ids_;
};

}  // namespace videobot::db
