// Database::Query runs read-only even for the owner of the tables: a data-modifying statement
// passed through it fails with DatabaseError and changes nothing. PostgreSQL runs it in a
// READ ONLY transaction; SQLite refuses statements that sqlite3_stmt_readonly says would write.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <sstream>

#include "db/database.hpp"
#include "db/loader.hpp"
#include "db/migrations.hpp"
#include "support/generated_document.hpp"
#include "support/test_env.hpp"

namespace videobot::testing {
namespace {

enum class Engine { kSqlite, kPostgres };

std::string SmallDocument() { return GeneratedDocument({.videos = 5, .creators = 2, .seed = 5}); }

std::int64_t Int(db::Database& database, const std::string& sql) {
  return std::get<std::int64_t>(database.Query(sql::Query{sql, {}}).at(0).at(0));
}

class QueryReadOnly : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    if (GetParam() == Engine::kPostgres) {
      VIDEOBOT_REQUIRE_POSTGRES();
      scratch_.emplace();
      url_ = scratch_->url();
    } else {
      dir_.emplace();
      url_ = "sqlite:" + dir_->path() + "/data.db";
    }
    database_ = db::Open(url_);
    db::Migrate(*database_);
    std::istringstream input(SmallDocument());
    ASSERT_TRUE(db::Load(*database_, input).has_value());
    videos_ = Int(*database_, "SELECT COUNT(*) FROM videos");
  }

  bool postgres() const { return GetParam() == Engine::kPostgres; }

  void ExpectRefused(const std::string& text) {
    EXPECT_THROW(database_->Query(sql::Query{text, {}, sql::Shape::kRows}), db::DatabaseError) << text;
    EXPECT_EQ(Int(*database_, "SELECT COUNT(*) FROM videos"), videos_) << text;
    // The connection stays usable after the refusal.
    EXPECT_EQ(Int(*database_, "SELECT 1"), 1) << text;
  }

  std::optional<ScratchPostgres> scratch_;
  std::optional<TempDir> dir_;
  std::string url_;
  std::unique_ptr<db::Database> database_;
  std::int64_t videos_ = 0;
};

TEST_P(QueryReadOnly, DataModifyingStatementsAreRefused) {
  ExpectRefused("DELETE FROM videos");
  ExpectRefused("DELETE FROM video_snapshots RETURNING id");
  ExpectRefused("UPDATE videos SET views_count = 0 RETURNING id");
  ExpectRefused("INSERT INTO bot_state (name, value) VALUES ('x', 1) RETURNING value");
  ExpectRefused("DROP TABLE video_snapshots");
  ExpectRefused("CREATE TABLE intruder (x integer)");
  ExpectRefused("SELECT 1; DELETE FROM videos");
  if (postgres()) {
    ExpectRefused("WITH gone AS (DELETE FROM video_snapshots RETURNING 1) SELECT COUNT(*) FROM gone");
    ExpectRefused("SELECT id FROM videos FOR UPDATE");
    ExpectRefused("TRUNCATE videos CASCADE");
    ExpectRefused("SELECT nextval('intruder_seq')");
  } else {
    ExpectRefused("REPLACE INTO bot_state (name, value) VALUES ('x', 1)");
    ExpectRefused("PRAGMA user_version = 7");
  }
}

TEST_P(QueryReadOnly, AttachIsRefused) {
  // sqlite3_stmt_readonly() counts ATTACH as read-only (it changes the connection, not the file);
  // the connection allows no attached database at all, so it cannot create a file either.
  const std::string other = (dir_ ? dir_->path() : std::filesystem::temp_directory_path().string()) + "/attached.db";
  ExpectRefused("ATTACH DATABASE '" + other + "' AS other");
  if (!postgres()) {
    EXPECT_FALSE(std::filesystem::exists(other));
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, QueryReadOnly, ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         [](const ::testing::TestParamInfo<Engine>& param) {
                           return param.param == Engine::kPostgres ? "Postgres" : "Sqlite";
                         });

}  // namespace
}  // namespace videobot::testing
