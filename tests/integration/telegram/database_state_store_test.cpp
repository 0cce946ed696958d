// db::BotStateStore on SQLite and PostgreSQL (after the real migrations), behind the bot's
// StateStore interface through the adapter the CLI wires (app/database_state_store.hpp).
#include "app/database_state_store.hpp"

#include <gtest/gtest.h>

#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

#include "db/migrations.hpp"
#include "support/test_env.hpp"
#include "telegram/state_persister.hpp"

namespace videobot::telegram {
namespace {

using videobot::testing::ScratchPostgres;
using videobot::testing::TempDir;

using app::DatabaseStateStore;

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

// A write transaction held by another connection, as a load holds one for its whole duration.
class HeldWriteLock {
 public:
  explicit HeldWriteLock(const std::string& url) : writer_(db::Open(url)) { writer_->Begin(); }
  ~HeldWriteLock() {
    Join();
    Release();
  }
  HeldWriteLock(const HeldWriteLock&) = delete;
  HeldWriteLock& operator=(const HeldWriteLock&) = delete;

  /// Commits after `delay` on another thread; `released()` turns true just before the commit.
  void ReleaseAfter(std::chrono::milliseconds delay) {
    releaser_ = std::thread([this, delay] {
      std::this_thread::sleep_for(delay);
      Release();
    });
  }
  void Join() {
    if (releaser_.joinable()) releaser_.join();
  }
  bool released() const { return released_; }

 private:
  void Release() {
    std::lock_guard lock(mutex_);
    if (released_.exchange(true)) return;
    writer_->Commit();
  }

  std::unique_ptr<db::Database> writer_;
  std::mutex mutex_;
  std::atomic<bool> released_{false};
  std::thread releaser_;
};

db::ConnectionOptions BusyTimeout(std::chrono::milliseconds timeout) {
  db::ConnectionOptions options;
  options.sqlite_busy_timeout = timeout;
  return options;
}

// Generous: the lock is held for a fraction of a second, the machine may be slow.
constexpr auto kPatientTimeout = std::chrono::seconds(60);

std::string LogText(const std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt>& sink) {
  std::string text;
  for (const auto& line : sink->last_formatted()) text += line;
  return text;
}

bool WaitFor(const std::function<bool()>& condition) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

TEST(DatabaseStateStoreTest, ASaveWaitsForAnotherConnectionsWriteTransaction) {
  TempDir dir;
  const std::string url = "sqlite:" + dir.path() + "/state.db";
  Migrate(url);
  DatabaseStateStore store([url] { return db::Open(url, db::OpenMode::kExisting, BusyTimeout(kPatientTimeout)); });
  HeldWriteLock lock(url);
  lock.ReleaseAfter(std::chrono::milliseconds(300));
  EXPECT_NO_THROW(store.Save(kBot, {41, {43}}));
  EXPECT_TRUE(lock.released()) << "the save cannot have written while the other transaction was open";
  lock.Join();
  EXPECT_EQ(store.Load(kBot), (LedgerState{41, {43}}));
}

TEST(DatabaseStateStoreTest, WithoutABusyTimeoutTheSaveFailsAsBusy) {
  TempDir dir;
  const std::string url = "sqlite:" + dir.path() + "/state.db";
  Migrate(url);
  DatabaseStateStore store([url] { return db::Open(url, db::OpenMode::kExisting, BusyTimeout({})); });
  HeldWriteLock lock(url);
  try {
    store.Save(kBot, {41, {}});
    ADD_FAILURE() << "the save succeeded while another connection held the write lock";
  } catch (const StateStoreBusy& error) {
    EXPECT_NE(std::string(error.what()).find("database is locked"), std::string::npos) << error.what();
  }
}

class StatePersisterOnSqliteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = "sqlite:" + dir_.path() + "/state.db";
    Migrate(url_);
    sink_ = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(100);
    logger_ = std::make_shared<spdlog::logger>("state-test", sink_);
  }

  DatabaseStateStore Store(std::chrono::milliseconds busy_timeout) {
    return DatabaseStateStore(
        [url = url_, busy_timeout] { return db::Open(url, db::OpenMode::kExisting, BusyTimeout(busy_timeout)); });
  }

  bool Saved(std::int64_t offset) {
    DatabaseStateStore reader([url = url_] { return db::Open(url, db::OpenMode::kExisting); });
    return reader.Load(kBot).offset == offset;
  }

  TempDir dir_;
  std::string url_;
  std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> sink_;
  std::shared_ptr<spdlog::logger> logger_;
};

TEST_F(StatePersisterOnSqliteTest, ALoadsWriteTransactionDelaysTheSaveWithoutAWarning) {
  auto store = Store(kPatientTimeout);
  HeldWriteLock lock(url_);
  {
    StatePersister persister(store, kBot, logger_);
    persister.Submit(LedgerState{77, {}});
    lock.ReleaseAfter(std::chrono::milliseconds(300));
    ASSERT_TRUE(WaitFor([&] { return lock.released() && Saved(77); }));
    persister.Flush(StatePersister::Clock::now() + std::chrono::seconds(60));
  }
  lock.Join();
  EXPECT_EQ(LogText(sink_).find("state_save"), std::string::npos) << LogText(sink_);
}

TEST_F(StatePersisterOnSqliteTest, WithoutABusyTimeoutTheOldWarningShows) {
  auto store = Store(std::chrono::milliseconds(0));
  HeldWriteLock lock(url_);
  StatePersister persister(store, kBot, logger_, std::chrono::milliseconds(10), std::chrono::milliseconds(50),
                           std::chrono::milliseconds(0));
  persister.Submit(LedgerState{78, {}});
  ASSERT_TRUE(WaitFor([&] { return LogText(sink_).find("event=state_save_failed") != std::string::npos; }));
  EXPECT_NE(LogText(sink_).find("database is locked"), std::string::npos) << LogText(sink_);
  lock.ReleaseAfter(std::chrono::milliseconds(0));
  lock.Join();
  EXPECT_TRUE(WaitFor([&] { return Saved(78); }));
  persister.Flush(StatePersister::Clock::now() + std::chrono::seconds(60));
}

TEST_F(StatePersisterOnSqliteTest, ABusyDatabaseIsNotAWarningWithinTheLimit) {
  auto store = Store(std::chrono::milliseconds(0));
  HeldWriteLock lock(url_);
  StatePersister persister(store, kBot, logger_, std::chrono::milliseconds(10), std::chrono::milliseconds(50));
  persister.Submit(LedgerState{79, {}});
  ASSERT_TRUE(WaitFor([&] { return LogText(sink_).find("event=state_save_deferred") != std::string::npos; }));
  lock.ReleaseAfter(std::chrono::milliseconds(0));
  lock.Join();
  EXPECT_TRUE(WaitFor([&] { return Saved(79); }));
  persister.Flush(StatePersister::Clock::now() + std::chrono::seconds(60));
  EXPECT_EQ(LogText(sink_).find("state_save_failed"), std::string::npos) << LogText(sink_);
}

}  // namespace
}  // namespace videobot::telegram
