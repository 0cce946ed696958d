// State at a moment on a small hand-made data set whose answers are computed by hand: the end of
// a day excludes a measurement exactly at the next midnight, an instant includes a measurement
// exactly at it, a video published before the moment but not yet measured counts 0, a video
// published after it does not exist yet, and days follow the configured time zone. The same
// expectations hold on SQLite, on PostgreSQL and in the oracle.
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "support/clickhouse_env.hpp"
#include "plan/plan_json.hpp"
#include "plan/validator.hpp"
#include "sql/compiler.hpp"
#include "support/oracle.hpp"
#include "support/random_plans.hpp"

namespace videobot::testing {
namespace {

using Json = nlohmann::json;

constexpr const char* kCreatorA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
constexpr const char* kCreatorB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

Json Snapshot(const std::string& video_id, int index, const std::string& at, std::int64_t views, std::int64_t delta) {
  char id[33];
  std::snprintf(id, sizeof id, "%032x", index);
  return Json{{"id", id},
              {"video_id", video_id},
              {"views_count", views},
              {"likes_count", views / 10},
              {"comments_count", 1},
              {"reports_count", 0},
              {"delta_views_count", delta},
              {"delta_likes_count", 0},
              {"delta_comments_count", 0},
              {"delta_reports_count", 0},
              {"created_at", at},
              {"updated_at", at}};
}

Json Video(const std::string& id, const std::string& creator, const std::string& published, std::int64_t views,
           Json snapshots) {
  return Json{{"id", id},
              {"creator_id", creator},
              {"video_created_at", published},
              {"views_count", views},
              {"likes_count", views / 10},
              {"comments_count", 1},
              {"reports_count", 0},
              {"created_at", published},
              {"updated_at", published},
              {"snapshots", std::move(snapshots)}};
}

// Video 1 (A): measured 27 Nov 10:00 (100), 23:00 (150), exactly 28 Nov 00:00:00 (170), exactly
// 10:00:00 (200). Video 2 (B): published 28 Nov 09:30, first measured 11:00 (50). Video 3 (A):
// published 29 Nov 12:00, measured 13:00 (999).
std::string Document() {
  const std::string v1 = "11111111-1111-4111-8111-111111111111";
  const std::string v2 = "22222222-2222-4222-8222-222222222222";
  const std::string v3 = "33333333-3333-4333-8333-333333333333";
  Json videos = Json::array();
  videos.push_back(Video(v1, kCreatorA, "2025-11-27T08:00:00+00:00", 200,
                         Json::array({Snapshot(v1, 1, "2025-11-27T10:00:00.000000+00:00", 100, 100),
                                      Snapshot(v1, 2, "2025-11-27T23:00:00.000000+00:00", 150, 50),
                                      Snapshot(v1, 3, "2025-11-28T00:00:00.000000+00:00", 170, 20),
                                      Snapshot(v1, 4, "2025-11-28T10:00:00.000000+00:00", 200, 30)})));
  videos.push_back(Video(v2, kCreatorB, "2025-11-28T09:30:00+00:00", 50,
                         Json::array({Snapshot(v2, 5, "2025-11-28T11:00:00.000000+00:00", 50, 50)})));
  videos.push_back(Video(v3, kCreatorA, "2025-11-29T12:00:00+00:00", 999,
                         Json::array({Snapshot(v3, 6, "2025-11-29T13:00:00.000000+00:00", 999, 999)})));
  return Json{{"videos", videos}}.dump();
}

struct StateCase {
  std::string as_of;
  std::string aggregate;
  std::string field;  // "" for count
  std::string tz;
  Json conditions;
  Json creators;
  double expected;
};

plan::Plan StatePlan(const StateCase& c) {
  Json plan = {{"action", "query"},
               {"refusal_reason", nullptr},
               {"source", "state"},
               {"aggregate", c.aggregate},
               {"field", c.field.empty() ? Json(nullptr) : Json(c.field)},
               {"filters",
                {{"creator_ids", c.creators},
                 {"video_ids", nullptr},
                 {"published", nullptr},
                 {"measured", nullptr},
                 {"hours_after_publication", nullptr},
                 {"conditions", c.conditions}}},
               {"group_by", nullptr},
               {"order", nullptr},
               {"limit", nullptr},
               {"as_of", c.as_of}};
  auto parsed = plan::ParsePlan(plan.dump());
  EXPECT_TRUE(parsed.has_value()) << plan.dump() << (parsed ? "" : parsed.error().Describe());
  return parsed ? *parsed : plan::Plan{};
}

const std::vector<StateCase>& Cases() {
  const Json none = Json::array();
  const Json views_over_100 = Json::array({Json{{"field", "views_count"}, {"op", ">"}, {"value", 100}}});
  const Json views_under_100 = Json::array({Json{{"field", "views_count"}, {"op", "<"}, {"value", 100}}});
  static const std::vector<StateCase> cases = {
      // The end of 27 Nov: the measurement at exactly 28 Nov 00:00:00 is not part of it.
      {"2025-11-27", "sum", "views_count", "UTC", none, nullptr, 150},
      // The first instant of 28 Nov: that measurement is.
      {"2025-11-28T00:00", "sum", "views_count", "UTC", none, nullptr, 170},
      // Exactly on a measurement: included; video 2 is published (09:30) but not measured yet: 0.
      {"2025-11-28T10:00", "sum", "views_count", "UTC", none, nullptr, 200},
      {"2025-11-28T10:00", "count", "", "UTC", none, nullptr, 2},
      {"2025-11-28T10:00", "avg", "views_count", "UTC", none, nullptr, 100},
      {"2025-11-28T10:00", "min", "views_count", "UTC", none, nullptr, 0},
      {"2025-11-28T10:00", "count", "", "UTC", views_under_100, nullptr, 1},
      {"2025-11-28T09:59:59", "sum", "views_count", "UTC", none, nullptr, 170},
      // Before video 2's publication it does not exist: one video.
      {"2025-11-28T09:00", "count", "", "UTC", none, nullptr, 1},
      {"2025-11-28", "sum", "views_count", "UTC", none, nullptr, 250},
      {"2025-11-28", "sum", "likes_count", "UTC", none, nullptr, 25},
      {"2025-11-28", "count", "", "UTC", views_over_100, nullptr, 1},
      {"2025-11-28", "sum", "views_count", "UTC", none, Json::array({kCreatorB}), 50},
      {"2025-11-28", "max", "views_count", "UTC", none, Json::array({kCreatorA}), 200},
      {"2025-11-29", "sum", "views_count", "UTC", none, Json::array({kCreatorA}), 1199},
      {"2025-11-29", "count_distinct", "creator_id", "UTC", views_over_100, nullptr, 1},
      // In +03:00, 27 Nov ends at 21:00 UTC: the 23:00 measurement is the next day's.
      {"2025-11-27", "sum", "views_count", "+03:00", none, nullptr, 100},
      {"2025-11-28T03:00", "sum", "views_count", "+03:00", none, nullptr, 170},
      // Before any measurement of any video: nothing counted yet.
      {"2025-11-27T09:00", "sum", "views_count", "UTC", none, nullptr, 0},
      {"2025-11-27T09:00", "count", "", "UTC", none, nullptr, 1},
  };
  return cases;
}

double AsDouble(const db::Value& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(&value)) return *d;
  return -1;
}

void CheckCases(db::Database& database, const std::string& label) {
  const Dataset data = ParseDataset(Document());
  for (const auto& c : Cases()) {
    const plan::Plan plan = StatePlan(c);
    const plan::TimeContext time{ParseTimestamp("2025-12-01T12:00:00Z").value(), ParseUtcOffset(c.tz).value()};
    const auto query = sql::Compile(plan, sql::CompileOptions{database.dialect(), time});
    const auto rows = database.Query(query);
    const std::string context = label + " " + plan::ToJson(plan).dump() + " tz " + c.tz + "\nSQL " + query.text;
    ASSERT_EQ(rows.size(), 1u) << context;
    EXPECT_DOUBLE_EQ(AsDouble(rows[0][0]), c.expected) << context;
    EXPECT_DOUBLE_EQ(AsDouble(Evaluate(data, plan, time).scalar), c.expected) << "oracle: " << context;
  }
}

std::string KeyText(const db::Value& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
  return "NULL";
}

// Random state plans over the hand-made data, whose measurements are stamped on whole hours: many
// moments fall exactly on a measurement, before a video's first one, or before its publication.
void CheckRandomPlans(db::Database& database, const std::string& label) {
  const Dataset data = ParseDataset(Document());
  int exact = 0;
  for (const UtcOffset offset : {UtcOffset{0}, UtcOffset{180}}) {
    const plan::TimeContext time{ParseTimestamp("2025-12-01T12:00:00Z").value(), offset};
    for (const auto& plan : RandomStatePlans(data, 150, 5)) {
      const auto expected = Evaluate(data, plan, time);
      const auto query = sql::Compile(plan, sql::CompileOptions{database.dialect(), time});
      const auto rows = database.Query(query);
      const std::string context = label + " " + plan::ToJson(plan).dump() + "\nSQL " + query.text;
      if (plan.as_of->has_time && plan.as_of->value.seconds_of_day % 3600 == 0) ++exact;
      if (!plan.group_by) {
        ASSERT_EQ(rows.size(), 1u) << context;
        EXPECT_NEAR(AsDouble(rows[0][0]), AsDouble(expected.scalar), 1e-9) << context;
        continue;
      }
      ASSERT_EQ(rows.size(), expected.rows.size()) << context;
      for (std::size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(KeyText(rows[i][0]), expected.rows[i].first) << context;
        EXPECT_NEAR(AsDouble(rows[i][1]), AsDouble(expected.rows[i].second), 1e-9) << context;
      }
    }
  }
  EXPECT_GT(exact, 20) << "too few moments on a whole hour (where the measurements are)";
}

TEST(StateAtMoment, SqliteGivesHandComputedAnswers) {
  TempDir dir;
  auto database = LoadedDatabase("sqlite:" + dir.path() + "/state.db", Document());
  CheckCases(*database, "sqlite");
  CheckRandomPlans(*database, "sqlite");
}

TEST(StateAtMoment, PostgresGivesHandComputedAnswers) {
  VIDEOBOT_REQUIRE_POSTGRES();
  ScratchPostgres scratch;
  auto database = LoadedDatabase(scratch.url(), Document());
  CheckCases(*database, "postgres");
  CheckRandomPlans(*database, "postgres");
}

TEST(StateAtMoment, ClickHouseGivesHandComputedAnswers) {
  VIDEOBOT_REQUIRE_CLICKHOUSE();
  for (const bool cluster : {false, true}) {
    ScratchClickHouse scratch(cluster);
    auto database = LoadedDatabase(scratch.url(), Document());
    CheckCases(*database, cluster ? "clickhouse two shards" : "clickhouse");
    CheckRandomPlans(*database, cluster ? "clickhouse two shards" : "clickhouse");
  }
}

}  // namespace
}  // namespace videobot::testing
