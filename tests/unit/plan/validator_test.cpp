// The plan contract: schema and semantic validation, including hostile documents.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "plan/plan_json.hpp"
#include "plan/validator.hpp"

namespace videobot::plan {
namespace {

using Json = nlohmann::json;

Json BasePlan() {
  return Json::parse(R"({
    "action": "query", "refusal_reason": null, "source": "videos", "aggregate": "count", "field": null,
    "filters": {"creator_ids": null, "video_ids": null, "published": null, "measured": null,
                "hours_after_publication": null, "conditions": []},
    "group_by": null, "order": null, "limit": null})");
}

ErrorCode CodeOf(const Json& document) {
  auto result = ParsePlan(document.dump());
  EXPECT_FALSE(result.has_value()) << document.dump();
  return result ? ErrorCode::kUsage : result.error().code;
}

std::string PathOf(const Json& document) {
  auto result = ParsePlan(document.dump());
  return result ? "" : result.error().path;
}

TEST(Validator, AcceptsMinimalPlanAndRoundTrips) {
  auto plan = ParsePlan(BasePlan().dump());
  ASSERT_TRUE(plan.has_value()) << plan.error().Describe();
  auto again = ParsePlan(ToJson(*plan).dump());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again, *plan);
}

TEST(Validator, EveryKeyIsRequired) {
  for (const char* key : {"action", "source", "filters", "limit"}) {
    Json doc = BasePlan();
    doc.erase(key);
    EXPECT_EQ(CodeOf(doc), ErrorCode::kPlanSchema) << key;
  }
}

TEST(Validator, RejectsUnknownFieldsEverywhere) {
  Json top = BasePlan();
  top["sql"] = "SELECT 1";
  EXPECT_EQ(CodeOf(top), ErrorCode::kPlanSchema);
  Json nested = BasePlan();
  nested["filters"]["raw_where"] = "1=1";
  EXPECT_EQ(CodeOf(nested), ErrorCode::kPlanSchema);
  Json condition = BasePlan();
  condition["filters"]["conditions"] = Json::array({{{"field", "views_count"}, {"op", ">"}, {"value", 1}, {"x", 1}}});
  EXPECT_EQ(CodeOf(condition), ErrorCode::kPlanSchema);
}

TEST(Validator, RejectsSqlFragmentsInEveryStringPosition) {
  const std::vector<std::string> hostile{"views_count; DROP TABLE videos",
                                         "views_count' OR '1'='1",
                                         "views_count -- comment",
                                         "views_count/* */",
                                         "ｖｉｅｗｓ_count",
                                         std::string("views_count\0x", 13),
                                         "VIEWS_COUNT",
                                         "v.views_count"};
  for (const auto& text : hostile) {
    for (const char* key : {"action", "source", "aggregate", "field", "group_by", "order", "refusal_reason"}) {
      Json doc = BasePlan();
      doc[key] = text;
      EXPECT_EQ(CodeOf(doc), ErrorCode::kPlanSchema) << key << " = " << text;
    }
    Json creator = BasePlan();
    creator["filters"]["creator_ids"] = Json::array({text});
    EXPECT_EQ(CodeOf(creator), ErrorCode::kPlanSchema);
    Json video = BasePlan();
    video["filters"]["video_ids"] = Json::array({text});
    EXPECT_EQ(CodeOf(video), ErrorCode::kPlanSchema);
    Json condition = BasePlan();
    condition["filters"]["conditions"] = Json::array({{{"field", text}, {"op", ">"}, {"value", 1}}});
    EXPECT_EQ(CodeOf(condition), ErrorCode::kPlanSchema);
    Json op = BasePlan();
    op["filters"]["conditions"] = Json::array({{{"field", "views_count"}, {"op", text}, {"value", 1}}});
    EXPECT_EQ(CodeOf(op), ErrorCode::kPlanSchema);
    Json period = BasePlan();
    period["filters"]["published"] = {{"from", text}, {"to", nullptr}, {"relative", nullptr}, {"count", nullptr}};
    EXPECT_EQ(CodeOf(period), ErrorCode::kPlanSchema);
  }
}

