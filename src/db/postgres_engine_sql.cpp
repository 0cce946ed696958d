// PostgreSQL's SQL in db/'s own statements: instants are timestamptz (bound as text and cast),
// day and hour boundaries are date_trunc in UTC, and temporary tables are analysed once filled so
// that the planner sees their real size.

#include <fmt/format.h>

#include "common/time.hpp"
#include "db/engine_sql.hpp"
#include "db/migration_files.hpp"

namespace videobot::db {
namespace {

// Key of the session-level advisory lock that serialises concurrent migrate runs ("vbot").
constexpr std::int64_t kAdvisoryLockKey = 0x76626f74;

// `instant` truncated to the start of its UTC `unit` ("day", "hour").
std::string TruncateUtc(std::string_view unit, std::string_view instant) {
  return fmt::format("date_trunc('{}', {} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'", unit, instant);
}

class PostgresEngineSql final : public TransactionalEngineSql {
 public:
  sql::Dialect dialect() const override { return sql::Dialect::kPostgres; }
  std::string_view migration_folder() const override { return "migrations/postgres/"; }
  std::string Placeholder(int index) const override { return "$" + std::to_string(index); }
  std::string_view TableExistsQuery() const override { return "SELECT 1 WHERE to_regclass($1::text) IS NOT NULL"; }
  // extract(epoch) is numeric, so the conversion is exact.
  std::string InstantAsMicros(std::string_view column) const override {
    return fmt::format("(extract(epoch FROM {}) * 1000000)::bigint", column);
  }

  std::string_view CreateMigrationsTable() const override {
    return "CREATE TABLE IF NOT EXISTS schema_migrations ("
           " version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,"
           " applied_at timestamptz NOT NULL DEFAULT now())";
  }
  sql::Query MigrationRecordedQuery(int version) const override {
    return {"SELECT 1 FROM schema_migrations WHERE version = $1::integer", {static_cast<std::int64_t>(version)}};
  }
  sql::Query RecordMigration(const MigrationFile& file) const override {
    return {"INSERT INTO schema_migrations (version, name, checksum) VALUES ($1::integer, $2, $3)",
            {static_cast<std::int64_t>(file.version), file.name, file.checksum}};
  }
  std::string LockMigrations() const override { return fmt::format("SELECT pg_advisory_lock({})", kAdvisoryLockKey); }
  std::string UnlockMigrations() const override {
    return fmt::format("SELECT pg_advisory_unlock({})", kAdvisoryLockKey);
  }

  std::string InsertIdsFromJson(std::string_view table) const override {
    return "INSERT INTO " + std::string(table) + " SELECT jsonb_array_elements_text($1::jsonb) ON CONFLICT DO NOTHING";
  }
  std::string AnalyzeAfterFill(std::string_view table) const override { return "ANALYZE " + std::string(table); }

  std::string_view InstantType() const override { return "timestamptz"; }
  std::string InstantPlaceholder(int index) const override { return Placeholder(index) + "::timestamptz"; }
  sql::Param InstantParam(Instant instant) const override { return FormatInstantSql(instant); }
  std::string StartOfDay(std::string_view instant) const override { return TruncateUtc("day", instant); }
  std::string StartOfHour(std::string_view instant) const override { return TruncateUtc("hour", instant); }
  std::string WholeHoursBetween(std::string_view earlier, std::string_view later) const override {
    return fmt::format("floor((extract(epoch FROM {}) - extract(epoch FROM {})) / 3600)::integer", later, earlier);
  }
  std::string PlusHours(std::string_view instant, int hours) const override {
    return fmt::format("{} + interval '{} hours'", instant, hours);
  }
  std::string PlusOneDay(std::string_view day) const override { return PlusHours(day, 24); }
};

}  // namespace

const TransactionalEngineSql& PostgresEngine() {
  static const PostgresEngineSql engine;
  return engine;
}

}  // namespace videobot::db
