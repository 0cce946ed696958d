#pragma once
// Cheap checks of what schema a database has, for opening read-only commands and for reading
// the coverage (internal to db/).

#include <string>
#include <string_view>

#include "db/database.hpp"

namespace videobot::db {

/// True when `table` exists (one catalogue read). Throws DatabaseError.
bool TableExists(Database& database, std::string_view table);

/// Throws NotInitialisedError unless the data tables exist, SchemaTooNewError when the
/// database has a migration newer than the newest this binary embeds, and — when `current` —
/// NotInitialisedError when it lacks one this binary embeds. Throws DatabaseError.
void RequireReadableSchema(Database& database, bool current = false);

/// The NotInitialisedError message for a database at `database_version` read by a binary whose
/// newest migration is `known_version`.
std::string SchemaOutdatedMessage(int database_version, int known_version);

/// The SchemaTooNewError message for a database at `database_version` read by a binary that
/// knows migrations up to `known_version`.
std::string SchemaTooNewMessage(int database_version, int known_version);

/// The NotInitialisedError message for a SQLite file that does not exist.
std::string MissingDatabaseFileMessage(std::string_view path);

/// The NotInitialisedError message for a database without the data tables.
std::string NoDataTablesMessage();

/// The NotInitialisedError message for a schema older than the migration that adds `table`.
std::string OutdatedSchemaMessage(std::string_view table);

}  // namespace videobot::db
