// SQLite's SQL in db/'s own statements: instants are INTEGER microseconds since the epoch (UTC),
// so day and hour boundaries are integer arithmetic (floored also before 1970).

#include <fmt/format.h>

#include "common/time.hpp"
#include "db/engine_sql.hpp"
#include "db/migration_files.hpp"

namespace videobot::db {
namespace {

constexpr std::int64_t kMicrosPerHour = 3600000000;
constexpr std::int64_t kMicrosPerDay = 86400000000;

// `instant` rounded down to a multiple of `unit` microseconds.
std::string FloorTo(std::string_view instant, std::int64_t unit) {
  return fmt::format("{0} - (({0} % {1}) + {1}) % {1}", instant, unit);
}

class SqliteEngineSql final : public TransactionalEngineSql {
 public:
  sql::Dialect dialect() const override { return sql::Dialect::kSqlite; }
  std::string_view migration_folder() const override { return "migrations/sqlite/"; }
  std::string Placeholder(int index) const override { return "?" + std::to_string(index); }
  std::string_view TableExistsQuery() const override {
    return "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1";
  }
  std::string InstantAsMicros(std::string_view column) const override { return std::string(column); }

  std::string_view CreateMigrationsTable() const override {
    return "CREATE TABLE IF NOT EXISTS schema_migrations ("
           " version INTEGER PRIMARY KEY NOT NULL, name TEXT NOT NULL, checksum TEXT NOT NULL,"
           " applied_at INTEGER NOT NULL) STRICT";
  }
  sql::Query MigrationRecordedQuery(int version) const override {
    return {"SELECT 1 FROM schema_migrations WHERE version = ?1", {static_cast<std::int64_t>(version)}};
  }
  sql::Query RecordMigration(const MigrationFile& file) const override {
    return {"INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?1, ?2, ?3, ?4)",
            {static_cast<std::int64_t>(file.version), file.name, file.checksum, SystemClock().Now()}};
  }

  std::string InsertIdsFromJson(std::string_view table) const override {
    return "INSERT OR IGNORE INTO " + std::string(table) + " SELECT value FROM json_each(?1)";
  }

  std::string_view InstantType() const override { return "INTEGER"; }
  std::string InstantPlaceholder(int index) const override { return Placeholder(index); }
  sql::Param InstantParam(Instant instant) const override { return instant; }
  std::string StartOfDay(std::string_view instant) const override { return FloorTo(instant, kMicrosPerDay); }
  std::string StartOfHour(std::string_view instant) const override { return FloorTo(instant, kMicrosPerHour); }
  std::string WholeHoursBetween(std::string_view earlier, std::string_view later) const override {
    return fmt::format("({} - {}) / {}", later, earlier, kMicrosPerHour);
  }
  std::string PlusHours(std::string_view instant, int hours) const override {
    return fmt::format("{} + {} * {}", instant, hours, kMicrosPerHour);
  }
  std::string PlusOneDay(std::string_view day) const override { return fmt::format("{} + {}", day, kMicrosPerDay); }
};

}  // namespace

const TransactionalEngineSql& SqliteEngine() {
  static const SqliteEngineSql engine;
  return engine;
}

}  // namespace videobot::db
