#pragma once
// The simulation behind the generator: one video's publication, tracking window, growth curve,
// gaps and dips, turned into hourly snapshots (internal to datagen).

#include <cstdint>
#include <vector>

#include "common/metrics.hpp"
#include "common/time.hpp"
#include "datagen/generator.hpp"
#include "datagen/random.hpp"

namespace videobot::datagen {

/// The counters (or deltas) of a video or snapshot, one per metric in catalogue order.
using Counters = metrics::PerMetric<std::int64_t>;

/// A 128-bit id (printed as 32 hex digits, or dashed for videos).
struct Id128 {
  std::uint64_t high = 0;
  std::uint64_t low = 0;
};

struct SnapshotData {
  Id128 id;
  Counters counters{};
  Counters deltas{};
  Instant created_at = 0;
  Instant updated_at = 0;
};

struct VideoData {
  Id128 id;
  int creator = 0;  ///< index into the creator list
  Instant published = 0;
  Counters counters{};  ///< final counters (the last snapshot's)
  Instant created_at = 0;
  Instant updated_at = 0;
  std::vector<SnapshotData> snapshots;
};

/// Options with defaults filled in. Throws std::invalid_argument for inconsistent options.
GeneratorOptions Resolve(const GeneratorOptions& options);

class VideoModel {
 public:
  /// `options` must be resolved. Draws the tracking outages from `random`.
  VideoModel(const GeneratorOptions& options, Random& random);

  /// Simulates the next video into `out` (its snapshot vector is reused).
  void Next(Random& random, VideoData& out) const;

 private:
  Instant TickTime(std::int64_t tick) const { return options_.tracking_start + tick * kMicrosPerHour; }
  Instant Publication(Random& random) const;
  int PickCreator(Random& random) const;

  GeneratorOptions options_;
  std::int64_t ticks_ = 0;
  std::vector<bool> outage_;  ///< ticks at which nothing was measured
};

}  // namespace videobot::datagen
