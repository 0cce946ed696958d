#pragma once
// Axis arithmetic without drawing: nice tick values, the value → pixel mapping, where the points of a series
// sit horizontally, and which of them get a label.

#include <cstddef>
#include <vector>

#include "chart/chart_data.hpp"

namespace videobot::chart {

/// Tick values of a value axis: min, min+step, …, max, with min ≤ every value ≤ max.
struct Ticks {
  double min = 0;
  double max = 1;
  double step = 1;
  std::vector<double> values;  ///< min … max, evenly spaced by step
};

/// Ticks for values in [data_min, data_max]: the range always includes 0 (an honest baseline), steps are 1, 2
/// or 5 × 10^k, about `target_count` intervals. With `whole_numbers` the step is at least 1. An empty or
/// all-zero range gives 0 … 1.
Ticks NiceTicks(double data_min, double data_max, int target_count, bool whole_numbers);

/// A linear map from a value domain to pixels; pixel_from may exceed pixel_to (y grows downwards).
class LinearScale {
 public:
  LinearScale() = default;
  /// Maps domain_from → pixel_from and domain_to → pixel_to; a degenerate domain maps to the middle.
  LinearScale(double domain_from, double domain_to, double pixel_from, double pixel_to);
  /// The pixel coordinate of `value` (values outside the domain extrapolate).
  double operator()(double value) const;

 private:
  double domain_from_ = 0;
  double domain_to_ = 1;
  double pixel_from_ = 0;
  double pixel_to_ = 1;
};

/// The horizontal pixel of point `index` of `count` points spread evenly over [left, right]: the first at
/// left, the last at right; a single point in the middle.
double PointX(std::size_t index, std::size_t count, double left, double right);

/// Every how many points a time label is drawn so that at most `max_labels` fit: 1 or a step natural for the
/// bucket (hours 1, 2, 3, 6, 12, 24, 48, …, a week; days 1, 2, 7, 14, 28 …; weeks 1, 2, 4, 13, 26, 52 …;
/// months 1, 2, 3, 6, 12 …).
std::size_t LabelStride(std::size_t count, std::size_t max_labels, Bucket bucket);

/// The indices of the labelled points among `local_starts` (the local start of every bucket) with `stride`:
/// hours at multiples of the stride within the day (whole days at midnight), other buckets every `stride`-th
/// point from the first.
std::vector<std::size_t> LabelledIndices(const std::vector<DateTime>& local_starts, std::size_t stride, Bucket bucket);

}  // namespace videobot::chart
