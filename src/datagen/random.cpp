#include "datagen/random.hpp"

#include <cmath>
#include <numbers>

namespace videobot::datagen {

double Random::Uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

std::int64_t Random::Between(std::int64_t low, std::int64_t high) {
  const auto span = static_cast<std::uint64_t>(high - low) + 1;
  return span == 0 ? static_cast<std::int64_t>(engine_()) : low + static_cast<std::int64_t>(engine_() % span);
}

double Random::Normal() {
  const double u1 = 1.0 - Uniform();  // (0, 1]: log is finite
  const double u2 = Uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double Random::LogNormal(double mu, double sigma) { return std::exp(mu + sigma * Normal()); }

}  // namespace videobot::datagen
