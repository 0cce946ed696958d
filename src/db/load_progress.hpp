#pragma once
// The text of the load progress line (`videobot load` on a terminal): bar, percent, rows per
// second and the time left while reading; the rollup phase as its own step. Pure.

#include <cstdint>
#include <string>

#include "db/loader.hpp"

namespace videobot::db {

/// One progress line (no carriage return, no newline), English (operator-facing):
///   "loading [#####.....]  42%  120 MiB  85 000 rows/s  ETA 0:12"   (size known)
///   "loading 120 MiB  85 000 rows/s"                                 (stdin: size unknown)
///   "building rollups: 1 234 567 rows read in 0:34"                  (kRollups)
///   "loaded: 1 234 567 rows in 0:41"                                 (kDone)
/// `total_bytes` 0 means unknown; the rate and ETA appear once `elapsed_seconds` > 0.
std::string FormatLoadProgress(const LoadProgress& progress, std::int64_t total_bytes, double elapsed_seconds);

}  // namespace videobot::db
