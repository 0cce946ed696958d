#include "plan/plan_comparison.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "plan/plan_json.hpp"

namespace videobot::plan {
namespace {

using Json = nlohmann::json;

// A sorted, duplicate-free copy of an array (null and [] both become null).
Json AsSet(const Json& value) {
  if (!value.is_array() || value.empty()) return nullptr;
  std::vector<Json> items(value.begin(), value.end());
  std::sort(items.begin(), items.end(), [](const Json& x, const Json& y) { return x.dump() < y.dump(); });
  items.erase(std::unique(items.begin(), items.end()), items.end());
  return Json(items);
}

Json ResolvedPeriod(const std::optional<plan::Period>& period, const plan::TimeContext& context) {
  if (!period) return nullptr;
  const plan::InstantRange range = plan::Resolve(*period, context);
  return Json{{"from", range.from ? Json(*range.from) : Json(nullptr)},
              {"to", range.to ? Json(*range.to) : Json(nullptr)}};
}

Json Canonical(const plan::Plan& plan, const plan::TimeContext& context) {
  if (plan.action == plan::Action::kRefuse) return Json{{"action", "refuse"}};
  Json document = Json::parse(plan::ToJson(plan).dump());
  Json& filters = document["filters"];
  for (const char* key : {"creator_ids", "video_ids", "conditions"}) filters[key] = AsSet(filters[key]);
  filters["published"] = ResolvedPeriod(plan.filters.published, context);
  filters["measured"] = ResolvedPeriod(plan.filters.measured, context);
  const auto moment = plan::ResolveMoment(plan, context);
  document["as_of"] = moment ? Json(*moment) : Json(nullptr);
  // A comparison is compared by the two plans it computes and its mode.
  if (plan.compare) {
    document["compare"] =
        Json{{"mode", document["compare"]["mode"]}, {"b", Canonical(plan::ComparisonSideB(plan), context)}};
  }
  return document;
}

std::string Escape(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<std::string> FirstDifference(const Json& a, const Json& b, const std::string& pointer) {
  if (a == b) return std::nullopt;
  if (a.is_object() && b.is_object()) {
    Json keys = Json::object();
    for (const auto& item : a.items()) keys[item.key()] = true;
    for (const auto& item : b.items()) keys[item.key()] = true;
    for (const auto& item : keys.items()) {
      const Json& x = a.contains(item.key()) ? a.at(item.key()) : Json(nullptr);
      const Json& y = b.contains(item.key()) ? b.at(item.key()) : Json(nullptr);
      if (auto found = FirstDifference(x, y, pointer + "/" + Escape(item.key()))) return found;
    }
  }
  if (a.is_array() && b.is_array() && a.size() == b.size()) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (auto found = FirstDifference(a[i], b[i], pointer + "/" + std::to_string(i))) return found;
    }
  }
  return pointer.empty() ? "/" : pointer;
}

}  // namespace

std::optional<std::string> FindPlanDifference(const plan::Plan& a, const plan::Plan& b,
                                              const plan::TimeContext& context) {
  const Json x = Canonical(a, context);
  const Json y = Canonical(b, context);
  if (x.contains("action") && y.contains("action") && x.at("action") != y.at("action")) return "/action";
  return FirstDifference(x, y, "");
}

}  // namespace videobot::plan
