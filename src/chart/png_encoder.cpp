#include "chart/png_encoder.hpp"

#include <zlib.h>

#include <cstring>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace videobot::chart {
namespace {

constexpr int kBytesPerPixel = 3;
constexpr unsigned char kFilterSub = 1;

void AppendBigEndian(std::string& out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>(value >> shift & 0xFF));
}

/// A chunk: length, type, data and the CRC of type and data.
void AppendChunk(std::string& out, std::string_view type, std::string_view data) {
  AppendBigEndian(out, static_cast<std::uint32_t>(data.size()));
  const std::size_t type_start = out.size();
  out.append(type);
  out.append(data);
  const auto* checked = reinterpret_cast<const Bytef*>(out.data() + type_start);
  AppendBigEndian(out, static_cast<std::uint32_t>(crc32(0, checked, static_cast<uInt>(out.size() - type_start))));
}

/// The image's rows as PNG scanlines: a filter byte, then each byte minus the same channel of the
/// pixel to its left (the Sub filter).
std::vector<unsigned char> FilteredRows(const unsigned char* pixels, int width, int height, int stride) {
  const std::size_t row_bytes = 1 + static_cast<std::size_t>(width) * kBytesPerPixel;
  std::vector<unsigned char> rows(row_bytes * static_cast<std::size_t>(height));
  for (int y = 0; y < height; ++y) {
    unsigned char* out = rows.data() + row_bytes * static_cast<std::size_t>(y);
    *out++ = kFilterSub;
    const unsigned char* row = pixels + static_cast<std::ptrdiff_t>(y) * stride;
    std::uint32_t left = 0;
    for (int x = 0; x < width; ++x) {
      std::uint32_t word = 0;
      std::memcpy(&word, row + static_cast<std::ptrdiff_t>(x) * 4, sizeof word);
      *out++ = static_cast<unsigned char>((word >> 16) - (left >> 16));
      *out++ = static_cast<unsigned char>((word >> 8) - (left >> 8));
      *out++ = static_cast<unsigned char>(word - left);
      left = word;
    }
  }
  return rows;
}

std::string Deflate(const std::vector<unsigned char>& data) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw EnvironmentError("не удалось сжать изображение");
  }
  std::string out(deflateBound(&stream, uLong{data.size()}), '\0');
  stream.next_in = const_cast<Bytef*>(data.data());
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) throw EnvironmentError("не удалось сжать изображение");
  return out;
}

}  // namespace

std::string EncodePng(const unsigned char* pixels, int width, int height, int stride) {
  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string header;
  AppendBigEndian(header, static_cast<std::uint32_t>(width));
  AppendBigEndian(header, static_cast<std::uint32_t>(height));
  // Bit depth 8, colour type 2 (RGB), deflate, adaptive filtering, no interlace.
  header.append({'\x08', '\x02', '\x00', '\x00', '\x00'});
  AppendChunk(png, "IHDR", header);
  AppendChunk(png, "IDAT", Deflate(FilteredRows(pixels, width, height, stride)));
  AppendChunk(png, "IEND", "");
  return png;
}

}  // namespace videobot::chart
