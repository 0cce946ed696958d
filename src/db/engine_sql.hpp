#pragma once
// The SQL of one database engine wherever db/'s own statements (migrations, schema checks,
// coverage, rollups, replacing loads, the bot's state) differ between engines (internal to db/).
// Each engine has one implementation, in its own file (sqlite_engine_sql.cpp,
// postgres_engine_sql.cpp, clickhouse_engine_sql.cpp), and each backend returns it from
// Database::engine(); the code that uses it never compares dialects. The compiler's SQL for
// questions is not here: that is sql/compiler.cpp's.

#include <string>
#include <string_view>

#include "common/time.hpp"
#include "db/database.hpp"
#include "sql/query.hpp"

namespace videobot::db {

struct MigrationFile;  // db/migration_files.hpp
class TransactionalEngineSql;

/// What every engine answers.
class EngineSql {
 public:
  virtual ~EngineSql() = default;

  /// The dialect the compiler targets for this engine.
  virtual sql::Dialect dialect() const = 0;
  /// The folder of the engine's embedded migrations, e.g. "migrations/sqlite/".
  virtual std::string_view migration_folder() const = 0;
  /// The placeholder of parameter `index` (1-based) in a statement: "$1", "?1".
  virtual std::string Placeholder(int index) const = 0;
  /// A query that returns one row when the table named by its text parameter 1 exists.
  virtual std::string_view TableExistsQuery() const = 0;
  /// The instant column `column` read as integer microseconds since the epoch (UTC).
  virtual std::string InstantAsMicros(std::string_view column) const = 0;

  /// Capability: the SQL of migrations and loads that run inside the engine's transactions
  /// (schema_migrations bookkeeping, rollups, replacing loads, the coverage refresh). Null for an
  /// engine whose backend migrates and loads its own way (ClickHouse: migrations on every host,
  /// staged tables switched in by RENAME, no rollups).
  virtual const TransactionalEngineSql* transactional() const { return nullptr; }
};

/// What an engine with transactions (SQLite, PostgreSQL) adds: the pieces of the statements of
/// migrations.cpp, rollups.cpp, replacement.cpp and coverage.cpp.
class TransactionalEngineSql : public EngineSql {
 public:
  const TransactionalEngineSql* transactional() const final { return this; }

  /// CREATE TABLE IF NOT EXISTS schema_migrations (version, name, checksum, applied_at).
  virtual std::string_view CreateMigrationsTable() const = 0;
  /// A query that returns one row when migration `version` is recorded.
  virtual sql::Query MigrationRecordedQuery(int version) const = 0;
  /// The statement that records `file` as applied now.
  virtual sql::Query RecordMigration(const MigrationFile& file) const = 0;
  /// The statements taken before and after a migrate run so that concurrent runs wait for each
  /// other; empty when the engine serialises them otherwise (SQLite: BEGIN IMMEDIATE).
  virtual std::string LockMigrations() const { return {}; }
  virtual std::string UnlockMigrations() const { return {}; }

  /// An INSERT that adds the ids of the JSON array bound as parameter 1 to `table` (one text
  /// column with a primary key), skipping ids already there.
  virtual std::string InsertIdsFromJson(std::string_view table) const = 0;
  /// The statement that gives the planner the real size of the temporary table `table` just
  /// filled, or empty when the engine needs none (only PostgreSQL plans with such statistics).
  virtual std::string AnalyzeAfterFill(std::string_view table) const {
    static_cast<void>(table);
    return {};
  }

  /// The column type of an instant: "timestamptz", "INTEGER".
  virtual std::string_view InstantType() const = 0;
  /// The placeholder of instant parameter `index` (1-based) and the value bound to it.
  virtual std::string InstantPlaceholder(int index) const = 0;
  virtual sql::Param InstantParam(Instant instant) const = 0;
  /// The UTC midnight, and the start of the UTC hour, of the instant expression `instant`.
  virtual std::string StartOfDay(std::string_view instant) const = 0;
  virtual std::string StartOfHour(std::string_view instant) const = 0;
  /// The whole hours from `earlier` to `later` (both instant expressions, `later` not before).
  virtual std::string WholeHoursBetween(std::string_view earlier, std::string_view later) const = 0;
  /// The instant `hours` hours after `instant`, and one day after the UTC midnight `day`.
  virtual std::string PlusHours(std::string_view instant, int hours) const = 0;
  virtual std::string PlusOneDay(std::string_view day) const = 0;
};

/// The engines' SQL, one object each.
const TransactionalEngineSql& SqliteEngine();
const TransactionalEngineSql& PostgresEngine();
const EngineSql& ClickHouseEngine();

/// The engine whose compiler dialect is `dialect` (what Database::engine() returns for a test
/// double that only names its dialect; the embedded migrations of a dialect).
const EngineSql& EngineOf(sql::Dialect dialect);

/// Runs the engine's AnalyzeAfterFill of `table`, if it has one. Throws DatabaseError.
void AnalyzeAfterFill(Database& database, std::string_view table);

/// The transactional SQL of `database`'s engine. Throws std::logic_error for an engine without
/// transactions: only their backends reach the code that asks.
const TransactionalEngineSql& TransactionalSql(const Database& database);

}  // namespace videobot::db
