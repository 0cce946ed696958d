#include "db/migrations.hpp"

#include <algorithm>
#include <map>

#include "db/engine_sql.hpp"
#include "db/migration_files.hpp"
#include "db/schema_state.hpp"

namespace videobot::db {
namespace {

struct Recorded {
  std::string name;
  std::string checksum;
};

// Holds the engine's migration lock for the duration of a migrate run (PostgreSQL: an advisory
// lock). SQLite needs none: its writers are serialised by BEGIN IMMEDIATE and each migration
// re-checks its bookkeeping row.
class MigrationLock {
 public:
  explicit MigrationLock(Database& database) : database_(database) {
    const std::string lock = TransactionalSql(database_).LockMigrations();
    if (!lock.empty()) database_.Execute(lock);
  }
  ~MigrationLock() {
    const std::string unlock = TransactionalSql(database_).UnlockMigrations();
    if (unlock.empty()) return;
    try {
      database_.Execute(unlock);
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

bool BookkeepingTableExists(Database& database) { return TableExists(database, "schema_migrations"); }

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
  return !database.Query(TransactionalSql(database).MigrationRecordedQuery(version)).empty();
}

void Record(Database& database, const MigrationFile& file) {
  database.Execute(TransactionalSql(database).RecordMigration(file));
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
  if (!BookkeepingTableExists(database)) database.Execute(TransactionalSql(database).CreateMigrationsTable());
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
