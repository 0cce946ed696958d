// The Database implementations: value mapping, parameters, read-only queries, transactions,
// statement timeouts, errors without SQL or passwords, overflow, and opening modes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "db/connection_url.hpp"
#include "db/migrations.hpp"
#include "test_database.hpp"

namespace videobot::db::testing {
namespace {

class DatabaseTest : public BackendTest {
 protected:
  std::string P(int n) const { return postgres() ? "$" + std::to_string(n) : "?" + std::to_string(n); }
};

TEST_P(DatabaseTest, MapsColumnTypes) {
  const std::string sql = postgres() ? "SELECT 7::bigint, 3::int, 2.5::float8, 1.25::numeric, 'x'::text, NULL"
                                     : "SELECT 7, 3, 2.5, 1.25, 'x', NULL";
  const auto rows = db().Query(sql::Query{sql, {}});
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].size(), 6u);
  EXPECT_EQ(std::get<std::int64_t>(rows[0][0]), 7);
  EXPECT_EQ(std::get<std::int64_t>(rows[0][1]), 3);
  EXPECT_DOUBLE_EQ(std::get<double>(rows[0][2]), 2.5);
  EXPECT_DOUBLE_EQ(std::get<double>(rows[0][3]), 1.25);
  EXPECT_EQ(std::get<std::string>(rows[0][4]), "x");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(rows[0][5]));
}

TEST_P(DatabaseTest, BindsParameters) {
  const std::string sql = postgres() ? "SELECT $1::bigint + 1, $2::text || '!'" : "SELECT ?1 + 1, ?2 || '!'";
  const auto rows = db().Query(sql::Query{sql, {std::int64_t{9'000'000'000'000}, std::string("ab'c")}});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(std::get<std::int64_t>(rows[0][0]), 9'000'000'000'001);
  EXPECT_EQ(std::get<std::string>(rows[0][1]), "ab'c!");
}

TEST_P(DatabaseTest, QueryRefusesToWrite) {
  db().Execute("CREATE TABLE t (x bigint)");
  EXPECT_THROW(db().Query(sql::Query{"INSERT INTO t VALUES (1)", {}}), DatabaseError);
  EXPECT_EQ(QueryInt(db(), "SELECT count(*) FROM t"), 0);
}

TEST_P(DatabaseTest, TransactionsCommitAndRollBack) {
  db().Execute("CREATE TABLE t (x bigint); CREATE TABLE u (y bigint)");
  db().Begin();
  db().Execute(sql::Query{"INSERT INTO t VALUES (" + P(1) + ")", {std::int64_t{1}}});
  EXPECT_EQ(QueryInt(db(), "SELECT count(*) FROM t"), 1);  // visible inside the transaction
  db().Rollback();
  EXPECT_EQ(QueryInt(db(), "SELECT count(*) FROM t"), 0);
  db().Begin();
  db().Execute(sql::Query{"INSERT INTO t VALUES (" + P(1) + ")", {std::int64_t{2}}});
  db().Commit();
  EXPECT_EQ(QueryInt(db(), "SELECT x FROM t"), 2);
  auto other = fresh().Connect();
  EXPECT_EQ(QueryInt(*other, "SELECT sum(x) FROM t"), 2);
}

TEST_P(DatabaseTest, StatementErrorsAreDatabaseErrors) {
  EXPECT_THROW(db().Query(sql::Query{"SELECT * FROM no_such_table", {}}), DatabaseError);
  EXPECT_THROW(db().Execute("THIS IS NOT SQL"), DatabaseError);
  // The connection stays usable.
  EXPECT_EQ(QueryInt(db(), "SELECT 1"), 1);
}

// The text of `error` must not quote the statement or the server's words about it.
void ExpectNoStatementText(const std::exception& error, const std::vector<std::string>& fragments) {
  const std::string message = error.what();
  for (const auto& fragment : fragments) EXPECT_EQ(message.find(fragment), std::string::npos) << message;
}

