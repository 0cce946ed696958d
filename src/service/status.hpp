#pragma once
// What a running videobot is: version, engine, schema version, the data's coverage, the plan
// source mode and the database URL with its password masked. Read once by `videobot status` and
// the bot's /status; formatted in English for operators and in Russian for chat users.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.hpp"
#include "db/coverage.hpp"
#include "db/database.hpp"

namespace videobot::service {

/// A snapshot of the service's state.
struct Status {
  std::string version;           ///< common/version.hpp kVersion
  std::string engine;            ///< "SQLite" or "PostgreSQL"
  std::string planner;           ///< plan source mode: "rules", "llm", "auto", "verify"
  std::string database_url;      ///< password replaced by "***"
  int schema_version = 0;        ///< highest applied migration; 0 without a schema
  int known_schema_version = 0;  ///< newest migration this binary knows
  bool initialised = false;      ///< the data tables exist
  std::string not_initialised;   ///< why not (an operator-facing message), when !initialised
  db::Coverage coverage;         ///< meaningful when initialised
};

/// The parts of Status that do not come from the database.
struct StatusSettings {
  std::string planner;
  std::string database_url;  ///< as configured; masked in the result
  sql::Dialect dialect = sql::Dialect::kSqlite;
};

/// Reads the schema version and the coverage from `database` (a few small reads). A database
/// without the data tables gives `initialised == false`, not an exception. Throws DatabaseError
/// when the database fails.
Status ReadStatus(db::Database& database, const StatusSettings& settings);

/// The status of a database that could not be opened as initialised (a missing SQLite file,
/// no schema): `reason` is the operator-facing message.
Status UninitialisedStatus(const StatusSettings& settings, std::string reason);

/// The status for operators (`videobot status`), in English, one "key: value" per line; times
/// in the zone `offset` as ISO 8601.
std::string FormatStatusForOperator(const Status& status, UtcOffset offset);

/// The status for chat users (/status), in Russian, plain text. The database URL is included
/// only when `show_database_url` (administrators).
std::string FormatStatusForChat(const Status& status, UtcOffset offset, bool show_database_url);

}  // namespace videobot::service
