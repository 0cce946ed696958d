#include "support/png_image.hpp"

#include <cairo.h>

#include <cstdlib>
#include <cstring>

namespace videobot::testing {
namespace {

struct Reader {
  std::string_view bytes;
  std::size_t position = 0;
};

cairo_status_t ReadChunk(void* closure, unsigned char* data, unsigned int length) {
  auto& reader = *static_cast<Reader*>(closure);
  if (reader.bytes.size() - reader.position < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, reader.bytes.data() + reader.position, length);
  reader.position += length;
  return CAIRO_STATUS_SUCCESS;
}

bool Close(const Pixel& a, const Pixel& b, int tolerance) {
  return std::abs(a.red - b.red) <= tolerance && std::abs(a.green - b.green) <= tolerance &&
         std::abs(a.blue - b.blue) <= tolerance;
}

}  // namespace

std::optional<PngImage> DecodePng(std::string_view png) {
  Reader reader{png};
  cairo_surface_t* surface = cairo_image_surface_create_from_png_stream(ReadChunk, &reader);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return std::nullopt;
  }
  cairo_surface_flush(surface);
  PngImage image;
  image.width = cairo_image_surface_get_width(surface);
  image.height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  image.pixels.reserve(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height));
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      // Cairo keeps a pixel as one native-endian 32-bit word: 0xAARRGGBB.
      std::uint32_t word = 0;
      std::memcpy(&word, data + static_cast<std::ptrdiff_t>(y) * stride + x * 4, sizeof word);
      image.pixels.push_back(
          {static_cast<int>(word >> 16 & 0xFF), static_cast<int>(word >> 8 & 0xFF), static_cast<int>(word & 0xFF)});
    }
  }
  cairo_surface_destroy(surface);
  return image;
}

std::size_t CountPixelsUnlike(const PngImage& image, const Pixel& background) {
  std::size_t count = 0;
  for (const Pixel& pixel : image.pixels) count += pixel == background ? 0U : 1U;
  return count;
}

std::size_t CountDifferentPixels(const PngImage& a, const PngImage& b, int tolerance) {
  if (a.width != b.width || a.height != b.height) return a.pixels.size() + b.pixels.size();
  std::size_t count = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i) count += Close(a.pixels[i], b.pixels[i], tolerance) ? 0U : 1U;
  return count;
}

bool HasColorNear(const PngImage& image, int x, int y, int radius, const Pixel& color, int tolerance) {
  for (int dy = -radius; dy <= radius; ++dy) {
    for (int dx = -radius; dx <= radius; ++dx) {
      const int px = x + dx;
      const int py = y + dy;
      if (px < 0 || py < 0 || px >= image.width || py >= image.height) continue;
      if (Close(image.At(px, py), color, tolerance)) return true;
    }
  }
  return false;
}

}  // namespace videobot::testing
