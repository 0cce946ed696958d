#include "db/load_progress.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace videobot::db {
namespace {

constexpr int kBarWidth = 25;

std::string Grouped(std::int64_t value) {
  const std::string digits = fmt::format("{}", std::max<std::int64_t>(value, 0));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return out;
}

// "0:07", "12:34", "1:02:03".
std::string Clock(double seconds) {
  const auto total = static_cast<std::int64_t>(std::llround(std::max(seconds, 0.0)));
  const std::int64_t hours = total / 3600;
  const std::int64_t minutes = total / 60 % 60;
  const std::int64_t rest = total % 60;
  if (hours > 0) return fmt::format("{}:{:02}:{:02}", hours, minutes, rest);
  return fmt::format("{}:{:02}", minutes, rest);
}

std::int64_t Rows(const LoadProgress& progress) { return progress.videos + progress.snapshots; }

}  // namespace

std::string FormatLoadProgress(const LoadProgress& progress, std::int64_t total_bytes, double elapsed_seconds) {
  const std::int64_t rows = Rows(progress);
  switch (progress.phase) {
    case LoadPhase::kRollups:
      return fmt::format("building rollups: {} rows read in {}", Grouped(rows), Clock(elapsed_seconds));
    case LoadPhase::kDone: return fmt::format("loaded: {} rows in {}", Grouped(rows), Clock(elapsed_seconds));
    case LoadPhase::kReading: break;
  }
  const bool timed = elapsed_seconds > 0;
  const std::string rate =
      timed
          ? fmt::format("  {} rows/s", Grouped(static_cast<std::int64_t>(static_cast<double>(rows) / elapsed_seconds)))
          : "";
  const std::int64_t mib = progress.bytes >> 20;
  if (total_bytes <= 0) return fmt::format("loading {} MiB{}", mib, rate);
  const std::int64_t bytes = std::clamp<std::int64_t>(progress.bytes, 0, total_bytes);
  const int percent = static_cast<int>(100 * bytes / total_bytes);
  const int filled = percent * kBarWidth / 100;
  std::string eta;
  if (timed && bytes > 0) {
    const double left = elapsed_seconds * static_cast<double>(total_bytes - bytes) / static_cast<double>(bytes);
    eta = fmt::format("  ETA {}", Clock(left));
  }
  return fmt::format("loading [{}{}] {:3}%  {} MiB{}{}", std::string(static_cast<std::size_t>(filled), '#'),
                     std::string(static_cast<std::size_t>(kBarWidth - filled), '.'), percent, mib, rate, eta);
}

}  // namespace videobot::db
