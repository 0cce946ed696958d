// The PNG encoder: what it writes decodes (through Cairo's reader) to exactly the pixels given.
#include "chart/png_encoder.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "support/png_image.hpp"

namespace videobot::chart {
namespace {

/// A `width`×`height` image with rows `stride` bytes apart, every pixel different, and noise in
/// the ignored top byte and in the padding after each row.
std::vector<unsigned char> Pixels(int width, int height, int stride) {
  std::vector<unsigned char> data(static_cast<std::size_t>(stride) * static_cast<std::size_t>(height), 0xAB);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const std::uint32_t word = 0x5A000000u | static_cast<std::uint32_t>((x * 37 + y) % 256) << 16 |
                                 static_cast<std::uint32_t>((y * 91 + 3 * x) % 256) << 8 |
                                 static_cast<std::uint32_t>((x ^ y) % 256);
      std::memcpy(data.data() + static_cast<std::ptrdiff_t>(y) * stride + x * 4, &word, sizeof word);
    }
  }
  return data;
}

TEST(EncodePng, DecodesToTheSamePixels) {
  constexpr int kWidth = 37;
  constexpr int kHeight = 23;
  constexpr int kStride = kWidth * 4 + 12;
  const auto data = Pixels(kWidth, kHeight, kStride);
  const std::string png = EncodePng(data.data(), kWidth, kHeight, kStride);
  const auto image = testing::DecodePng(png);
  ASSERT_TRUE(image.has_value());
  ASSERT_EQ(image->width, kWidth);
  ASSERT_EQ(image->height, kHeight);
  for (int y = 0; y < kHeight; ++y) {
    for (int x = 0; x < kWidth; ++x) {
      std::uint32_t word = 0;
      std::memcpy(&word, data.data() + static_cast<std::size_t>(y) * kStride + x * 4, sizeof word);
      const testing::Pixel expected{static_cast<int>(word >> 16 & 0xFF), static_cast<int>(word >> 8 & 0xFF),
                                    static_cast<int>(word & 0xFF)};
      ASSERT_EQ(image->At(x, y), expected) << x << "," << y;
    }
  }
}

TEST(EncodePng, WritesAnRgbHeaderAndTheSameBytesTwice) {
  const auto data = Pixels(300, 2, 1200);
  const std::string png = EncodePng(data.data(), 300, 2, 1200);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  EXPECT_EQ(png.substr(16, 8), std::string("\0\0\x01\x2c\0\0\0\x02", 8));  // 300 × 2
  EXPECT_EQ(png.substr(24, 2), std::string("\x08\x02", 2));                // 8-bit RGB
  EXPECT_EQ(png.substr(png.size() - 8, 4), "IEND");
  EXPECT_EQ(png, EncodePng(data.data(), 300, 2, 1200));
}

}  // namespace
}  // namespace videobot::chart
