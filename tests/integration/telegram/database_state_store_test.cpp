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

constexpr std::int64_t kBot = 123456;
constexpr std::int64_t kOtherBot = 777;

std::vector<std::pair<std::string, std::int64_t>> StateRows(const std::string& url) {
  auto database = db::Open(url);
  sql::Query query;
  query.text = "SELECT name, value FROM bot_state ORDER BY name";
  query.shape = sql::Shape::kRows;
  std::vector<std::pair<std::string, std::int64_t>> rows;
  for (const auto& row : database->Query(query)) {
    rows.emplace_back(std::get<std::string>(row[0]), std::get<std::int64_t>(row[1]));
  }
  return rows;
}

void Migrate(const std::string& url) {
  auto database = db::Open(url);
  db::Migrate(*database);
}

void ExerciseStore(const std::string& url) {
  Migrate(url);
  DatabaseStateStore store([url] { return db::Open(url); });
  EXPECT_EQ(store.Load(kBot), LedgerState{});
  store.Save(kBot, {100, {102, 105}});
  store.Save(kBot, {100, {102, 105, 106}});
  EXPECT_EQ(store.Load(kBot), (LedgerState{100, {102, 105, 106}}));
  EXPECT_EQ(StateRows(url).size(), 4u);
  store.Save(kBot, {103, {105, 106}});
  store.Save(kBot, {107, {}});
  EXPECT_EQ(store.Load(kBot), (LedgerState{107, {}}));
  // Only the offset row is left.
  EXPECT_EQ(StateRows(url), (std::vector<std::pair<std::string, std::int64_t>>{{"telegram_offset:123456", 107}}));

  // A second store (a restarted bot) sees the same state, and stale rows are cleaned up.
  store.Save(kBot, {110, {111}});
  DatabaseStateStore restarted([url] { return db::Open(url); });
  EXPECT_EQ(restarted.Load(kBot), (LedgerState{110, {111}}));
  restarted.Save(kBot, {112, {}});
  EXPECT_EQ(StateRows(url).size(), 1u);

  // Another bot on the same database has a state of its own.
  EXPECT_EQ(restarted.Load(kOtherBot), LedgerState{});
  restarted.Save(kOtherBot, {5, {7}});
  EXPECT_EQ(restarted.Load(kBot), (LedgerState{112, {}}));
  EXPECT_EQ(restarted.Load(kOtherBot), (LedgerState{5, {7}}));
  restarted.Save(kBot, {113, {}});
  EXPECT_EQ(restarted.Load(kOtherBot), (LedgerState{5, {7}}));
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
  Migrate(url);
  std::atomic<bool> down{true};
  DatabaseStateStore store([&]() -> std::unique_ptr<db::Database> {
    if (down) throw db::DatabaseError("connection refused");
    return db::Open(url);
  });
  EXPECT_THROW(store.Load(kBot), db::DatabaseError);
  EXPECT_THROW(store.Save(kBot, {5, {7}}), db::DatabaseError);
  down = false;
  store.Save(kBot, {5, {7}});
  EXPECT_EQ(store.Load(kBot), (LedgerState{5, {7}}));
}

TEST(DatabaseStateStoreTest, AMissingTableIsAnEnvironmentError) {
  TempDir dir;
  const std::string url = "sqlite:" + dir.path() + "/empty.db";
  DatabaseStateStore store([url] { return db::Open(url); });
  EXPECT_THROW(store.Load(kBot), EnvironmentError);
  EXPECT_THROW(store.Save(kBot, {1, {}}), EnvironmentError);
}

}  // namespace
}  // namespace videobot::telegram
