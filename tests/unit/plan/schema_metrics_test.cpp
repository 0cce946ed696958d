// The plan schema's field enums and the metric catalogue (common/metrics.hpp) agree: every enum of
// a "field" property lists each metric's counter and delta, and no counter outside the catalogue.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

#include "common/metrics.hpp"
#include "plan/validator.hpp"

namespace videobot::plan {
namespace {

// The string values of every "enum" under a property named "field", anywhere in the schema.
void CollectFieldEnums(const nlohmann::json& node, bool under_field, std::vector<std::set<std::string>>& out) {
  if (node.is_object()) {
    if (under_field && node.contains("enum")) {
      std::set<std::string> values;
      for (const auto& value : node["enum"]) {
        if (value.is_string()) values.insert(value.get<std::string>());
      }
      out.push_back(values);
    }
    for (const auto& [key, child] : node.items()) CollectFieldEnums(child, key == "field", out);
  } else if (node.is_array()) {
    for (const auto& child : node) CollectFieldEnums(child, false, out);
  }
}

TEST(PlanSchema, FieldEnumsListExactlyTheCatalogueMetrics) {
  const auto schema = nlohmann::json::parse(PlanSchemaText());
  std::vector<std::set<std::string>> enums;
  CollectFieldEnums(schema, false, enums);
  ASSERT_GE(enums.size(), 3u);  // the plan's field, a group filter's field, a condition's field
  std::set<std::string> catalogue;
  for (const auto& metric : metrics::kAll) {
    catalogue.insert(std::string(metric.counter));
    catalogue.insert(std::string(metric.delta));
  }
  for (const auto& values : enums) {
    for (const auto& name : catalogue) EXPECT_TRUE(values.count(name)) << name;
    for (const auto& value : values) {
      if (value.size() > 6 && value.ends_with("_count")) {
        EXPECT_TRUE(catalogue.count(value)) << value;
      }
    }
  }
}

}  // namespace
}  // namespace videobot::plan
