// The engines' SQL objects (db/engine_sql.hpp): each engine is found from its dialect, only the
// engines with transactions have the transactional part, and the pieces read as the statements
// of rollups, coverage and migrations expect them on each engine.
#include <gtest/gtest.h>

#include "db/engine_sql.hpp"

namespace videobot::db::testing {
namespace {

TEST(EngineSql, EachDialectHasItsEngine) {
  for (const auto dialect : {sql::Dialect::kSqlite, sql::Dialect::kPostgres, sql::Dialect::kClickHouse}) {
    EXPECT_EQ(EngineOf(dialect).dialect(), dialect);
  }
  EXPECT_EQ(SqliteEngine().migration_folder(), "migrations/sqlite/");
  EXPECT_EQ(PostgresEngine().migration_folder(), "migrations/postgres/");
  EXPECT_EQ(ClickHouseEngine().migration_folder(), "migrations/clickhouse/");
}

TEST(EngineSql, OnlyEnginesWithTransactionsHaveTheTransactionalPart) {
  EXPECT_EQ(SqliteEngine().transactional(), &SqliteEngine());
  EXPECT_EQ(PostgresEngine().transactional(), &PostgresEngine());
  EXPECT_EQ(ClickHouseEngine().transactional(), nullptr);
}

TEST(EngineSql, PlaceholdersAndInstantsPerEngine) {
  EXPECT_EQ(SqliteEngine().Placeholder(2), "?2");
  EXPECT_EQ(ClickHouseEngine().Placeholder(2), "?2");
  EXPECT_EQ(PostgresEngine().Placeholder(2), "$2");
  EXPECT_EQ(SqliteEngine().InstantPlaceholder(1), "?1");
  EXPECT_EQ(PostgresEngine().InstantPlaceholder(1), "$1::timestamptz");
  EXPECT_EQ(SqliteEngine().InstantParam(1'000'000), sql::Param(std::int64_t{1'000'000}));
  EXPECT_EQ(PostgresEngine().InstantParam(1'000'000), sql::Param(std::string("1970-01-01 00:00:01.000000+00")));
  EXPECT_EQ(SqliteEngine().InstantAsMicros("loaded_at"), "loaded_at");
  EXPECT_EQ(ClickHouseEngine().InstantAsMicros("loaded_at"), "loaded_at");
  EXPECT_EQ(PostgresEngine().InstantAsMicros("loaded_at"), "(extract(epoch FROM loaded_at) * 1000000)::bigint");
}

TEST(EngineSql, SqliteRollupArithmeticIsIntegerMicroseconds) {
  const auto& engine = SqliteEngine();
  EXPECT_EQ(engine.StartOfDay("s.created_at"),
            "s.created_at - ((s.created_at % 86400000000) + 86400000000) % 86400000000");
  EXPECT_EQ(engine.StartOfHour("s.created_at"),
            "s.created_at - ((s.created_at % 3600000000) + 3600000000) % 3600000000");
  EXPECT_EQ(engine.WholeHoursBetween("v.video_created_at", "s.created_at"),
            "(s.created_at - v.video_created_at) / 3600000000");
  EXPECT_EQ(engine.PlusHours("v.video_created_at", 168), "v.video_created_at + 168 * 3600000000");
  EXPECT_EQ(engine.PlusOneDay("t.measured_day"), "t.measured_day + 86400000000");
  EXPECT_EQ(engine.AnalyzeAfterFill("videobot_kept_videos"), "");
  EXPECT_EQ(engine.LockMigrations(), "");
}

TEST(EngineSql, PostgresRollupArithmeticIsTimestamptzInUtc) {
  const auto& engine = PostgresEngine();
  EXPECT_EQ(engine.StartOfDay("measured_hour"),
            "date_trunc('day', measured_hour AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'");
  EXPECT_EQ(engine.StartOfHour("s.created_at"),
            "date_trunc('hour', s.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'");
  EXPECT_EQ(engine.WholeHoursBetween("v.video_created_at", "s.created_at"),
            "floor((extract(epoch FROM s.created_at) - extract(epoch FROM v.video_created_at)) / 3600)::integer");
  EXPECT_EQ(engine.PlusHours("v.video_created_at", 168), "v.video_created_at + interval '168 hours'");
  EXPECT_EQ(engine.PlusOneDay("t.measured_day"), "t.measured_day + interval '24 hours'");
  EXPECT_EQ(engine.AnalyzeAfterFill("videobot_kept_videos"), "ANALYZE videobot_kept_videos");
  EXPECT_EQ(engine.LockMigrations(), "SELECT pg_advisory_lock(1986162548)");
  EXPECT_EQ(engine.UnlockMigrations(), "SELECT pg_advisory_unlock(1986162548)");
}

}  // namespace
}  // namespace videobot::db::testing
