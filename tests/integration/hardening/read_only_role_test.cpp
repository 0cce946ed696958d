// The bot's database role (docs/security.md, "A read-only database role"): with exactly the
// grants the document gives, `videobot ask` answers, the bot's state table can be written, and
// every write to the data tables fails — through the library (DatabaseError) and through the CLI
// (`videobot load` exits 1) — leaving the rows intact.
#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <random>
#include <sstream>

#include "db/database.hpp"
#include "db/loader.hpp"
#include "db/migrations.hpp"
#include "support/generated_document.hpp"
#include "support/test_env.hpp"

namespace videobot::testing {
namespace {

std::string SmallDocument(std::uint64_t seed) { return GeneratedDocument({.videos = 8, .creators = 2, .seed = seed}); }

std::int64_t Int(db::Database& database, const std::string& sql) {
  return std::get<std::int64_t>(database.Query(sql::Query{sql, {}}).at(0).at(0));
}

// The statements docs/security.md gives for the role, for database `database` and role `role`.
std::string ReaderGrants(const std::string& role, const std::string& database) {
  return "CREATE ROLE " + role +
         " LOGIN;"
         "GRANT CONNECT ON DATABASE " +
         database + " TO " + role +
         ";"
         "GRANT USAGE ON SCHEMA public TO " +
         role +
         ";"
         "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " +
         role +
         ";"
         "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO " +
         role +
         ";"
         "GRANT INSERT, UPDATE, DELETE ON bot_state TO " +
         role +
         ";"
         "ALTER ROLE " +
         role + " SET statement_timeout = '10s';";
}

// `url` (postgresql://user@host:port/db) with another user name.
std::string WithUser(const std::string& url, const std::string& user) {
  const auto scheme = url.find("://");
  const auto at = url.find('@', scheme);
  return url.substr(0, scheme + 3) + user + url.substr(at);
}

class ReadOnlyRole : public ::testing::Test {
 protected:
  void SetUp() override {
    VIDEOBOT_REQUIRE_POSTGRES();
    scratch_.emplace();
    owner_ = db::Open(scratch_->url());
    db::Migrate(*owner_);
    std::istringstream input(SmallDocument(11));
    ASSERT_TRUE(db::Load(*owner_, input).has_value());
    role_ = "vb_reader_" + std::to_string(std::random_device{}() % 1000000);
    const std::string database = scratch_->url().substr(scratch_->url().rfind('/') + 1);
    owner_->Execute(ReaderGrants(role_, database));
    reader_url_ = WithUser(scratch_->url(), role_);
    videos_ = Int(*owner_, "SELECT COUNT(*) FROM videos");
    snapshots_ = Int(*owner_, "SELECT COUNT(*) FROM video_snapshots");
    ASSERT_GT(videos_, 0);
  }

  void TearDown() override {
    if (!owner_) return;
    try {
      owner_->Execute("DROP OWNED BY " + role_ + "; DROP ROLE IF EXISTS " + role_);
    } catch (const db::DatabaseError&) {
      // The throwaway cluster goes away at the end of the run anyway.
    }
  }

  void ExpectRowsIntact() {
    EXPECT_EQ(Int(*owner_, "SELECT COUNT(*) FROM videos"), videos_);
    EXPECT_EQ(Int(*owner_, "SELECT COUNT(*) FROM video_snapshots"), snapshots_);
  }

  std::optional<ScratchPostgres> scratch_;
  std::unique_ptr<db::Database> owner_;
  std::string role_;
  std::string reader_url_;
  std::int64_t videos_ = 0;
  std::int64_t snapshots_ = 0;
};

TEST_F(ReadOnlyRole, AskAnswers) {
  const auto result = RunProcess({BinaryPath(), "--db", reader_url_, "ask", "Сколько всего видео есть в системе?"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, std::to_string(videos_) + "\n") << result.err;
  const auto growth = RunProcess(
      {BinaryPath(), "--db", reader_url_, "ask", "На сколько просмотров в сумме выросли все видео 28 ноября 2025?"});
  EXPECT_EQ(growth.exit_code, 0) << growth.err;
}

TEST_F(ReadOnlyRole, WritesToTheDataTablesFail) {
  auto reader = db::Open(reader_url_);
  for (const char* statement : {
           "DELETE FROM videos",
           "DELETE FROM video_snapshots",
           "UPDATE videos SET views_count = 0",
           "INSERT INTO videos SELECT * FROM videos",
           "TRUNCATE videos CASCADE",
           "DROP TABLE video_snapshots",
           "ALTER TABLE videos ADD COLUMN x integer",
           "CREATE TABLE intruder (x integer)",
           "DELETE FROM schema_migrations",
       }) {
    EXPECT_THROW(reader->Execute(statement), db::DatabaseError) << statement;
  }
  ExpectRowsIntact();
}

TEST_F(ReadOnlyRole, TablesAddedByLaterMigrationsAreReadable) {
  owner_->Execute("CREATE TABLE later_rollup (x integer); INSERT INTO later_rollup VALUES (7)");
  auto reader = db::Open(reader_url_);
  EXPECT_EQ(Int(*reader, "SELECT x FROM later_rollup"), 7);
  EXPECT_THROW(reader->Execute("INSERT INTO later_rollup VALUES (8)"), db::DatabaseError);
}

TEST_F(ReadOnlyRole, TheStatementTimeoutComesWithTheRole) {
  auto reader = db::Open(reader_url_);
  const auto rows = reader->Query(sql::Query{"SELECT current_setting('statement_timeout')", {}});
  EXPECT_EQ(std::get<std::string>(rows.at(0).at(0)), "10s");
}

TEST_F(ReadOnlyRole, LoadExitsWithAnEnvironmentError) {
  TempDir dir;
  const std::string file = dir.path() + "/other.json";
  {
    std::ofstream out(file);
    out << SmallDocument(12);
  }
  const auto result = RunProcess({BinaryPath(), "--db", reader_url_, "load", file});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_NE(result.err.find("permission denied"), std::string::npos) << result.err;
  ExpectRowsIntact();
}

TEST_F(ReadOnlyRole, LoaderThroughTheLibraryFailsWithNothingWritten) {
  auto reader = db::Open(reader_url_);
  std::istringstream input(SmallDocument(13));
  EXPECT_THROW(static_cast<void>(db::Load(*reader, input)), db::DatabaseError);
  ExpectRowsIntact();
}

TEST_F(ReadOnlyRole, TheBotCanKeepItsStateAndCheckMigrations) {
  auto reader = db::Open(reader_url_);
  // `videobot bot` checks migrations at start; with the schema up to date that is read-only.
  EXPECT_TRUE(db::Migrate(*reader).empty());
  reader->Begin();
  reader->Execute(
      sql::Query{"INSERT INTO bot_state (name, value) VALUES ($1, $2::bigint) "
                 "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                 {std::string("telegram_offset:1"), std::int64_t{42}}});
  reader->Execute(sql::Query{"DELETE FROM bot_state WHERE name LIKE $1", {std::string("telegram_done:%")}});
  reader->Commit();
  EXPECT_EQ(Int(*owner_, "SELECT value FROM bot_state WHERE name = 'telegram_offset:1'"), 42);
}

}  // namespace
}  // namespace videobot::testing
