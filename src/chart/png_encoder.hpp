#pragma once
// A PNG encoder for opaque RGB images, tuned for charts: Cairo's own writer compresses at zlib's
// default level, which costs most of a chart's rendering time.

#include <cstdint>
#include <string>

namespace videobot::chart {

/// PNG bytes (8-bit RGB, no alpha) of a `width`×`height` image whose rows start `stride` bytes
/// apart in `pixels`, each pixel a native-endian 32-bit word 0xXXRRGGBB (Cairo's RGB24 and
/// ARGB32 layout; the top byte is ignored). Rows use the Sub filter and zlib's fastest level:
/// charts are mostly flat colour, which that compresses well. Deterministic: same pixels, same
/// bytes. Throws EnvironmentError when zlib fails (out of memory).
std::string EncodePng(const unsigned char* pixels, int width, int height, int stride);

}  // namespace videobot::chart