TEST_P(DatabaseTest, ErrorMessagesHoldNoSqlOrDriverText) {
  db().Execute(postgres() ? "CREATE TABLE t (x bigint)" : "CREATE TABLE t (x INTEGER) STRICT");
  const std::vector<std::pair<std::string, bool>> failing = {
      {"SELECT secret_column FROM secret_table_xyz", true},
      {"SELECT secret_column FROM t WHERE x = 'secret value'", true},
      {"SELEKT secret_column", true},
      {"INSERT INTO secret_table_xyz VALUES (1)", false},
      {"INSERT INTO t VALUES ('secret value')", false},
  };
  for (const auto& [statement, query] : failing) {
    try {
      if (query) {
        db().Query(sql::Query{statement, {}});
      } else {
        db().Execute(statement);
      }
      ADD_FAILURE() << "accepted: " << statement;
    } catch (const DatabaseError& error) {
      ExpectNoStatementText(error,
                            {"secret", "SELECT", "SELEKT", "INSERT", "no such", "does not exist", "syntax error at"});
      EXPECT_NE(std::string(error.what()).find(postgres() ? "PostgreSQL" : "SQLite"), std::string::npos)
          << error.what();
    }
  }
  EXPECT_EQ(QueryInt(db(), "SELECT 1"), 1);
}

TEST_P(DatabaseTest, AnOverflowingSumIsAValueOutOfRangeError) {
  db().Execute("CREATE TABLE t (x bigint)");
  db().Execute("INSERT INTO t VALUES (9000000000000000000), (9000000000000000000)");
  const std::string sum =
      postgres() ? "SELECT COALESCE(SUM(x), 0)::bigint FROM t" : "SELECT COALESCE(SUM(x), 0) FROM t";
  try {
    db().Query(sql::Query{sum, {}});
    FAIL() << "the sum did not overflow";
  } catch (const ValueOutOfRangeError& error) {
    ExpectNoStatementText(error, {"SUM", "SELECT", "bigint out of range", "integer overflow"});
  }
  // Inside a write too (the loader's rollups).
  db().Execute("CREATE TABLE u (x bigint)");
  EXPECT_THROW(db().Execute("INSERT INTO u SELECT SUM(x) FROM t"), ValueOutOfRangeError);
  EXPECT_EQ(QueryInt(db(), "SELECT count(*) FROM u"), 0);
  EXPECT_EQ(QueryInt(db(), "SELECT 1"), 1);
}

