// DatabaseStateStore on SQLite and PostgreSQL (after the real migrations).
#include "telegram/database_state_store.hpp"

#include <gtest/gtest.h>

#include <atomic>

#include "db/migrations.hpp"
#include "support/test_env.hpp"

namespace videobot::telegram {
namespace {

using videobot::testing::ScratchPostgres;
using videobot::testing::TempDir;

std::vector<db::Row> StateRows(const std::string& url) {
  auto database = db::Open(url);
  sql::Query query;
  query.text = "SELECT name, value FROM bot_state ORDER BY name";
  query.shape = sql::Shape::kRows;
  return database->Query(query);
}

void ExerciseStore(const std::string& url) {
  {
    auto database = db::Open(url);
    db::Migrate(*database);
  }
  DatabaseStateStore store([url] { return db::Open(url); });
  EXPECT_EQ(store.Load(), LedgerState{});
  store.Save({100, {102, 105}});
  store.Save({100, {102, 105, 106}});
  EXPECT_EQ(store.Load(), (LedgerState{100, {102, 105, 106}}));
  store.Save({103, {105, 106}});
  store.Save({107, {}});
  EXPECT_EQ(store.Load(), (LedgerState{107, {}}));
  // Only the offset row is left.
  const auto rows = StateRows(url);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(rows[0][0]), "telegram_offset");
  EXPECT_EQ(std::get<std::int64_t>(rows[0][1]), 107);

  // A second store (a restarted bot) sees the same state, and a stale done row is cleaned up.
  store.Save({110, {111}});
  DatabaseStateStore restarted([url] { return db::Open(url); });
  EXPECT_EQ(restarted.Load(), (LedgerState{110, {111}}));
  restarted.Save({112, {}});
  EXPECT_EQ(StateRows(url).size(), 1u);
}

TEST(DatabaseStateStoreTest, SqliteRoundTrip) {
  TempDir dir;
  ExerciseStore("sqlite:" + dir.path() + "/state.db");
}

TEST(DatabaseStateStoreTest, PostgresRoundTrip) {
  VIDEOBOT_REQUIRE_POSTGRES();
  ScratchPostgres database;
  ExerciseStore(database.url());
}

TEST(DatabaseStateStoreTest, RecoversAfterTheDatabaseComesBack) {
  TempDir dir;
  const std::string url = "sqlite:" + dir.path() + "/state.db";
  {
    auto database = db::Open(url);
    db::Migrate(*database);
  }
  std::atomic<bool> down{true};
  DatabaseStateStore store([&]() -> std::unique_ptr<db::Database> {
    if (down) throw db::DatabaseError("connection refused");
    return db::Open(url);
  });
  EXPECT_THROW(store.Load(), db::DatabaseError);
  EXPECT_THROW(store.Save({5, {7}}), db::DatabaseError);
  down = false;
  store.Save({5, {7}});
  EXPECT_EQ(store.Load(), (LedgerState{5, {7}}));
}

TEST(DatabaseStateStoreTest, AMissingTableIsAnEnvironmentError) {
  TempDir dir;
  const std::string url = "sqlite:" + dir.path() + "/empty.db";
  DatabaseStateStore store([url] { return db::Open(url); });
  EXPECT_THROW(store.Load(), EnvironmentError);
  EXPECT_THROW(store.Save({1, {}}), EnvironmentError);
}

}  // namespace
}  // namespace videobot::telegram
