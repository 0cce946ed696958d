#pragma once
// What /status shows: the version, the database engine and schema, the loaded data and the plan
// source. The application reads it on each /status (BotDependencies::status) and hands it over
// as plain values; the database URL, password already masked, is shown to administrators only.

#include <cstdint>
#include <optional>
#include <string>

#include "common/time.hpp"

namespace videobot::telegram {

/// What the loaded data covers, as /status shows it. Instants are UTC.
struct DataCoverage {
  std::int64_t videos = 0;
  std::int64_t snapshots = 0;
  std::optional<Instant> first_measured;  ///< earliest measurement
  std::optional<Instant> last_measured;   ///< latest measurement
  std::optional<Instant> loaded_at;       ///< when the last load committed
};

/// The bot's status at one moment.
struct BotStatus {
  std::string version;                 ///< videobot::kVersion
  std::string engine;                  ///< "PostgreSQL", "SQLite" or "ClickHouse"
  std::optional<std::int64_t> schema;  ///< the newest applied migration; nullopt when unknown
  DataCoverage coverage;               ///< videos, snapshots, measured range, last load
  std::string plan_source;             ///< "rules", "llm", "auto", "verify"
  std::string database_url;            ///< the configured URL with its password masked
};

/// The status as Russian plain text; the database URL only when `admin`. Instants are shown in
/// UTC as "YYYY-MM-DD HH:MM:SS UTC".
std::string FormatStatus(const BotStatus& status, bool admin);

}  // namespace videobot::telegram