TEST_P(DatabaseTest, StatementTimeoutCancelsLongQueries) {
  db().SetStatementTimeout(std::chrono::milliseconds(200));
  const std::string slow =
      postgres() ? "SELECT count(*) FROM generate_series(1, 1000000000)"
                 : "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(db().Query(sql::Query{slow, {}}), QueryTimeoutError);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_EQ(QueryInt(db(), "SELECT 1"), 1);
  db().SetStatementTimeout(std::chrono::milliseconds(0));
  EXPECT_EQ(QueryInt(db(), "SELECT 2"), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

TEST(PostgresSession, IsPinnedToUtcAndNamed) {
  VIDEOBOT_REQUIRE_POSTGRES();
  FreshDatabase fresh(Backend::kPostgres);
  const auto rows =
      fresh.db().Query(sql::Query{"SELECT current_setting('TimeZone'), current_setting('application_name')", {}});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(rows[0][0]), "UTC");
  EXPECT_EQ(std::get<std::string>(rows[0][1]), "videobot");
}

TEST(PostgresSession, QueryJoinsAnOpenTransaction) {
  VIDEOBOT_REQUIRE_POSTGRES();
  FreshDatabase fresh(Backend::kPostgres);
  fresh.db().Execute("CREATE TABLE t (x bigint)");
  fresh.db().Begin();
  fresh.db().Execute("INSERT INTO t VALUES (5)");
  EXPECT_EQ(QueryInt(fresh.db(), "SELECT sum(x)::bigint FROM t"), 5);
  fresh.db().Commit();
  // Outside a transaction the query runs in its own read-only one.
  EXPECT_EQ(QueryInt(fresh.db(), "SELECT CASE WHEN current_setting('transaction_read_only') = 'on' THEN 1 ELSE 0 END"),
            1);
}

TEST(OpenTest, ConnectionErrorsNeverShowThePassword) {
  for (const std::string url : {"postgresql://alice:s3cr3t-pw@127.0.0.1:1/videos",
                                "host=127.0.0.1 port=1 user=alice password=s3cr3t-pw dbname=videos",
                                "postgresql://alice:s3cr3t%2Dpw@127.0.0.1:1/videos?connect_timeout=2",
                                "postgresql://127.0.0.1:1/videos?password=s3cr3t-pw&bogus_option=1"}) {
    try {
      Open(url);
      ADD_FAILURE() << "connected to " << url;
    } catch (const DatabaseError& error) {
      const std::string message = error.what();
      EXPECT_EQ(message.find("s3cr3t"), std::string::npos) << message;
      EXPECT_NE(message.find("PostgreSQL"), std::string::npos) << message;
    }
  }
}

TEST(OpenTest, ExistingModeNeverCreatesASqliteFile) {
  videobot::testing::TempDir dir;
  const std::string path = dir.path() + "/absent.db";
  try {
    Open("sqlite:" + path, OpenMode::kExisting);
    FAIL() << "opened a database that does not exist";
  } catch (const NotInitialisedError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("videobot load FILE"), std::string::npos) << message;
    EXPECT_NE(message.find(path), std::string::npos) << message;
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(OpenTest, ExistingModeLeavesAFileWithoutTablesUntouched) {
  videobot::testing::TempDir dir;
  const std::string path = dir.path() + "/empty.db";
  std::ofstream(path).close();
  EXPECT_THROW(Open("sqlite:" + path, OpenMode::kExisting), NotInitialisedError);
  EXPECT_EQ(std::filesystem::file_size(path), 0u);
  // A SQLite database with other tables only is not initialised either.
  const std::string other = dir.path() + "/other.db";
  Open("sqlite:" + other)->Execute("CREATE TABLE unrelated (x INTEGER)");
  EXPECT_THROW(Open("sqlite:" + other, OpenMode::kExisting), NotInitialisedError);
}

TEST(OpenTest, ExistingModeOpensAMigratedDatabase) {
  videobot::testing::TempDir dir;
  const std::string url = "sqlite:" + dir.path() + "/ready.db";
  Migrate(*Open(url, OpenMode::kCreate));
  EXPECT_EQ(QueryInt(*Open(url, OpenMode::kExisting), "SELECT count(*) FROM videos"), 0);
}

TEST(OpenTest, ExistingModeOnPostgresNeedsTheTables) {
  VIDEOBOT_REQUIRE_POSTGRES();
  FreshDatabase fresh(Backend::kPostgres);
  try {
    Open(fresh.url(), OpenMode::kExisting);
    FAIL() << "opened a database without tables";
  } catch (const NotInitialisedError& error) {
    EXPECT_NE(std::string(error.what()).find("videobot load FILE"), std::string::npos) << error.what();
  }
  Migrate(fresh.db());
  EXPECT_EQ(QueryInt(*Open(fresh.url(), OpenMode::kExisting), "SELECT count(*) FROM videos"), 0);
}

TEST(OpenTest, SqliteErrorsAreDatabaseErrors) {
  EXPECT_THROW(Open("sqlite:/nonexistent-dir/sub/x.db"), DatabaseError);
  EXPECT_THROW(Open("sqlite:"), DatabaseError);
}

TEST(ConnectionUrlTest, RecognisesSqliteUrls) {
  EXPECT_EQ(SqlitePath("sqlite:videobot.db"), "videobot.db");
  EXPECT_EQ(SqlitePath("sqlite:///tmp/x.db"), "/tmp/x.db");
  EXPECT_EQ(SqlitePath("postgresql://h/db"), std::nullopt);
}

TEST(ConnectionUrlTest, RedactsPasswords) {
  EXPECT_EQ(RedactUrl("postgresql://bob:hunter2@db:5432/v"), "postgresql://bob:***@db:5432/v");
  EXPECT_EQ(RedactUrl("host=db password='hunter 2' dbname=v"), "host=db password='***' dbname=v");
  EXPECT_EQ(RedactUrl("postgresql://db/v?password=hunter2&sslmode=disable"),
            "postgresql://db/v?password=***&sslmode=disable");
  EXPECT_EQ(RedactUrl("postgresql://bob@db/v"), "postgresql://bob@db/v");
  EXPECT_EQ(ScrubPassword("failed for p@ss", "postgresql://u:p%40ss@h/d"), "failed for ***");
}

}  // namespace
}  // namespace videobot::db::testing
