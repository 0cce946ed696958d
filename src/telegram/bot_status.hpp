#pragma once
// What /status shows: the version, the database engine and schema, the loaded data and the plan
// source. Read from the database on each /status (one small read of the coverage row and one of
// the migrations table); the database URL is shown, password masked, to administrators only.

#include <cstdint>
#include <optional>
#include <string>

#include "common/time.hpp"
#include "db/coverage.hpp"
#include "db/database.hpp"

namespace videobot::telegram {

/// The bot's status at one moment.
struct BotStatus {
  std::string version;                 ///< videobot::kVersion
  std::string engine;                  ///< "PostgreSQL" or "SQLite"
  std::optional<std::int64_t> schema;  ///< the newest applied migration; nullopt when unknown
  db::Coverage coverage;               ///< videos, snapshots, measured range, last load
  std::string plan_source;             ///< "rules", "llm", "auto", "verify"
  std::string database_url;            ///< the configured URL (unmasked: FormatStatus masks it)
};

/// Reads the status from `database`. Throws db::DatabaseError (or NotInitialisedError).
BotStatus ReadBotStatus(db::Database& database, std::string plan_source, std::string database_url);

/// The status as Russian plain text; the database URL, password masked, only when `admin`.
/// Instants are shown in UTC as "YYYY-MM-DD HH:MM:SS UTC".
std::string FormatStatus(const BotStatus& status, bool admin);

}  // namespace videobot::telegram
