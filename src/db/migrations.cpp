#include "db/migrations.hpp"

#include <algorithm>
#include <map>

#include "common/time.hpp"
#include "db/migration_files.hpp"
#include "db/schema_state.hpp"

namespace videobot::db {
namespace {

// Key of the session-level advisory lock that serialises concurrent migrate runs ("vbot").
constexpr std::int64_t kAdvisoryLockKey = 0x76626f74;

constexpr std::string_view kCreatePostgres =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,"
    " applied_at timestamptz NOT NULL DEFAULT now())";
constexpr std::string_view kCreateSqlite =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY NOT NULL, name TEXT NOT NULL, checksum TEXT NOT NULL,"
    " applied_at INTEGER NOT NULL) STRICT";

struct Recorded {
  std::string name;
  std::string checksum;
};

bool IsPostgres(const Database& database) { return database.dialect() == sql::Dialect::kPostgres; }

// Holds the PostgreSQL advisory lock for the duration of a migrate run. SQLite needs none: its
// writers are serialised by BEGIN IMMEDIATE and each migration re-checks its bookkeeping row.
class MigrationLock {
 public:
  explicit MigrationLock(Database& database) : database_(database) {
    if (IsPostgres(database_)) database_.Execute("SELECT pg_advisory_lock(" + std::to_string(kAdvisoryLockKey) + ")");
  }
  ~MigrationLock() {
    if (!IsPostgres(database_)) return;
    try {
      database_.Execute("SELECT pg_advisory_unlock(" + std::to_string(kAdvisoryLockKey) + ")");
    } catch (const DatabaseError&) {
      // The lock is released with the session anyway.
    }
  }
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

 private:
  Database& database_;
};

std::string AsText(const Value& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  return "";
}

bool BookkeepingTableExists(Database& database) {
  if (database.dialect() == sql::Dialect::kClickHouse) return TableExists(database, "schema_migrations");
  const char* sql = IsPostgres(database)
                        ? "SELECT 1 WHERE to_regclass('schema_migrations') IS NOT NULL"
                        : "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
  return !database.Query(sql::Query{sql, {}}).empty();
}

std::map<int, Recorded> ReadRecorded(Database& database) {
  std::map<int, Recorded> out;
  for (const auto& row : database.Query(sql::Query{"SELECT version, name, checksum FROM schema_migrations", {}})) {
    if (row.size() != 3 || !std::holds_alternative<std::int64_t>(row[0])) {
      throw MigrationError("schema_migrations has an unexpected shape");
    }
    out[static_cast<int>(std::get<std::int64_t>(row[0]))] = Recorded{AsText(row[1]), AsText(row[2])};
  }
  return out;
}

void Verify(const std::map<int, Recorded>& recorded, const std::vector<MigrationFile>& files) {
  for (const auto& [version, applied] : recorded) {
    const auto file =
        std::find_if(files.begin(), files.end(), [wanted = version](const auto& f) { return f.version == wanted; });
    if (file == files.end()) {
      const int known = files.empty() ? 0 : files.back().version;
      const int newest = recorded.rbegin()->first;
      throw MigrationError(version > known ? SchemaTooNewMessage(newest, known)
                                           : "the database has migration " + std::to_string(version) + " (" +
                                                 applied.name + ") that this videobot does not know");
    }
    if (file->checksum != applied.checksum) {
      throw MigrationError("migration " + file->name + " was changed after it was applied: recorded checksum " +
                           applied.checksum + ", embedded file " + file->checksum);
    }
  }
}

bool IsRecorded(Database& database, int version) {
  const bool postgres = IsPostgres(database);
  const auto rows = database.Query(sql::Query{postgres ? "SELECT 1 FROM schema_migrations WHERE version = $1::integer"
                                                       : "SELECT 1 FROM schema_migrations WHERE version = ?1",
                                              {static_cast<std::int64_t>(version)}});
  return !rows.empty();
}

void Record(Database& database, const MigrationFile& file) {
  if (IsPostgres(database)) {
    database.Execute(sql::Query{"INSERT INTO schema_migrations (version, name, checksum) VALUES ($1::integer, $2, $3)",
                                {static_cast<std::int64_t>(file.version), file.name, file.checksum}});
  } else {
    database.Execute(
        sql::Query{"INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?1, ?2, ?3, ?4)",
                   {static_cast<std::int64_t>(file.version), file.name, file.checksum, SystemClock().Now()}});
  }
}

// Applies one migration with its bookkeeping row in one transaction; false when another run
// applied it meanwhile.
bool Apply(Database& database, const MigrationFile& file) {
  database.Begin();
  try {
    if (IsRecorded(database, file.version)) {
      database.Rollback();
      return false;
    }
    database.Execute(file.sql);
    Record(database, file);
    database.Commit();
    return true;
  } catch (...) {
    database.Rollback();
    throw;
  }
}

}  // namespace

SchemaVersions ReadSchemaVersions(Database& database) {
  SchemaVersions versions;
  const auto files = EmbeddedMigrations(database.dialect());
  if (!files.empty()) versions.known = files.back().version;
  if (!BookkeepingTableExists(database)) return versions;
  for (const auto& [version, recorded] : ReadRecorded(database)) versions.applied = std::max(versions.applied, version);
  return versions;
}

std::vector<AppliedMigration> Migrate(Database& database) { return database.ApplyMigrations(); }

std::vector<AppliedMigration> MigrateWithBookkeeping(Database& database) {
  const auto files = EmbeddedMigrations(database.dialect());
  MigrationLock lock(database);
  // Creating the table only when it is missing lets a role without CREATE rights (the bot's
  // read-only role, docs/security.md) check an up-to-date schema.
  if (!BookkeepingTableExists(database)) database.Execute(IsPostgres(database) ? kCreatePostgres : kCreateSqlite);
  const auto recorded = ReadRecorded(database);
  Verify(recorded, files);
  std::vector<AppliedMigration> applied;
  for (const auto& file : files) {
    if (recorded.contains(file.version)) continue;
    if (Apply(database, file)) applied.push_back(AppliedMigration{file.version, file.name});
  }
  return applied;
}

}  // namespace videobot::db
