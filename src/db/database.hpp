#pragma once
// The database interface: run compiled read-only queries, apply migrations, load data.
// Implementations: SQLite (embedded, default), PostgreSQL (libpq) and ClickHouse (HTTP). Each
// backend is one class that answers for its own dialect, engine SQL, migrations and bulk writer, so
// nothing dispatches on the concrete type or compares dialects. Nothing outside db/ includes sqlite3.h or libpq-fe.h.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/error.hpp"
#include "sql/query.hpp"

namespace videobot::db {

class LoadSink;           // db/load_sink.hpp (internal to db/)
class EngineSql;          // db/engine_sql.hpp (internal to db/)
struct AppliedMigration;  // db/migrations.hpp

/// A result cell.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;
using Row = std::vector<Value>;

/// The database is unreachable, a statement failed, or a timeout fired.
class DatabaseError : public EnvironmentError {
 public:
  using EnvironmentError::EnvironmentError;
};

/// A statement ran longer than the configured statement timeout and was cancelled.
class QueryTimeoutError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

/// The database has no schema: a SQLite file that does not exist, or no tables. The message
/// says how to fix it (`videobot load FILE`) and holds no SQL or driver text.
class NotInitialisedError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

/// SQLite: the database stayed locked by another connection (a load, a migration) for longer
/// than the busy timeout (ConnectionOptions::sqlite_busy_timeout). Retrying later may succeed.
class DatabaseBusyError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

/// The database's schema is newer than this binary knows (migrations applied by a newer
/// videobot). The message names both versions and says what to do.
class SchemaTooNewError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

/// A statement failed because a value left the range the engine computes exactly (a sum past
/// the 64-bit integer range). The message holds no SQL or driver text.
class ValueOutOfRangeError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

class Database {
 public:
  virtual ~Database() = default;

  /// The SQL dialect the compiler must target.
  virtual sql::Dialect dialect() const = 0;

  /// The engine's SQL for db/'s own statements (db/engine_sql.hpp). Each backend returns its
  /// engine's; the default (test doubles) returns the engine of dialect().
  virtual const EngineSql& engine() const;

  /// Runs a compiled query in a read-only transaction and returns all rows. Throws DatabaseError.
  virtual std::vector<Row> Query(const sql::Query& query) = 0;

  /// Runs one or more statements that return nothing (migrations, bookkeeping). Throws DatabaseError.
  virtual void Execute(std::string_view statements) = 0;

  /// Runs a parameterised statement that returns nothing. Throws DatabaseError.
  virtual void Execute(const sql::Query& statement) = 0;

  /// Transaction control for multi-statement work (migrations, the loader, the bot's offset).
  virtual void Begin() = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;

  /// Cancels any later statement that runs longer than `timeout` (zero: no limit, the default);
  /// the statement then throws QueryTimeoutError. Both real backends implement it; the default
  /// (for test doubles) ignores the setting. Throws DatabaseError.
  virtual void SetStatementTimeout(std::chrono::milliseconds timeout) { static_cast<void>(timeout); }

  /// Applies this backend's pending embedded migrations (what db::Migrate does). The default,
  /// which SQLite and PostgreSQL use, records them in a schema_migrations table, each in its own
  /// transaction; a backend without transactions overrides it. Throws MigrationError or
  /// DatabaseError.
  virtual std::vector<AppliedMigration> ApplyMigrations();

  /// The loader's bulk writer for this backend (db/load_sink.hpp), made inside the load's open
  /// transaction; with `replace` the load makes the document the whole truth. The default (test
  /// doubles) throws DatabaseError: such a database cannot be loaded.
  virtual std::unique_ptr<LoadSink> MakeLoadSink(bool replace);
};

/// How Open treats a database that is not there yet.
enum class OpenMode {
  /// Commands that build the schema (migrate, load): a missing SQLite file is created.
  kCreate,
  /// Commands that only read (ask, run-plan, chat, bot): nothing is created. A SQLite file that
  /// does not exist, or a database without the data tables, is a NotInitialisedError; a schema
  /// newer than this binary knows is a SchemaTooNewError.
  kExisting,
  /// Commands that answer questions (ask, chat, explain): as kExisting, and a schema with
  /// migrations still to apply is a NotInitialisedError naming `videobot migrate` — its queries
  /// could read tables that are not there yet.
  kCurrent,
};

/// The default of ConnectionOptions::sqlite_busy_timeout (setting VIDEOBOT_SQLITE_BUSY_TIMEOUT_MS).
inline constexpr std::chrono::milliseconds kDefaultSqliteBusyTimeout{5000};

/// How a connection behaves beyond what its URL says.
struct ConnectionOptions {
  /// SQLite: how long a statement waits for a lock held by another connection (a load, a
  /// migration, the bot saving its offset) before failing with DatabaseBusyError; zero fails at
  /// once. Ignored by PostgreSQL, whose row locks do not block between loads and readers.
  std::chrono::milliseconds sqlite_busy_timeout = kDefaultSqliteBusyTimeout;
};

/// Opens a database from a URL: "sqlite:PATH", or anything else is a libpq URI/conninfo
/// ("postgresql://…", "host=… dbname=…"). PostgreSQL sessions are pinned to UTC.
/// Throws NotInitialisedError (kExisting only, see OpenMode), or DatabaseError when the
/// database cannot be opened.
std::unique_ptr<Database> Open(const std::string& url, OpenMode mode = OpenMode::kCreate,
                               const ConnectionOptions& options = {});

}  // namespace videobot::db
