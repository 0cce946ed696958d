#pragma once
// Conversion between Plan and its JSON form (schema/plan.schema.json).

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string_view>

#include "common/result.hpp"
#include "plan/plan.hpp"

namespace videobot::plan {

/// The JSON form of a plan, with every key present (null when unused), in schema order.
nlohmann::ordered_json ToJson(const Plan& plan);

/// Converts a document that already passed the schema into a Plan. Fails with
/// kPlanTimeRange when a date in a period is not a real date.
Result<Plan> FromJson(const nlohmann::json& document);

/// Stable string names of the enums, as used in the JSON form.
std::string_view Name(Source value);
std::string_view Name(Aggregate value);
std::string_view Name(Field value);
std::string_view Name(CompareOp value);
std::string_view Name(GroupBy value);
std::string_view Name(Order value);
std::string_view Name(Relative value);
std::string_view Name(RefusalReason value);
std::string_view Name(Bucket value);
std::string_view Name(SeriesTime value);
std::string_view Name(CompareMode value);

}  // namespace videobot::plan
