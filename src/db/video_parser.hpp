#pragma once
// Parses and validates one video object (with its snapshots) of a videos.json document
// (internal to the loader). Strict: every field required with its type, unknown and repeated
// fields rejected, ids and timestamps checked, snapshots must belong to their video.

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "db/load_records.hpp"

namespace videobot::db {

class VideoParser {
 public:
  /// Spare bytes the parser needs after the object's text (simdjson's padding).
  static constexpr std::size_t kPadding = 64;

  VideoParser();
  ~VideoParser();
  VideoParser(const VideoParser&) = delete;
  VideoParser& operator=(const VideoParser&) = delete;

  /// Parses the video object in [data, data + size) (capacity >= size + kPadding). `offset` is
  /// the object's byte offset in the document and `index` its position in "videos"; both are
  /// used in error paths and messages. On success video() and snapshots() hold the rows until
  /// the next call. Errors are kLoadMalformed with a JSON path such as
  /// /videos/3/snapshots/17/delta_views_count.
  Status Parse(const char* data, std::size_t size, std::size_t capacity, std::int64_t offset, std::int64_t index);

  const VideoRecord& video() const;
  const std::vector<SnapshotRecord>& snapshots() const;

 private:
  // simdjson's types stay out of this header: their layout depends on compile definitions
  // that only this library's sources are built with.
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace videobot::db
