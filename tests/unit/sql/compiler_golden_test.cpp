// Golden cases (tests/cases/sql/golden.json): plan → SQL text and parameters per dialect.
// Set VIDEOBOT_UPDATE_GOLDEN=1 to rewrite the expected SQL after an intended compiler change,
// then review the diff.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "plan/validator.hpp"
#include "sql/compiler.hpp"
#include "support/test_env.hpp"

namespace videobot::sql {
namespace {

using OrderedJson = nlohmann::ordered_json;

std::string GoldenPath() { return testing::SourceDir() + "/tests/cases/sql/golden.json"; }

OrderedJson ReadGolden() {
  std::ifstream in(GoldenPath());
  EXPECT_TRUE(in.good()) << GoldenPath();
  return OrderedJson::parse(in);
}

OrderedJson ParamsJson(const Query& query) {
  OrderedJson params = OrderedJson::array();
  for (const auto& param : query.params) {
    std::visit([&params](const auto& value) { params.push_back(value); }, param);
  }
  return params;
}

plan::TimeContext ContextOf(const OrderedJson& item) {
  const Instant now = ParseTimestamp(item.value("now", std::string("2025-12-02T12:00:00Z"))).value();
  const UtcOffset offset = ParseUtcOffset(item.value("tz", std::string("UTC"))).value();
  return plan::TimeContext{now, offset};
}

OrderedJson Compiled(const plan::Plan& plan, Dialect dialect, const plan::TimeContext& time) {
  const Query query = Compile(plan, CompileOptions{dialect, time});
  return OrderedJson{{"sql", query.text}, {"params", ParamsJson(query)}};
}

TEST(CompilerGolden, EveryCaseCompilesToItsExpectedSql) {
  OrderedJson cases = ReadGolden();
  ASSERT_GE(cases.size(), 20u);
  const bool update = testing::Env("VIDEOBOT_UPDATE_GOLDEN") == "1";
  for (auto& item : cases) {
    const std::string name = item.at("name");
    auto plan = plan::ParsePlan(item.at("plan").dump());
    ASSERT_TRUE(plan.has_value()) << name << ": " << plan.error().Describe();
    const auto time = ContextOf(item);
    const auto sqlite = Compiled(*plan, Dialect::kSqlite, time);
    const auto postgres = Compiled(*plan, Dialect::kPostgres, time);
    if (update) {
      item["sqlite"] = sqlite;
      item["postgres"] = postgres;
      continue;
    }
    EXPECT_EQ(sqlite, item.at("sqlite")) << name;
    EXPECT_EQ(postgres, item.at("postgres")) << name;
  }
  if (update) std::ofstream(GoldenPath()) << cases.dump(2) << "\n";
}

TEST(Compiler, ValuesNeverAppearInSqlText) {
  plan::Plan plan;
  plan.source = plan::Source::kSnapshots;
  plan.aggregate = plan::Aggregate::kSum;
  plan.field = plan::Field::kDeltaViews;
  plan.filters.creator_ids = {"aaaabbbbccccddddeeeeffff00001111"};
  plan.filters.conditions = {{plan::Field::kDeltaViews, plan::CompareOp::kGreater, 987654321}};
  plan.filters.hours_after_publication = 7;
  ASSERT_TRUE(plan::ValidatePlan(plan).has_value());
  for (Dialect dialect : {Dialect::kSqlite, Dialect::kPostgres}) {
    const Query query = Compile(plan, CompileOptions{dialect, {}});
    EXPECT_EQ(query.text.find("aaaabbbb"), std::string::npos);
    EXPECT_EQ(query.text.find("987654321"), std::string::npos);
    EXPECT_EQ(query.text.find('\''), query.text.find("'1 microsecond'")) << "only catalogue literals are quoted";
    EXPECT_EQ(query.params.size(), 3u);
  }
}

TEST(Compiler, StatePlansBindTheMomentOnceAndReadTheLatestSnapshotBeforeIt) {
  plan::Plan plan;
  plan.source = plan::Source::kState;
  plan.aggregate = plan::Aggregate::kSum;
  plan.field = plan::Field::kViews;
  plan.as_of = plan::Moment{DateTime{Date{2025, 11, 28}, 0}, false};
  plan.filters.conditions = {{plan::Field::kLikes, plan::CompareOp::kGreater, 4242}};
  ASSERT_TRUE(plan::ValidatePlan(plan).has_value());
  const plan::TimeContext moscow{0, UtcOffset{180}};
  for (Dialect dialect : {Dialect::kSqlite, Dialect::kPostgres}) {
    const Query query = Compile(plan, CompileOptions{dialect, moscow});
    ASSERT_EQ(query.params.size(), 2u) << query.text;  // the moment and the threshold
    const std::string moment = dialect == Dialect::kSqlite ? "?1" : "$1::timestamptz";
    // Published before the moment, and per counter: snapshots before it, the latest first.
    EXPECT_NE(query.text.find("v.video_created_at < " + moment), std::string::npos) << query.text;
    EXPECT_NE(query.text.find("s.created_at < " + moment + " ORDER BY s.created_at DESC LIMIT 1"), std::string::npos)
        << query.text;
    EXPECT_EQ(query.text.find("4242"), std::string::npos);
    // The end of 28 November in +03:00 is 28 November 21:00 UTC.
    if (dialect == Dialect::kSqlite) {
      EXPECT_EQ(std::get<std::int64_t>(query.params[0]), ToInstant(DateTime{Date{2025, 11, 28}, 21 * 3600}, {}));
    } else {
      EXPECT_EQ(std::get<std::string>(query.params[0]), "2025-11-28 21:00:00.000000+00");
    }
  }
}

}  // namespace
}  // namespace videobot::sql
