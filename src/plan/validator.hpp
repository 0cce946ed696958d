#pragma once
// The plan validator: JSON Schema (schema/plan.schema.json, embedded) plus semantic rules.
// Every plan, from any source, passes through here before it reaches the SQL compiler.

#include <string_view>

#include "common/result.hpp"
#include "plan/plan.hpp"

namespace videobot::plan {

/// Largest plan document accepted, in bytes.
inline constexpr std::size_t kMaxPlanBytes = 64 * 1024;

/// The embedded JSON Schema text.
std::string_view PlanSchemaText();

/// Parses and validates a plan document. A refusal (`"action": "refuse"`) may leave out or null
/// what a refusal does not use — the query keys, `filters` or its keys, the reason (then
/// not_understood) — and is read as that refusal. Errors: kPlanNotJson, kPlanSchema (with the
/// JSON path of the offending value), kPlanSemantic, kPlanTimeRange, kPlanLimit.
Result<Plan> ParsePlan(std::string_view text);

/// Validates a plan built in C++ exactly as if it had arrived as JSON (schema + semantics).
Result<Plan> ValidatePlan(const Plan& plan);

/// The semantic rules alone (the plan is assumed schema-valid).
Status CheckSemantics(const Plan& plan);

}  // namespace videobot::plan
