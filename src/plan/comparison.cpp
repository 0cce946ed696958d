#include "plan/comparison.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace videobot::plan {
namespace {

__extension__ using Int128 = __int128;  // exact (A − B) × 10000 for any two 64-bit values

Status Semantic(const std::string& message, const std::string& path) {
  return Fail(ErrorCode::kPlanSemantic, message, path);
}

// Each member of `with` replaces something side A has: two periods, two creator filters, two
// metrics or two moments are compared, never "something" with "everything".
Status CheckWithReplacesA(const Plan& plan) {
  const CompareWith& with = plan.compare->with;
  if (!with.creator_ids && !with.published && !with.measured && !with.field && !with.as_of) {
    return Semantic("a comparison needs what differs for side B in compare.with", "/compare/with");
  }
  if (with.creator_ids && plan.filters.creator_ids.empty()) {
    return Semantic("side B names creators, side A does not", "/compare/with/creator_ids");
  }
  if (with.published && !plan.filters.published) {
    return Semantic("side B has a publication period, side A does not", "/compare/with/published");
  }
  if (with.measured && !plan.filters.measured) {
    return Semantic("side B has a measurement period, side A does not", "/compare/with/measured");
  }
  if (with.field && !plan.field) return Semantic("side B has a field, side A does not", "/compare/with/field");
  if (with.as_of && !plan.as_of) return Semantic("side B has a moment, side A does not", "/compare/with/as_of");
  return Ok{};
}

}  // namespace

Status CheckComparison(const Plan& plan, const std::function<Status(const Plan&)>& check_side) {
  if (plan.series) return Semantic("a comparison compares two numbers, not series", "/series");
  if (plan.group_by) return Semantic("a comparison compares two numbers, not groups", "/group_by");
  if (auto status = CheckWithReplacesA(plan); !status) return status;
  const Plan side_a = ComparisonSideA(plan);
  const Plan side_b = ComparisonSideB(plan);
  if (side_a == side_b) return Semantic("both sides of the comparison are the same", "/compare/with");
  if (auto status = check_side(side_a); !status) return status;
  if (auto status = check_side(side_b); !status) {
    Error error = status.error();
    error.message = "side B: " + error.message;
    error.path = "/compare/with";
    return Unexpected{error};
  }
  return Ok{};
}

std::optional<std::int64_t> ExactDifference(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_sub_overflow(a, b, &out)) return std::nullopt;
  return out;
}

std::optional<std::string> ExactPercent(std::int64_t a, std::int64_t b) {
  if (b == 0) return std::nullopt;
  // Hundredths of a percent: (A − B) × 10000 / B, rounded half away from zero, in 128 bits.
  const Int128 numerator = (static_cast<Int128>(a) - b) * 10000;
  const Int128 denominator = b;
  Int128 quotient = numerator / denominator;
  const Int128 remainder = numerator % denominator;
  const auto magnitude = [](Int128 v) { return v < 0 ? -v : v; };
  if (remainder != 0 && 2 * magnitude(remainder) >= magnitude(denominator)) {
    quotient += ((numerator < 0) != (denominator < 0)) ? -1 : 1;
  }
  const Int128 limit = static_cast<Int128>(INT64_MAX);
  if (quotient > limit || quotient < -limit) return std::nullopt;
  const auto hundredths = static_cast<std::int64_t>(quotient);
  const std::int64_t whole = std::llabs(hundredths) / 100;
  const std::int64_t fraction = std::llabs(hundredths) % 100;
  std::string text = hundredths < 0 ? "-" : "";
  text += std::to_string(whole) + "." + (fraction < 10 ? "0" : "") + std::to_string(fraction);
  return text;
}

}  // namespace videobot::plan
