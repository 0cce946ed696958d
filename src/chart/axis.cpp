#include "chart/axis.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

namespace videobot::chart {
namespace {

/// The smallest of 1, 2, 5 × 10^k at least `rough`.
double NiceStep(double rough) {
  const double power = std::pow(10.0, std::floor(std::log10(rough)));
  for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
    if (factor * power >= rough * (1 - 1e-12)) return factor * power;
  }
  return 10.0 * power;
}

std::span<const std::size_t> StrideCandidates(Bucket bucket) {
  static constexpr std::array<std::size_t, 12> kHours = {1, 2, 3, 6, 12, 24, 48, 72, 96, 168, 336, 672};
  static constexpr std::array<std::size_t, 8> kDays = {1, 2, 3, 7, 14, 28, 56, 91};
  static constexpr std::array<std::size_t, 8> kWeeks = {1, 2, 4, 8, 13, 26, 52, 104};
  static constexpr std::array<std::size_t, 8> kMonths = {1, 2, 3, 6, 12, 24, 60, 120};
  switch (bucket) {
    case Bucket::kHour: return kHours;
    case Bucket::kDay: return kDays;
    case Bucket::kWeek: return kWeeks;
    case Bucket::kMonth: return kMonths;
  }
  return kDays;
}

}  // namespace

Ticks NiceTicks(double data_min, double data_max, int target_count, bool whole_numbers) {
  Ticks ticks;
  double low = std::min(0.0, data_min);
  double high = std::max(0.0, data_max);
  if (!std::isfinite(low) || !std::isfinite(high) || high - low <= 0) {
    low = 0;
    high = 1;
  }
  double step = NiceStep((high - low) / std::max(1, target_count));
  if (whole_numbers) step = std::max(step, 1.0);
  ticks.step = step;
  ticks.min = std::floor(low / step) * step;
  ticks.max = std::ceil(high / step) * step;
  if (ticks.max <= ticks.min) ticks.max = ticks.min + step;
  const long long intervals = std::llround((ticks.max - ticks.min) / step);
  for (long long i = 0; i <= intervals; ++i) ticks.values.push_back(ticks.min + static_cast<double>(i) * step);
  return ticks;
}

LinearScale::LinearScale(double domain_from, double domain_to, double pixel_from, double pixel_to)
    : domain_from_(domain_from), domain_to_(domain_to), pixel_from_(pixel_from), pixel_to_(pixel_to) {}

double LinearScale::operator()(double value) const {
  if (domain_to_ == domain_from_) return (pixel_from_ + pixel_to_) / 2;
  return pixel_from_ + (value - domain_from_) / (domain_to_ - domain_from_) * (pixel_to_ - pixel_from_);
}

double PointX(std::size_t index, std::size_t count, double left, double right) {
  if (count <= 1) return (left + right) / 2;
  return left + static_cast<double>(index) * (right - left) / static_cast<double>(count - 1);
}

std::size_t LabelStride(std::size_t count, std::size_t max_labels, Bucket bucket) {
  max_labels = std::max<std::size_t>(1, max_labels);
  if (count <= max_labels) return 1;
  const auto candidates = StrideCandidates(bucket);
  for (const std::size_t stride : candidates) {
    if ((count + stride - 1) / stride <= max_labels) return stride;
  }
  // Longer than any natural step: a multiple of the largest.
  const std::size_t largest = candidates.back();
  const std::size_t multiple = (count + largest * max_labels - 1) / (largest * max_labels);
  return largest * multiple;
}

std::vector<std::size_t> LabelledIndices(const std::vector<DateTime>& local_starts, std::size_t stride, Bucket bucket) {
  std::vector<std::size_t> indices;
  stride = std::max<std::size_t>(1, stride);
  if (bucket == Bucket::kHour && stride > 1) {
    // Whole hours of the day for strides under a day, midnights (every stride/24 days) above.
    const std::size_t hours_in_day = std::min<std::size_t>(stride, 24);
    std::size_t first = local_starts.size();
    for (std::size_t i = 0; i < local_starts.size(); ++i) {
      const auto hour = static_cast<std::size_t>(local_starts[i].seconds_of_day / 3600);
      if (local_starts[i].seconds_of_day % 3600 == 0 && hour % hours_in_day == 0) {
        first = i;
        break;
      }
    }
    if (first == local_starts.size()) first = 0;
    for (std::size_t i = first; i < local_starts.size(); i += stride) indices.push_back(i);
    return indices;
  }
  for (std::size_t i = 0; i < local_starts.size(); i += stride) indices.push_back(i);
  return indices;
}

}  // namespace videobot::chart