TEST(Validator, RejectsWrongTypesAndHugeValues) {
  Json limit = BasePlan();
  limit["limit"] = "10";
  EXPECT_EQ(CodeOf(limit), ErrorCode::kPlanSchema);
  Json huge = BasePlan();
  huge["filters"]["conditions"] = Json::array({{{"field", "views_count"}, {"op", ">"}, {"value", 1e300}}});
  EXPECT_EQ(CodeOf(huge), ErrorCode::kPlanSchema);
  Json fractional = BasePlan();
  fractional["filters"]["conditions"] = Json::array({{{"field", "views_count"}, {"op", ">"}, {"value", 1.5}}});
  EXPECT_EQ(CodeOf(fractional), ErrorCode::kPlanSchema);
  Json many = BasePlan();
  many["filters"]["creator_ids"] = Json::array();
  for (int i = 0; i < 1000; ++i) many["filters"]["creator_ids"].push_back("0123456789abcdef0123456789abcdef");
  EXPECT_EQ(CodeOf(many), ErrorCode::kPlanSchema);
  EXPECT_EQ(PathOf(many), "/filters/creator_ids");
}

TEST(Validator, RejectsNonJsonAndOversizedDocuments) {
  EXPECT_EQ(ParsePlan("{not json").error().code, ErrorCode::kPlanNotJson);
  EXPECT_EQ(ParsePlan("").error().code, ErrorCode::kPlanNotJson);
  EXPECT_EQ(ParsePlan(std::string(100000, '[')).error().code, ErrorCode::kPlanLimit);
  EXPECT_EQ(ParsePlan("[1, 2]").error().code, ErrorCode::kPlanSchema);
}

TEST(Validator, SemanticRulesCarryCodesAndPaths) {
  Json delta_on_videos = BasePlan();
  delta_on_videos["aggregate"] = "sum";
  delta_on_videos["field"] = "delta_views_count";
  EXPECT_EQ(CodeOf(delta_on_videos), ErrorCode::kPlanSemantic);
  EXPECT_EQ(PathOf(delta_on_videos), "/field");

  Json count_with_field = BasePlan();
  count_with_field["field"] = "views_count";
  EXPECT_EQ(CodeOf(count_with_field), ErrorCode::kPlanSemantic);

  Json measured_on_videos = BasePlan();
  measured_on_videos["filters"]["measured"] = {
      {"from", "2025-11-01"}, {"to", nullptr}, {"relative", nullptr}, {"count", nullptr}};
  EXPECT_EQ(CodeOf(measured_on_videos), ErrorCode::kPlanSemantic);
  EXPECT_EQ(PathOf(measured_on_videos), "/filters/measured");

  Json delta_condition = BasePlan();
  delta_condition["filters"]["conditions"] = Json::array({{{"field", "delta_views_count"}, {"op", ">"}, {"value", 0}}});
  EXPECT_EQ(PathOf(delta_condition), "/filters/conditions/0/field");

  Json limit_without_group = BasePlan();
  limit_without_group["limit"] = 5;
  EXPECT_EQ(CodeOf(limit_without_group), ErrorCode::kPlanSemantic);

  Json group_without_limit = BasePlan();
  group_without_limit["group_by"] = "creator";
  EXPECT_EQ(CodeOf(group_without_limit), ErrorCode::kPlanLimit);

  Json refusal_with_query = BasePlan();
  refusal_with_query["action"] = "refuse";
  refusal_with_query["refusal_reason"] = "out_of_scope";
  EXPECT_EQ(CodeOf(refusal_with_query), ErrorCode::kPlanSemantic);
}

