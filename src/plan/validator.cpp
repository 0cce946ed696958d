#include "plan/validator.hpp"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "plan/plan_json.hpp"
#include "plan/semantics.hpp"

namespace videobot::embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& plan_schema();
}

namespace videobot::plan {
namespace {

using Json = nlohmann::json;

const valijson::Schema& CompiledSchema() {
  static const std::unique_ptr<valijson::Schema> schema = [] {
    auto compiled = std::make_unique<valijson::Schema>();
    const Json document = Json::parse(PlanSchemaText());
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(document);
    parser.populateSchema(adapter, *compiled);
    return compiled;
  }();
  return *schema;
}

// valijson reports a context like ["<root>", "[filters]", "[conditions]", "[0]"]; this turns it
// into a JSON pointer ("/filters/conditions/0").
std::string ToJsonPointer(const std::vector<std::string>& context) {
  std::string pointer;
  for (const auto& part : context) {
    if (part == "<root>") continue;
    std::string_view name = part;
    if (name.size() >= 2 && name.front() == '[' && name.back() == ']') name = name.substr(1, name.size() - 2);
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    pointer += '/';
    pointer += name;
  }
  return pointer.empty() ? "/" : pointer;
}

Status ValidateAgainstSchema(const Json& document) {
  // One validator per thread: it caches compiled regular expressions and is not thread-safe.
  thread_local valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(document);
  if (validator.validate(CompiledSchema(), adapter, &results)) return Ok{};
  // The deepest error is the most specific one.
  valijson::ValidationResults::Error error;
  valijson::ValidationResults::Error best;
  while (results.popError(error)) {
    if (error.context.size() > best.context.size()) best = error;
  }
  return Fail(ErrorCode::kPlanSchema, "the plan does not match the schema: " + best.description,
              ToJsonPointer(best.context));
}

// Keys that must be null for one action and non-null for the other are checked on the JSON
// form, where "null" is still visible.
Status CheckActionShape(const Json& document) {
  const bool refuse = document.at("action") == "refuse";
  if (refuse) {
    if (document.at("refusal_reason").is_null()) {
      return Fail(ErrorCode::kPlanSemantic, "a refusal needs a reason", "/refusal_reason");
    }
    for (const char* key :
         {"source", "aggregate", "field", "group_by", "order", "limit", "as_of", "series", "compare", "time_zone"}) {
      if (!document.at(key).is_null()) {
        return Fail(ErrorCode::kPlanSemantic, "a refusal has no query", std::string("/") + key);
      }
    }
    return Ok{};
  }
  if (!document.at("refusal_reason").is_null()) {
    return Fail(ErrorCode::kPlanSemantic, "a query has a refusal reason", "/refusal_reason");
  }
  for (const char* key : {"source", "aggregate"}) {
    if (document.at(key).is_null()) {
      return Fail(ErrorCode::kPlanSemantic, "a query needs source and aggregate", std::string("/") + key);
    }
  }
  return Ok{};
}

// Plans written before the state moment existed (saved plans, examples, cached documents) lack
// the "as_of" key; they are read as plans without a moment.
// Completed in place: a copy of a deeply nested document would recurse once per level.
void AddMomentKey(Json& document) {
  if (document.is_object() && !document.contains("as_of")) document["as_of"] = nullptr;
}

// Plans written before series existed lack the "series" key; they are read as one-number plans.
void AddSeriesKey(Json& document) {
  if (document.is_object() && !document.contains("series")) document["series"] = nullptr;
}

// Plans written before comparisons existed lack the "compare" key; they are read as one number.
void AddCompareKey(Json& document) {
  if (document.is_object() && !document.contains("compare")) document["compare"] = nullptr;
}

// Plans written before named zones existed lack the "time_zone" key; they use the configured zone.
void AddTimeZoneKey(Json& document) {
  if (document.is_object() && !document.contains("time_zone")) document["time_zone"] = nullptr;
}

// A refusal needs nothing but its reason. A model that declines often writes `"filters": null`,
// leaves the query keys out, or gives no reason; such a document is read as the refusal it is
// (without a reason: not understood) instead of failing the schema. Anything the refusal does
// say about a query is still checked.
void CompleteRefusal(Json& document) {
  if (!document.is_object()) return;
  const auto action = document.find("action");
  if (action == document.end() || *action != "refuse") return;
  for (const char* key : {"refusal_reason", "source", "aggregate", "field", "filters", "group_by", "order", "limit",
                          "as_of", "series", "compare"}) {
    if (!document.contains(key)) document[key] = nullptr;
  }
  if (document["refusal_reason"].is_null()) document["refusal_reason"] = "not_understood";
  Json& filters = document["filters"];
  if (filters.is_null()) filters = Json::object();
  if (!filters.is_object()) return;
  for (const char* key : {"creator_ids", "video_ids", "published", "measured", "hours_after_publication"}) {
    if (!filters.contains(key)) filters[key] = nullptr;
  }
  if (!filters.contains("conditions") || filters["conditions"].is_null()) filters["conditions"] = Json::array();
}

Result<Plan> ValidateDocument(Json document) {
  AddMomentKey(document);
  AddSeriesKey(document);
  AddCompareKey(document);
  AddTimeZoneKey(document);
  if (auto status = ValidateAgainstSchema(document); !status) return Unexpected{status.error()};
  if (auto status = CheckActionShape(document); !status) return Unexpected{status.error()};
  auto plan = FromJson(document);
  if (!plan) return plan;
  if (auto status = CheckSemantics(*plan); !status) return Unexpected{status.error()};
  return plan;
}

}  // namespace

std::string_view PlanSchemaText() { return embedded::plan_schema().front().second; }

Result<Plan> ParsePlan(std::string_view text) {
  if (text.size() > kMaxPlanBytes) {
    return Fail(ErrorCode::kPlanLimit, "the plan is too large (over 64 KiB)", "/");
  }
  Json document = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return Fail(ErrorCode::kPlanNotJson, "the plan is not JSON", "/");
  CompleteRefusal(document);
  return ValidateDocument(std::move(document));
}

Result<Plan> ValidatePlan(const Plan& plan) {
  // ordered_json → json keeps values; key order does not matter to the schema.
  return ValidateDocument(Json(ToJson(plan)));
}

Status CheckSemantics(const Plan& plan) { return semantics::Check(plan); }

}  // namespace videobot::plan
