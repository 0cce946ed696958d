#pragma once
// Compares two plans by what they compute, not how they are spelled: conditions and id lists
// are compared as sets, periods by the instant ranges they resolve to, a state plan's moment by
// the instant it resolves to, refusals as refusals.

#include <optional>
#include <string>

#include "plan/plan.hpp"
#include "plan/resolve.hpp"

namespace videobot::plan {

/// The JSON pointer (into the plan's JSON form) of the first difference between `a` and `b`
/// that changes the answer, or nullopt when both compute the same thing at `context`. Two
/// refusals are equivalent whatever their reasons.
std::optional<std::string> FindPlanDifference(const plan::Plan& a, const plan::Plan& b,
                                              const plan::TimeContext& context);

}  // namespace videobot::plan
