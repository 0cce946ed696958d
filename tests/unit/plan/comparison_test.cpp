// Comparison plans: the contract (schema, round trip, the rules of side B) and the exact
// arithmetic of differences and percentages.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include <nlohmann/json.hpp>

#include "plan/comparison.hpp"
#include "plan/plan_json.hpp"
#include "plan/validator.hpp"

namespace videobot::plan {
namespace {

using Json = nlohmann::json;

constexpr const char* kCreatorA = "aca1061a9d324ecf8c3fa2bb32d7be63";
constexpr const char* kCreatorB = "bca1061a9d324ecf8c3fa2bb32d7be63";

Json Day(const char* date) { return Json{{"from", date}, {"to", date}, {"relative", nullptr}, {"count", nullptr}}; }

Json NoSideB() {
  return Json{
      {"creator_ids", nullptr}, {"published", nullptr}, {"measured", nullptr}, {"field", nullptr}, {"as_of", nullptr}};
}

// Growth of views on 28 November compared with 27 November.
Json DayComparison(const char* mode = "difference") {
  Json with = NoSideB();
  with["measured"] = Day("2025-11-27");
  return Json{{"action", "query"},
              {"refusal_reason", nullptr},
              {"source", "snapshots"},
              {"aggregate", "sum"},
              {"field", "delta_views_count"},
              {"filters",
               {{"creator_ids", nullptr},
                {"video_ids", nullptr},
                {"published", nullptr},
                {"measured", Day("2025-11-28")},
                {"hours_after_publication", nullptr},
                {"conditions", Json::array()}}},
              {"group_by", nullptr},
              {"order", nullptr},
              {"limit", nullptr},
              {"as_of", nullptr},
              {"series", nullptr},
              {"compare", {{"mode", mode}, {"with", with}}}};
}

ErrorCode CodeOf(const Json& document) {
  auto result = ParsePlan(document.dump());
  EXPECT_FALSE(result.has_value()) << document.dump();
  return result ? ErrorCode::kUsage : result.error().code;
}

TEST(ComparisonPlans, RoundTripAndSides) {
  for (const char* mode : {"difference", "percent", "both"}) {
    auto plan = ParsePlan(DayComparison(mode).dump());
    ASSERT_TRUE(plan.has_value()) << plan.error().Describe();
    ASSERT_TRUE(plan->compare.has_value());
    EXPECT_EQ(Name(plan->compare->mode), mode);
    auto again = ParsePlan(ToJson(*plan).dump());
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(*again, *plan);
    const Plan a = ComparisonSideA(*plan);
    const Plan b = ComparisonSideB(*plan);
    EXPECT_FALSE(a.compare.has_value());
    EXPECT_FALSE(b.compare.has_value());
    EXPECT_EQ(FormatDate(a.filters.measured->from->value.date), "2025-11-28");
    EXPECT_EQ(FormatDate(b.filters.measured->from->value.date), "2025-11-27");
    EXPECT_EQ(a.field, b.field);
  }
}

TEST(ComparisonPlans, DocumentsWithoutTheKeyAreOneNumber) {
  Json document = DayComparison();
  document.erase("compare");
  auto plan = ParsePlan(document.dump());
  ASSERT_TRUE(plan.has_value()) << plan.error().Describe();
  EXPECT_FALSE(plan->compare.has_value());
}

TEST(ComparisonPlans, CreatorsAndMetricsAreComparable) {
  Json creators = DayComparison();
  creators["filters"]["creator_ids"] = Json::array({kCreatorA});
  creators["compare"]["with"] = NoSideB();
  creators["compare"]["with"]["creator_ids"] = Json::array({kCreatorB});
  EXPECT_TRUE(ParsePlan(creators.dump()).has_value());
  Json metrics = DayComparison();
  metrics["compare"]["with"] = NoSideB();
  metrics["compare"]["with"]["field"] = "delta_likes_count";
  EXPECT_TRUE(ParsePlan(metrics.dump()).has_value());
}

TEST(ComparisonPlans, RefusesWhatIsNotTwoNumbersOfTheSameKind) {
  Json nothing = DayComparison();
  nothing["compare"]["with"] = NoSideB();
  EXPECT_EQ(CodeOf(nothing), ErrorCode::kPlanSemantic);
  Json same = DayComparison();
  same["compare"]["with"]["measured"] = Day("2025-11-28");
  EXPECT_EQ(CodeOf(same), ErrorCode::kPlanSemantic);
  Json series = DayComparison();
  series["series"] = Json{{"bucket", "hour"}, {"time", "measurement"}};
  EXPECT_EQ(CodeOf(series), ErrorCode::kPlanSemantic);
  Json grouped = DayComparison();
  grouped["group_by"] = "creator";
  grouped["order"] = "desc";
  grouped["limit"] = 5;
  EXPECT_EQ(CodeOf(grouped), ErrorCode::kPlanSemantic);
  Json creator_without_a = DayComparison();
  creator_without_a["compare"]["with"]["creator_ids"] = Json::array({kCreatorB});
  EXPECT_EQ(CodeOf(creator_without_a), ErrorCode::kPlanSemantic);
  Json bad_field = DayComparison();
  bad_field["compare"]["with"]["field"] = "likes_count";
  bad_field["source"] = "videos";
  bad_field["filters"]["measured"] = nullptr;
  bad_field["compare"]["with"]["measured"] = nullptr;
  bad_field["field"] = "views_count";
  bad_field["compare"]["with"]["field"] = "delta_likes_count";  // deltas exist on snapshots only
  EXPECT_EQ(CodeOf(bad_field), ErrorCode::kPlanSemantic);
  Json unknown_mode = DayComparison();
  unknown_mode["compare"]["mode"] = "ratio";
  EXPECT_EQ(CodeOf(unknown_mode), ErrorCode::kPlanSchema);
  Json extra = DayComparison();
  extra["compare"]["with"]["video_ids"] = nullptr;
  EXPECT_EQ(CodeOf(extra), ErrorCode::kPlanSchema);
}

TEST(ComparisonArithmetic, DifferenceIsExactAndMayBeNegative) {
  EXPECT_EQ(ExactDifference(5, 12), -7);
  EXPECT_EQ(ExactDifference(12, 5), 7);
  EXPECT_EQ(ExactDifference(std::numeric_limits<std::int64_t>::min(), 1), std::nullopt);
}

TEST(ComparisonArithmetic, PercentHasTwoDecimalsRoundedHalfAwayFromZero) {
  EXPECT_EQ(ExactPercent(150, 100), "50.00");
  EXPECT_EQ(ExactPercent(50, 100), "-50.00");
  EXPECT_EQ(ExactPercent(100, 100), "0.00");
  EXPECT_EQ(ExactPercent(4, 3), "33.33");          // 33.333…
  EXPECT_EQ(ExactPercent(5, 3), "66.67");          // 66.666…
  EXPECT_EQ(ExactPercent(1, 3), "-66.67");         // −66.666…
  EXPECT_EQ(ExactPercent(20001, 20000), "0.01");   // 0.005: half away from zero
  EXPECT_EQ(ExactPercent(19999, 20000), "-0.01");  // −0.005
  EXPECT_EQ(ExactPercent(1, 200000), "-100.00");
  EXPECT_EQ(ExactPercent(7, -2), "-450.00");
  EXPECT_EQ(ExactPercent(std::numeric_limits<std::int64_t>::max(), 1), std::nullopt);
  EXPECT_EQ(ExactPercent(12, 0), std::nullopt);
}

}  // namespace
}  // namespace videobot::plan
