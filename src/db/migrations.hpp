#pragma once
// Versioned, forward-only schema migrations (migrations/<dialect>/NNNN_name.sql, embedded in the
// binary), applied in order, each in its own transaction, recorded with a checksum.

#include <string>
#include <vector>

#include "db/database.hpp"

namespace videobot::db {

struct AppliedMigration {
  int version = 0;
  std::string name;  ///< e.g. "0001_init"
};

/// An applied migration's recorded checksum differs from the embedded file, or the database
/// has a migration this binary does not know.
class MigrationError : public EnvironmentError {
 public:
  using EnvironmentError::EnvironmentError;
};

/// The schema version a database has (the highest applied migration; 0 without any) and the
/// newest one this binary knows.
struct SchemaVersions {
  int applied = 0;
  int known = 0;
};

/// Reads the applied migrations (two small reads; no writes). Throws DatabaseError.
SchemaVersions ReadSchemaVersions(Database& database);

/// Applies pending migrations; returns those applied by this call (empty when up to date).
/// The backend decides how (Database::ApplyMigrations). Throws MigrationError or DatabaseError.
std::vector<AppliedMigration> Migrate(Database& database);

/// The migrations of a transactional backend (SQLite, PostgreSQL): the embedded files of its
/// dialect, each applied in its own transaction and recorded in schema_migrations; PostgreSQL
/// runs hold an advisory lock. The default of Database::ApplyMigrations. Throws MigrationError or
/// DatabaseError.
std::vector<AppliedMigration> MigrateWithBookkeeping(Database& database);

}  // namespace videobot::db
