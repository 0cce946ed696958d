#pragma once
// Splits a {"videos": [ … ]} document read from a stream into the text of each video object,
// without holding more than one video in memory (internal to the loader).

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "common/result.hpp"

namespace videobot::db {

class VideoStream {
 public:
  /// Largest accepted video object; a larger one is reported as malformed (it is almost surely
  /// an unclosed brace) instead of exhausting memory.
  static constexpr std::size_t kMaxObjectBytes = std::size_t{512} << 20;

  explicit VideoStream(std::istream& input);

  /// Advances to the next video object: true when one is available through object(), false at
  /// the end of a well-formed document. A structural error is kLoadMalformed with a path and
  /// byte offset. Throws EnvironmentError when the stream cannot be read.
  Result<bool> Next();

  /// The current video object's text, followed by `padding` spare bytes of capacity.
  const char* object_data() const { return object_.data(); }
  std::size_t object_size() const { return object_size_; }
  std::size_t object_capacity() const { return object_.size(); }
  /// Byte offset of the current object's opening brace in the document.
  std::int64_t object_offset() const { return object_offset_; }
  /// Index of the current object in the "videos" array.
  std::int64_t object_index() const { return index_; }
  /// Bytes consumed from the stream so far.
  std::int64_t bytes_consumed() const { return chunk_offset_ + static_cast<std::int64_t>(pos_); }

  /// Spare bytes kept after the object (for parsers that read past the end, like simdjson).
  void set_padding(std::size_t padding) { padding_ = padding; }

 private:
  enum class State { kStart, kFirstElement, kAfterElement, kDone };

  bool Refill();
  // Next non-whitespace byte (not consumed), or -1 at the end of input.
  int PeekNonSpace();
  std::int64_t Offset() const { return bytes_consumed(); }
  Unexpected Malformed(const std::string& path, const std::string& what) const;
  Result<bool> ReadHeader();
  Result<bool> ReadObject();
  Result<bool> ReadTrailer();

  std::istream& input_;
  std::vector<char> chunk_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::int64_t chunk_offset_ = 0;
  bool eof_ = false;

  std::vector<char> object_;
  std::size_t object_size_ = 0;
  std::size_t padding_ = 64;
  std::int64_t object_offset_ = 0;
  std::int64_t index_ = -1;
  State state_ = State::kStart;
};

}  // namespace videobot::db