TEST(Validator, TimeRangeErrors) {
  Json reversed = BasePlan();
  reversed["filters"]["published"] = {
      {"from", "2025-11-05"}, {"to", "2025-11-01"}, {"relative", nullptr}, {"count", nullptr}};
  EXPECT_EQ(CodeOf(reversed), ErrorCode::kPlanTimeRange);
  EXPECT_EQ(PathOf(reversed), "/filters/published/to");

  Json same_day = BasePlan();
  same_day["filters"]["published"] = {
      {"from", "2025-11-05"}, {"to", "2025-11-05"}, {"relative", nullptr}, {"count", nullptr}};
  EXPECT_TRUE(ParsePlan(same_day.dump()).has_value()) << "a one-day inclusive range is valid";

  Json empty_window = BasePlan();
  empty_window["filters"]["published"] = {
      {"from", "2025-11-05T10:00"}, {"to", "2025-11-05T10:00"}, {"relative", nullptr}, {"count", nullptr}};
  EXPECT_EQ(CodeOf(empty_window), ErrorCode::kPlanTimeRange);

  Json impossible = BasePlan();
  impossible["filters"]["published"] = {
      {"from", "2025-02-30"}, {"to", nullptr}, {"relative", nullptr}, {"count", nullptr}};
  EXPECT_EQ(CodeOf(impossible), ErrorCode::kPlanTimeRange);

  Json open = BasePlan();
  open["filters"]["published"] = {{"from", nullptr}, {"to", nullptr}, {"relative", nullptr}, {"count", nullptr}};
  EXPECT_EQ(CodeOf(open), ErrorCode::kPlanTimeRange);

  Json relative_without_count = BasePlan();
  relative_without_count["filters"]["published"] = {
      {"from", nullptr}, {"to", nullptr}, {"relative", "last_n_days"}, {"count", nullptr}};
  EXPECT_EQ(CodeOf(relative_without_count), ErrorCode::kPlanSemantic);
}

TEST(Validator, ValidatePlanAcceptsStructsLikeJson) {
  Plan plan;
  plan.source = Source::kSnapshots;
  plan.aggregate = Aggregate::kSum;
  plan.field = Field::kDeltaViews;
  plan.filters.hours_after_publication = 3;
  EXPECT_TRUE(ValidatePlan(plan).has_value());
  plan.source = Source::kVideos;
  EXPECT_EQ(ValidatePlan(plan).error().code, ErrorCode::kPlanSemantic);
}

// A state plan: the sum of views as of the end of 28 November.
Json StatePlan() {
  Json plan = BasePlan();
  plan["source"] = "state";
  plan["aggregate"] = "sum";
  plan["field"] = "views_count";
  plan["as_of"] = "2025-11-28";
  return plan;
}

TEST(Validator, AcceptsStatePlansAtADateOrAnInstantAndRoundTrips) {
  for (const char* moment : {"2025-11-28", "2025-11-28T10:00", "2025-11-28T10:00:30", "2025-11-01T00:00"}) {
    Json document = StatePlan();
    document["as_of"] = moment;
    document["filters"]["conditions"] = Json::array({{{"field", "views_count"}, {"op", ">"}, {"value", 1000}}});
    auto plan = ParsePlan(document.dump());
    ASSERT_TRUE(plan.has_value()) << moment << ": " << plan.error().Describe();
    EXPECT_EQ(plan->source, Source::kState);
    ASSERT_TRUE(plan->as_of.has_value());
    auto again = ParsePlan(ToJson(*plan).dump());
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(*again, *plan) << moment;
  }
}

TEST(Validator, StatePlansNeedAMomentAndOnlyStatePlansHaveOne) {
  Json without = StatePlan();
  without["as_of"] = nullptr;
  EXPECT_EQ(CodeOf(without), ErrorCode::kPlanSemantic);
  EXPECT_EQ(PathOf(without), "/as_of");
  Json videos = BasePlan();
  videos["as_of"] = "2025-11-28";
  EXPECT_EQ(CodeOf(videos), ErrorCode::kPlanSemantic);
  EXPECT_EQ(PathOf(videos), "/as_of");
  Json refusal = Json::parse(R"({"action": "refuse", "refusal_reason": "ambiguous", "source": null,
    "aggregate": null, "field": null, "filters": {"creator_ids": null, "video_ids": null, "published": null,
    "measured": null, "hours_after_publication": null, "conditions": []}, "group_by": null, "order": null,
    "limit": null, "as_of": "2025-11-28"})");
  EXPECT_EQ(CodeOf(refusal), ErrorCode::kPlanSemantic);
  EXPECT_EQ(PathOf(refusal), "/as_of");
}

