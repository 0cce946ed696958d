#pragma once
// A seeded random source with its own distributions: std::mt19937_64's sequence is fixed by the
// standard, the std:: distributions are not, so the same seed gives the same data everywhere.

#include <cstdint>
#include <random>

namespace videobot::datagen {

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  /// 64 random bits.
  std::uint64_t Bits() { return engine_(); }
  /// Uniform in [0, 1).
  double Uniform();
  /// Uniform in [low, high).
  double Uniform(double low, double high) { return low + (high - low) * Uniform(); }
  /// Uniform integer in [low, high] (low <= high).
  std::int64_t Between(std::int64_t low, std::int64_t high);
  /// True with probability `p`.
  bool Chance(double p) { return Uniform() < p; }
  /// Standard normal (Box–Muller).
  double Normal();
  /// exp(N(mu, sigma)).
  double LogNormal(double mu, double sigma);

 private:
  std::mt19937_64 engine_;
};

}  // namespace videobot::datagen
