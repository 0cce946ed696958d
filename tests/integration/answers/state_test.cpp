// State at a moment: random state plans over the hand-made data set of the golden state records,
// whose measurements are stamped on whole hours, give the oracle's answers on SQLite, PostgreSQL
// and ClickHouse. (The hand-computed replies are golden records: 21_state_answers.test.)
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fixtures.hpp"
#include "plan/plan_json.hpp"
#include "plan/validator.hpp"
#include "sql/compiler.hpp"
#include "support/clickhouse_env.hpp"
#include "support/golden_file.hpp"
#include "support/oracle.hpp"
#include "support/random_plans.hpp"

namespace videobot::testing {
namespace {

// The hand-made data set of the golden state records (tests/cases/golden/21_state_answers.test).
std::string Document() { return ReadFile(golden::CasesDir() + "/data/state.json"); }

double AsDouble(const db::Value& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(&value)) return *d;
  return -1;
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

TEST(StateAtMoment, SqliteRandomStatePlansMatchTheOracle) {
  TempDir dir;
  auto database = LoadedDatabase("sqlite:" + dir.path() + "/state.db", Document());
  CheckRandomPlans(*database, "sqlite");
}

TEST(StateAtMoment, PostgresRandomStatePlansMatchTheOracle) {
  VIDEOBOT_REQUIRE_POSTGRES();
  ScratchPostgres scratch;
  auto database = LoadedDatabase(scratch.url(), Document());
  CheckRandomPlans(*database, "postgres");
}

TEST(StateAtMoment, ClickHouseRandomStatePlansMatchTheOracle) {
  VIDEOBOT_REQUIRE_CLICKHOUSE();
  for (const bool cluster : {false, true}) {
    ScratchClickHouse scratch(cluster);
    auto database = LoadedDatabase(scratch.url(), Document());
    CheckRandomPlans(*database, cluster ? "clickhouse two shards" : "clickhouse");
  }
}

}  // namespace
}  // namespace videobot::testing
