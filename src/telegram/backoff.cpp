#include "telegram/backoff.hpp"

#include <algorithm>

namespace videobot::telegram {

Backoff::Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds maximum, double jitter)
    : initial_(initial),
      maximum_(std::max(initial, maximum)),
      current_(initial),
      jitter_(jitter),
      random_(std::random_device{}()) {}

std::chrono::milliseconds Backoff::Next() {
  const auto base = current_;
  current_ = std::min(maximum_, current_ * 2);
  if (jitter_ <= 0) return base;
  std::uniform_real_distribution<double> factor(1.0 - jitter_, 1.0);
  return std::chrono::milliseconds(static_cast<std::int64_t>(static_cast<double>(base.count()) * factor(random_)));
}

void Backoff::Reset() { current_ = initial_; }

}  // namespace videobot::telegram
