#include "gzip_body.hpp"

#include <zlib.h>

#include <stdexcept>
#include <vector>

namespace videobot::testing {
namespace {

constexpr std::size_t kZeroChunk = std::size_t{1} << 20;

// A raw deflate stream (no zlib or gzip wrapper), for building gzip members by hand.
class RawDeflater {
 public:
  RawDeflater() {
    if (deflateInit2(&stream_, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
      throw std::runtime_error("deflateInit2 failed");
    }
  }
  ~RawDeflater() { deflateEnd(&stream_); }
  RawDeflater(const RawDeflater&) = delete;
  RawDeflater& operator=(const RawDeflater&) = delete;

  /// Compresses `data` and flushes with `flush` (Z_FULL_FLUSH or Z_FINISH); returns the output.
  std::string Deflate(std::string_view data, int flush) {
    std::string out;
    std::vector<unsigned char> buffer(64 * 1024);
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream_.avail_in = static_cast<uInt>(data.size());
    int status = Z_OK;
    do {
      stream_.next_out = buffer.data();
      stream_.avail_out = static_cast<uInt>(buffer.size());
      status = deflate(&stream_, flush);
      if (status == Z_STREAM_ERROR) throw std::runtime_error("deflate failed");
      out.append(reinterpret_cast<const char*>(buffer.data()), buffer.size() - stream_.avail_out);
    } while (stream_.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));
    return out;
  }

 private:
  z_stream stream_{};
};

void AppendLittleEndian32(std::string& out, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

std::string GzipHeader() {
  // Magic, deflate, no flags, no time, no extra flags, unknown OS.
  return std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
}

std::string GzipTrailer(std::uint32_t crc, std::uint64_t size) {
  std::string out;
  AppendLittleEndian32(out, crc);
  AppendLittleEndian32(out, static_cast<std::uint32_t>(size & 0xFFFFFFFFu));
  return out;
}

}  // namespace

std::string GzipCompress(std::string_view data) {
  RawDeflater deflater;
  const auto crc = crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
  return GzipHeader() + deflater.Deflate(data, Z_FINISH) + GzipTrailer(static_cast<std::uint32_t>(crc), data.size());
}

std::string GzipOfZeros(std::uint64_t inflated_bytes) {
  const std::string zeros(kZeroChunk, '\0');
  const std::uint64_t chunks = inflated_bytes / kZeroChunk;
  const std::string tail(std::size_t{inflated_bytes % kZeroChunk}, '\0');
  RawDeflater deflater;
  std::string out = GzipHeader();
  if (chunks > 0) {
    // After a full flush the compressor starts afresh, so the same input compresses to the same
    // bytes every time: compress the chunk once and repeat its output.
    const std::string compressed_chunk = deflater.Deflate(zeros, Z_FULL_FLUSH);
    out.reserve(out.size() + compressed_chunk.size() * chunks + 64);
    for (std::uint64_t i = 0; i < chunks; ++i) out += compressed_chunk;
  }
  out += deflater.Deflate(tail, Z_FINISH);
  const uLong chunk_crc = crc32(0L, reinterpret_cast<const Bytef*>(zeros.data()), static_cast<uInt>(zeros.size()));
  uLong crc = crc32(0L, Z_NULL, 0);
  for (std::uint64_t i = 0; i < chunks; ++i) crc = crc32_combine(crc, chunk_crc, static_cast<z_off_t>(kZeroChunk));
  crc = crc32_combine(crc, crc32(0L, reinterpret_cast<const Bytef*>(tail.data()), static_cast<uInt>(tail.size())),
                      static_cast<z_off_t>(tail.size()));
  return out + GzipTrailer(static_cast<std::uint32_t>(crc), inflated_bytes);
}

}  // namespace videobot::testing
