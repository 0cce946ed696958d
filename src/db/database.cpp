#include "db/database.hpp"

#include <filesystem>
#include <system_error>

#include "db/clickhouse_database.hpp"
#include "db/clickhouse_url.hpp"
#include "db/connection_url.hpp"
#include "db/engine_sql.hpp"
#include "db/load_sink.hpp"
#include "db/migrations.hpp"
#include "db/postgres_database.hpp"
#include "db/schema_state.hpp"
#include "db/sqlite_database.hpp"

namespace videobot::db {
namespace {

bool FileExists(const std::string& path) {
  std::error_code error;
  return std::filesystem::exists(path, error);
}

}  // namespace

const EngineSql& Database::engine() const { return EngineOf(dialect()); }

std::vector<AppliedMigration> Database::ApplyMigrations() { return MigrateWithBookkeeping(*this); }

std::unique_ptr<LoadSink> Database::MakeLoadSink(bool replace) {
  static_cast<void>(replace);
  throw DatabaseError("this database has no bulk loader: only the databases opened with db::Open can be loaded");
}

std::unique_ptr<Database> Open(const std::string& url, OpenMode mode, const ConnectionOptions& options) {
  if (auto path = SqlitePath(url)) {
    if (path->empty()) throw DatabaseError("SQLite: empty path in database URL «sqlite:»");
    if (mode != OpenMode::kCreate && *path != ":memory:" && !FileExists(*path)) {
      throw NotInitialisedError(MissingDatabaseFileMessage(*path));
    }
    return std::make_unique<SqliteDatabase>(*path, mode, options.sqlite_busy_timeout);
  }
  if (auto problem = CheckUrlForm(url)) throw DatabaseError(*problem);
  if (IsClickHouseUrl(url)) {
    std::string problem;
    const auto parsed = ParseClickHouseUrl(url, problem);
    if (!parsed) throw DatabaseError(problem);
    auto clickhouse = std::make_unique<ClickHouseDatabase>(*parsed, RedactUrl(url));
    if (mode != OpenMode::kCreate) RequireReadableSchema(*clickhouse, mode == OpenMode::kCurrent);
    return clickhouse;
  }
  auto database = std::make_unique<PostgresDatabase>(url);
  if (mode != OpenMode::kCreate) RequireReadableSchema(*database, mode == OpenMode::kCurrent);
  return database;
}

}  // namespace videobot::db
