#include "common/metrics.hpp"

#include <fmt/format.h>

namespace videobot::metrics {

std::string Each(std::string_view pattern, std::string_view separator) {
  std::string out;
  for (const Metric& metric : kAll) {
    if (!out.empty()) out += separator;
    out += fmt::format(fmt::runtime(pattern), fmt::arg("name", metric.name), fmt::arg("counter", metric.counter),
                       fmt::arg("delta", metric.delta));
  }
  return out;
}

}  // namespace videobot::metrics
