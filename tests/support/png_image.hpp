#pragma once
// Reads PNG bytes back into pixels (through Cairo) so that tests can look at a drawn chart.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace videobot::testing {

/// One opaque pixel.
struct Pixel {
  int red = 0;
  int green = 0;
  int blue = 0;
  friend bool operator==(const Pixel&, const Pixel&) = default;
};

/// A decoded image, row by row.
struct PngImage {
  int width = 0;
  int height = 0;
  std::vector<Pixel> pixels;  ///< width × height, top row first

  /// The pixel at column x, row y (both within the image).
  const Pixel& At(int x, int y) const {
    return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)];
  }
};

/// The image in `png`, or nullopt when the bytes are not a PNG Cairo can read.
std::optional<PngImage> DecodePng(std::string_view png);

/// The number of pixels that differ from `background` in any channel.
std::size_t CountPixelsUnlike(const PngImage& image, const Pixel& background);

/// The number of pixels of two same-sized images whose channels differ by more than `tolerance`.
std::size_t CountDifferentPixels(const PngImage& a, const PngImage& b, int tolerance);

/// Whether some pixel within `radius` of (x, y) is within `tolerance` of `color` per channel.
bool HasColorNear(const PngImage& image, int x, int y, int radius, const Pixel& color, int tolerance);

}  // namespace videobot::testing
