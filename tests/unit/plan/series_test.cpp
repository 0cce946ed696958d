// Series plans: bucket keys and the buckets of a period (zones, ISO weeks, months), the
// validator's series rules, and the JSON round trip.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "plan/plan_json.hpp"
#include "plan/series.hpp"
#include "plan/validator.hpp"

namespace videobot::plan {
namespace {

using Json = nlohmann::json;

Instant At(const char* text) { return ParseTimestamp(text).value(); }

InstantRange Range(const char* from, const char* to) { return InstantRange{At(from), At(to)}; }

Json SeriesPlan(const std::string& bucket, const std::string& time, Json period) {
  Json plan = Json::parse(R"({
    "action": "query", "refusal_reason": null, "source": "snapshots", "aggregate": "sum",
    "field": "delta_views_count",
    "filters": {"creator_ids": null, "video_ids": null, "published": null, "measured": null,
                "hours_after_publication": null, "conditions": []},
    "group_by": null, "order": null, "limit": null, "as_of": null})");
  plan["series"] = Json{{"bucket", bucket}, {"time", time}};
  plan["filters"][time == "measurement" ? "measured" : "published"] = std::move(period);
  return plan;
}

Json Days(const std::string& from, const std::string& to) {
  return Json{{"from", from}, {"to", to}, {"relative", nullptr}, {"count", nullptr}};
}

Json Relative(const std::string& relative, Json count = nullptr) {
  return Json{{"from", nullptr}, {"to", nullptr}, {"relative", relative}, {"count", std::move(count)}};
}

Result<Plan> Parse(const Json& document) { return ParsePlan(document.dump()); }

TEST(SeriesBuckets, KeysNameTheBucketStartInTheZone) {
  const Instant at = At("2025-11-30T22:30:00Z");  // a Sunday in UTC, Monday 01:30 in +03:00
  EXPECT_EQ(BucketKey(Bucket::kHour, at, UtcOffset{}), "2025-11-30 22:00");
  EXPECT_EQ(BucketKey(Bucket::kHour, at, UtcOffset{180}), "2025-12-01 01:00");
  EXPECT_EQ(BucketKey(Bucket::kDay, at, UtcOffset{}), "2025-11-30");
  EXPECT_EQ(BucketKey(Bucket::kDay, at, UtcOffset{180}), "2025-12-01");
  EXPECT_EQ(BucketKey(Bucket::kWeek, at, UtcOffset{}), "2025-11-24");
  EXPECT_EQ(BucketKey(Bucket::kWeek, at, UtcOffset{180}), "2025-12-01");
  EXPECT_EQ(BucketKey(Bucket::kMonth, at, UtcOffset{}), "2025-11");
  EXPECT_EQ(BucketKey(Bucket::kMonth, at, UtcOffset{180}), "2025-12");
  EXPECT_EQ(BucketKey(Bucket::kHour, At("2025-11-28T10:00:00Z"), UtcOffset{330}), "2025-11-28 15:00");
}

TEST(SeriesBuckets, EveryBucketOfThePeriodInOrder) {
  const auto hours = BucketKeys(Bucket::kHour, Range("2025-11-28T00:00:00Z", "2025-11-29T00:00:00Z"), UtcOffset{});
  ASSERT_EQ(hours.size(), 24u);
  EXPECT_EQ(hours.front(), "2025-11-28 00:00");
  EXPECT_EQ(hours.back(), "2025-11-28 23:00");
  const auto days = BucketKeys(Bucket::kDay, Range("2025-11-29T00:00:00Z", "2025-12-02T00:00:00Z"), UtcOffset{});
  EXPECT_EQ(days, (std::vector<std::string>{"2025-11-29", "2025-11-30", "2025-12-01"}));
  // A UTC range read in +03:00 starts and ends mid-day: the partial days are buckets too.
  const auto shifted = BucketKeys(Bucket::kDay, Range("2025-11-29T00:00:00Z", "2025-11-30T00:00:00Z"), UtcOffset{180});
  EXPECT_EQ(shifted, (std::vector<std::string>{"2025-11-29", "2025-11-30"}));
  // ISO weeks: 2025-12-28 is a Sunday, 2025-12-29 a Monday (week 1 of 2026).
  const auto weeks = BucketKeys(Bucket::kWeek, Range("2025-12-20T00:00:00Z", "2026-01-06T00:00:00Z"), UtcOffset{});
  EXPECT_EQ(weeks, (std::vector<std::string>{"2025-12-15", "2025-12-22", "2025-12-29", "2026-01-05"}));
  const auto months = BucketKeys(Bucket::kMonth, Range("2025-11-15T00:00:00Z", "2026-02-01T00:00:00Z"), UtcOffset{});
  EXPECT_EQ(months, (std::vector<std::string>{"2025-11", "2025-12", "2026-01"}));
  EXPECT_EQ(BucketKeys(Bucket::kDay, Range("2025-01-01T00:00:00Z", "2030-01-01T00:00:00Z"), UtcOffset{}, 10).size(),
            10u);
}

TEST(SeriesValidation, AcceptsBoundedSeriesAndRoundTrips) {
  for (const auto& [bucket, time] : std::vector<std::pair<std::string, std::string>>{
           {"hour", "measurement"}, {"day", "measurement"}, {"week", "publication"}, {"month", "publication"}}) {
    auto plan = Parse(SeriesPlan(bucket, time, Days("2025-11-01", "2025-11-30")));
    ASSERT_TRUE(plan.has_value()) << bucket << " " << plan.error().Describe();
    ASSERT_TRUE(plan->series.has_value());
    EXPECT_EQ(Name(plan->series->bucket), bucket);
    auto again = ParsePlan(ToJson(*plan).dump());
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(*again, *plan);
  }
  EXPECT_TRUE(Parse(SeriesPlan("day", "measurement", Relative("last_n_days", 30))).has_value());
  EXPECT_TRUE(Parse(SeriesPlan("hour", "measurement", Relative("yesterday"))).has_value());
}

TEST(SeriesValidation, OneNumberDocumentsWithoutTheKeyStayValid) {
  Json document = SeriesPlan("day", "measurement", Days("2025-11-01", "2025-11-30"));
  document.erase("series");
  auto plan = Parse(document);
  ASSERT_TRUE(plan.has_value()) << plan.error().Describe();
  EXPECT_FALSE(plan->series.has_value());
}

TEST(SeriesValidation, RefusesSeriesItCannotBuild) {
  const auto code = [](const Json& document) {
    auto result = Parse(document);
    EXPECT_FALSE(result.has_value()) << document.dump();
    return result ? ErrorCode::kUsage : result.error().code;
  };
  // Unbounded or missing periods.
  EXPECT_EQ(code(SeriesPlan("day", "measurement",
                            Json{{"from", "2025-11-01"}, {"to", nullptr}, {"relative", nullptr}, {"count", nullptr}})),
            ErrorCode::kPlanTimeRange);
  Json no_period = SeriesPlan("day", "measurement", Days("2025-11-01", "2025-11-30"));
  no_period["filters"]["measured"] = nullptr;
  EXPECT_EQ(code(no_period), ErrorCode::kPlanTimeRange);
  // Bucket limits: hours over more than 31 days, more than 1000 buckets.
  EXPECT_EQ(code(SeriesPlan("hour", "measurement", Days("2025-10-01", "2025-11-30"))), ErrorCode::kPlanLimit);
  EXPECT_EQ(code(SeriesPlan("hour", "measurement", Relative("this_year"))), ErrorCode::kPlanLimit);
  EXPECT_EQ(code(SeriesPlan("day", "publication", Days("2020-01-01", "2025-11-30"))), ErrorCode::kPlanLimit);
  EXPECT_TRUE(Parse(SeriesPlan("hour", "measurement", Days("2025-11-01", "2025-11-30"))).has_value());
  EXPECT_TRUE(Parse(SeriesPlan("month", "publication", Days("2020-01-01", "2025-11-30"))).has_value());
  // Averages, groupings, states and measurement time on videos.
  Json average = SeriesPlan("day", "measurement", Days("2025-11-01", "2025-11-30"));
  average["aggregate"] = "avg";
  EXPECT_EQ(code(average), ErrorCode::kPlanSemantic);
  Json grouped = SeriesPlan("day", "measurement", Days("2025-11-01", "2025-11-30"));
  grouped["group_by"] = "creator";
  grouped["limit"] = 5;
  EXPECT_EQ(code(grouped), ErrorCode::kPlanSemantic);
  Json on_videos = SeriesPlan("day", "measurement", Days("2025-11-01", "2025-11-30"));
  on_videos["source"] = "videos";
  on_videos["field"] = "views_count";
  EXPECT_EQ(code(on_videos), ErrorCode::kPlanSemantic);
  Json bad_bucket = SeriesPlan("year", "measurement", Days("2025-11-01", "2025-11-30"));
  EXPECT_EQ(code(bad_bucket), ErrorCode::kPlanSchema);
}

}  // namespace
}  // namespace videobot::plan