TEST(Validator, AMomentGoesWithCountersOnlyAndNoMeasurementPeriod) {
  Json delta = StatePlan();
  delta["field"] = "delta_views_count";
  EXPECT_EQ(CodeOf(delta), ErrorCode::kPlanSemantic);
  EXPECT_EQ(PathOf(delta), "/field");
  Json delta_condition = StatePlan();
  delta_condition["filters"]["conditions"] = Json::array({{{"field", "delta_likes_count"}, {"op", ">"}, {"value", 0}}});
  EXPECT_EQ(PathOf(delta_condition), "/filters/conditions/0/field");
  Json measured = StatePlan();
  measured["filters"]["measured"] = {
      {"from", "2025-11-01"}, {"to", "2025-11-28"}, {"relative", nullptr}, {"count", nullptr}};
  EXPECT_EQ(CodeOf(measured), ErrorCode::kPlanSemantic);
  EXPECT_EQ(PathOf(measured), "/filters/measured");
  Json window = StatePlan();
  window["filters"]["hours_after_publication"] = 3;
  EXPECT_EQ(PathOf(window), "/filters/hours_after_publication");
  Json measurement_days = StatePlan();
  measurement_days["aggregate"] = "count_distinct";
  measurement_days["field"] = "measurement_date";
  EXPECT_EQ(CodeOf(measurement_days), ErrorCode::kPlanSemantic);
  Json impossible = StatePlan();
  impossible["as_of"] = "2025-02-30";
  EXPECT_EQ(CodeOf(impossible), ErrorCode::kPlanTimeRange);
  Json malformed = StatePlan();
  malformed["as_of"] = "28 ноября";
  EXPECT_EQ(CodeOf(malformed), ErrorCode::kPlanSchema);
}

TEST(Validator, PlansWrittenWithoutTheMomentKeyStayValid) {
  Json document = BasePlan();
  ASSERT_FALSE(document.contains("as_of"));
  auto plan = ParsePlan(document.dump());
  ASSERT_TRUE(plan.has_value()) << plan.error().Describe();
  EXPECT_FALSE(plan->as_of.has_value());
  EXPECT_TRUE(ToJson(*plan).contains("as_of")) << "written plans always carry every key";
}

TEST(Validator, ANamedTimeZoneIsAnOffsetThatRoundTripsAndMayBeLeftOut) {
  Json document = BasePlan();
  ASSERT_FALSE(document.contains("time_zone"));
  auto plain = ParsePlan(document.dump());
  ASSERT_TRUE(plain.has_value()) << plain.error().Describe();
  EXPECT_FALSE(plain->time_zone.has_value()) << "a plan written before named zones uses the configured one";
  EXPECT_TRUE(ToJson(*plain).contains("time_zone"));
  document["time_zone"] = "+03:00";
  auto moscow = ParsePlan(document.dump());
  ASSERT_TRUE(moscow.has_value()) << moscow.error().Describe();
  EXPECT_EQ(moscow->time_zone, UtcOffset{180});
  auto again = ParsePlan(ToJson(*moscow).dump());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again, *moscow);
  document["time_zone"] = "-05:30";
  EXPECT_EQ(ParsePlan(document.dump())->time_zone, UtcOffset{-330});
  for (const char* bad : {"+15:00", "UTC", "+3", "03:00", "+03:00; DROP TABLE videos", "+03:60"}) {
    document["time_zone"] = bad;
    EXPECT_EQ(CodeOf(document), ErrorCode::kPlanSchema) << bad;
    EXPECT_EQ(PathOf(document), "/time_zone") << bad;
  }
  Json refusal = Json::parse(R"({"action": "refuse", "refusal_reason": "ambiguous", "time_zone": "+03:00"})");
  EXPECT_EQ(CodeOf(refusal), ErrorCode::kPlanSemantic) << "a refusal has no zone";
}

}  // namespace
}  // namespace videobot::plan
