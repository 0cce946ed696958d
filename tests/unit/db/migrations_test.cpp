// Migrations: fresh apply, idempotent re-run, tampered checksum, unknown version, concurrency.
#include <gtest/gtest.h>

#include <thread>

#include "common/metrics.hpp"
#include "db/migration_files.hpp"
#include "db/migrations.hpp"
#include "test_database.hpp"

namespace videobot::db::testing {
namespace {

using MigrationsTest = BackendTest;

TEST_P(MigrationsTest, FreshApplyCreatesTheSchema) {
  const auto applied = Migrate(db());
  ASSERT_FALSE(applied.empty());
  EXPECT_EQ(applied.front().version, 1);
  EXPECT_EQ(applied.front().name, "0001_init");
  for (const char* table : {"videos", "video_snapshots", "bot_state"}) {
    EXPECT_EQ(QueryInt(db(), std::string("SELECT count(*) FROM ") + table), 0) << table;
  }
  const auto rows =
      db().Query(sql::Query{"SELECT version, name, checksum FROM schema_migrations ORDER BY version", {}});
  ASSERT_EQ(rows.size(), applied.size());
  const std::string checksum = std::get<std::string>(rows[0][2]);
  EXPECT_EQ(checksum.size(), 64u);
  EXPECT_EQ(checksum.find_first_not_of("0123456789abcdef"), std::string::npos);
}

// The hand-written migrations and the metric catalogue (common/metrics.hpp) name the same
// columns: every metric has its counter on videos and snapshots, its delta on snapshots, and its
// sums and sign counts in every rollup; and no counter-like column exists outside the catalogue.
TEST_P(MigrationsTest, TheSchemaHasEveryColumnOfTheMetricCatalogue) {
  Migrate(db());
  const auto has_column = [&](std::string_view table, std::string_view column) {
    try {
      db().Query(sql::Query{"SELECT " + std::string(column) + " FROM " + std::string(table) + " LIMIT 0", {}});
      return true;
    } catch (const DatabaseError&) {
      return false;
    }
  };
  ASSERT_FALSE(has_column("videos", "shares_count"));  // the probe can fail
  for (const auto& metric : metrics::kAll) {
    EXPECT_TRUE(has_column("videos", metric.counter)) << metric.counter;
    EXPECT_TRUE(has_column("video_snapshots", metric.counter)) << metric.counter;
    EXPECT_TRUE(has_column("video_snapshots", metric.delta)) << metric.delta;
    for (const char* rollup : {"video_snapshot_days", "video_snapshot_age_hours", "video_snapshot_day_totals",
                               "video_snapshot_creator_hours"}) {
      EXPECT_TRUE(has_column(rollup, metric.delta)) << rollup << " " << metric.delta;
      for (const char* sign : {"positive_", "negative_"}) {
        EXPECT_TRUE(has_column(rollup, sign + std::string(metric.name))) << rollup << " " << sign << metric.name;
      }
    }
  }
  const std::string counter_like =
      db().dialect() == sql::Dialect::kPostgres
          ? "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND table_name IN ('videos', 'video_snapshots') AND column_name LIKE '%\\_count'"
          : "SELECT count(*) FROM (SELECT name FROM pragma_table_info('videos') UNION ALL"
            " SELECT name FROM pragma_table_info('video_snapshots')) WHERE name LIKE '%\\_count' ESCAPE '\\'";
  // Counters on both tables, deltas on snapshots.
  EXPECT_EQ(QueryInt(db(), counter_like), static_cast<std::int64_t>(3 * metrics::kAll.size()));
}

TEST(ClickHouseMigrations, NameEveryColumnOfTheMetricCatalogue) {
  std::string schema;
  for (const auto& migration : EmbeddedMigrations(sql::Dialect::kClickHouse)) schema += migration.sql;
  for (const auto& metric : metrics::kAll) {
    EXPECT_NE(schema.find(std::string(metric.counter) + " "), std::string::npos) << metric.counter;
    EXPECT_NE(schema.find(std::string(metric.delta) + " "), std::string::npos) << metric.delta;
  }
}

TEST_P(MigrationsTest, ReapplyIsANoOp) {
  const auto first = Migrate(db());
  const auto before =
      db().Query(sql::Query{"SELECT version, name, checksum FROM schema_migrations ORDER BY version", {}});
  EXPECT_TRUE(Migrate(db()).empty());
  auto other = fresh().Connect();
  EXPECT_TRUE(Migrate(*other).empty());
  const auto after =
      db().Query(sql::Query{"SELECT version, name, checksum FROM schema_migrations ORDER BY version", {}});
  EXPECT_EQ(before, after);
  EXPECT_EQ(after.size(), first.size());
}

TEST_P(MigrationsTest, TamperedChecksumIsRefused) {
  Migrate(db());
  db().Execute("UPDATE schema_migrations SET checksum = 'deadbeef' WHERE version = 1");
  try {
    Migrate(db());
    FAIL() << "a changed migration was accepted";
  } catch (const MigrationError& error) {
    EXPECT_NE(std::string(error.what()).find("0001_init"), std::string::npos) << error.what();
  }
}

TEST_P(MigrationsTest, UnknownAppliedVersionIsRefused) {
  Migrate(db());
  db().Execute(
      "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9999, '9999_future', 'x', " +
      std::string(postgres() ? "now()" : "0") + ")");
  try {
    Migrate(db());
    FAIL() << "an unknown migration was accepted";
  } catch (const MigrationError& error) {
    EXPECT_NE(std::string(error.what()).find("9999"), std::string::npos) << error.what();
  }
}

TEST_P(MigrationsTest, ReadCommandsRefuseASchemaNewerThanTheBinary) {
  Migrate(db());
  const int known = EmbeddedMigrations(db().dialect()).back().version;
  db().Execute(
      "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9999, '9999_future', 'x', " +
      std::string(postgres() ? "now()" : "0") + ")");
  try {
    Open(fresh().url(), OpenMode::kExisting);
    FAIL() << "a read connection accepted a schema newer than the binary";
  } catch (const SchemaTooNewError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("version 9999"), std::string::npos) << message;
    EXPECT_NE(message.find("version " + std::to_string(known)), std::string::npos) << message;
  }
  // Commands that write (migrate, load) open in kCreate mode and are stopped by Migrate.
  EXPECT_THROW(Migrate(*Open(fresh().url(), OpenMode::kCreate)), MigrationError);
}

TEST_P(MigrationsTest, AnsweringRefusesASchemaWithMigrationsStillToApply) {
  Migrate(db());
  const int known = EmbeddedMigrations(db().dialect()).back().version;
  EXPECT_NO_THROW(Open(fresh().url(), OpenMode::kCurrent)) << "an up-to-date schema answers";
  db().Execute("DELETE FROM schema_migrations WHERE version = " + std::to_string(known));
  EXPECT_NO_THROW(Open(fresh().url(), OpenMode::kExisting)) << "the bot opens it to migrate it";
  try {
    Open(fresh().url(), OpenMode::kCurrent);
    FAIL() << "a question would run against a schema missing migration " << known;
  } catch (const NotInitialisedError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("videobot migrate"), std::string::npos) << message;
    EXPECT_NE(message.find(std::to_string(known)), std::string::npos) << message;
  }
}

TEST_P(MigrationsTest, ConcurrentRunsApplyOnce) {
  constexpr int kRuns = 4;
  std::vector<std::unique_ptr<Database>> connections;
  for (int i = 0; i < kRuns; ++i) connections.push_back(fresh().Connect());
  std::vector<std::size_t> applied(kRuns, 0);
  std::vector<std::string> errors(kRuns);
  std::vector<std::thread> threads;
  for (int i = 0; i < kRuns; ++i) {
    threads.emplace_back([&, i] {
      try {
        applied[static_cast<std::size_t>(i)] = Migrate(*connections[static_cast<std::size_t>(i)]).size();
      } catch (const std::exception& error) {
        errors[static_cast<std::size_t>(i)] = error.what();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  std::size_t total = 0;
  for (int i = 0; i < kRuns; ++i) {
    EXPECT_EQ(errors[static_cast<std::size_t>(i)], "");
    total += applied[static_cast<std::size_t>(i)];
  }
  EXPECT_EQ(total, static_cast<std::size_t>(QueryInt(db(), "SELECT count(*) FROM schema_migrations")));
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationsTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace videobot::db::testing
