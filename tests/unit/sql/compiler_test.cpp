// Properties of the compiled SQL that hold for any plan: values are bound, never spliced, and a
// state plan binds its moment once. The SQL of each plan, per engine, is in the golden records
// (tests/cases/golden).
#include <gtest/gtest.h>

#include "plan/validator.hpp"
#include "sql/compiler.hpp"
#include "support/test_env.hpp"

namespace videobot::sql {
namespace {

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
