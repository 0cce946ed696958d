#pragma once
// The SQLite implementation of Database (internal to db/). Timestamps are stored as INTEGER
// microseconds since the Unix epoch (UTC); the connection runs in WAL mode with foreign keys on.

#include <sqlite3.h>

#include <chrono>
#include <memory>
#include <string>

#include "db/database.hpp"

namespace videobot::db {

/// A prepared statement, finalized on destruction.
class SqliteStatement {
 public:
  /// Prepares exactly one statement. Throws DatabaseError.
  SqliteStatement(sqlite3* handle, std::string_view sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  sqlite3_stmt* get() const { return statement_; }
  /// Binds parameter `index` (1-based). Throws DatabaseError.
  void Bind(int index, std::int64_t value);
  void Bind(int index, std::string_view value);
  /// Steps once; true when a row is available, false when done. Throws DatabaseError.
  bool Step();
  /// Resets for the next execution (bindings are kept and overwritten by the next Bind).
  void Reset();

 private:
  sqlite3* handle_;
  sqlite3_stmt* statement_ = nullptr;
};

/// A database in one SQLite file.
class SqliteDatabase final : public Database {
 public:
  /// Opens the database file at `path`; with OpenMode::kCreate a missing file is created, with
  /// kExisting the file is left untouched unless it holds the data tables (NotInitialisedError).
  /// Statements wait up to `busy_timeout` for locks held by other connections. Throws
  /// DatabaseError.
  SqliteDatabase(const std::string& path, OpenMode mode,
                 std::chrono::milliseconds busy_timeout = kDefaultSqliteBusyTimeout);
  ~SqliteDatabase() override;
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  sql::Dialect dialect() const override { return sql::Dialect::kSqlite; }
  const EngineSql& engine() const override;
  std::vector<Row> Query(const sql::Query& query) override;
  void Execute(std::string_view statements) override;
  void Execute(const sql::Query& statement) override;
  void Begin() override;
  void Commit() override;
  void Rollback() override;
  void SetStatementTimeout(std::chrono::milliseconds timeout) override;
  std::unique_ptr<LoadSink> MakeLoadSink(bool replace) override;

  /// The raw handle, for the bulk loader.
  sqlite3* handle() const { return handle_; }

  /// While suspended, statements run without the statement timeout (a bulk load may take
  /// minutes; the timeout is meant for questions).
  void SuspendStatementTimeout(bool suspended) { timeout_suspended_ = suspended; }

 private:
  friend class SqliteStatement;
  friend class StatementDeadline;
  static int OnProgress(void* self);
  void Bind(SqliteStatement& statement, const sql::Query& query);

  sqlite3* handle_ = nullptr;
  std::chrono::milliseconds timeout_{0};
  std::chrono::steady_clock::time_point deadline_{};
  bool deadline_armed_ = false;
  bool timeout_suspended_ = false;
};

/// Throws DatabaseError for result code `rc` of a call on `handle` that did `what`: a
/// QueryTimeoutError for an interrupted statement, a ValueOutOfRangeError for an integer
/// overflow, a DatabaseBusyError for a lock still held when the busy timeout ran out. The message names the result
/// code, never the statement or SQLite's own message.
[[noreturn]] void ThrowSqliteError(sqlite3* handle, int rc, std::string_view what);

}  // namespace videobot::db
