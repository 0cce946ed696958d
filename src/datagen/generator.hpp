#pragma once
// Generates realistic data sets of the videos.json shape, deterministically for a seed, streaming
// to an output stream (memory does not grow with the size).

#include <cstdint>
#include <ostream>

#include "common/time.hpp"

namespace videobot::datagen {

struct GeneratorOptions {
  int videos = 358;
  int creators = 20;
  std::uint64_t seed = 1;
  /// Hourly tracking window (snapshots are stamped a few seconds past each hour in it).
  Instant tracking_start = 0;  ///< 0: 2025-11-26T11:00:00Z
  Instant tracking_end = 0;    ///< 0: 2025-12-01T10:00:00Z
  /// Earliest publication time; videos are published between this and tracking_end.
  Instant publications_from = 0;  ///< 0: 2025-06-01T00:00:00Z
};

/// Writes one JSON document {"videos": [...]} to `out`, pretty-printed with the real file's key
/// order. The same options (seed included) always give the same bytes. Throws
/// std::invalid_argument for inconsistent options (negative counts, no creators, a tracking
/// window shorter than an hour, publications starting after tracking starts).
void Generate(const GeneratorOptions& options, std::ostream& out);

}  // namespace videobot::datagen
