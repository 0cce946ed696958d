#pragma once
// Semantic rules of a plan beyond the schema: which fields fit which source and aggregate,
// consistent periods, grouping options.

#include "common/result.hpp"
#include "plan/plan.hpp"

namespace videobot::plan::semantics {

/// Checks a schema-valid plan. Errors carry kPlanSemantic, kPlanTimeRange or kPlanLimit and the
/// JSON path of the offending value.
Status Check(const Plan& plan);

}  // namespace videobot::plan::semantics
