#include "db/coverage.hpp"

#include <string>

#include "db/engine_sql.hpp"
#include "db/schema_state.hpp"

namespace videobot::db {
namespace {

constexpr std::string_view kTable = "data_coverage";

// Timestamps come back as integer microseconds on every engine.
std::string ReadStatement(const EngineSql& engine) {
  std::string columns = "videos, snapshots";
  for (const char* instant :
       {"first_measured_at", "last_measured_at", "first_published_at", "last_published_at", "loaded_at"}) {
    columns += ", " + engine.InstantAsMicros(instant);
  }
  return "SELECT " + columns + " FROM data_coverage WHERE id = 1";
}

// Each min/max is its own subquery so that each reads one end of an index (SQLite optimises
// only a lone min() or max()); the counts walk the primary keys once per load.
std::string RefreshStatement(const TransactionalEngineSql& engine) {
  const std::string loaded_at = engine.InstantPlaceholder(1);
  return "INSERT INTO data_coverage (id, videos, snapshots, first_measured_at, last_measured_at, first_published_at,"
         " last_published_at, loaded_at) SELECT 1, (SELECT count(*) FROM videos),"
         " (SELECT count(*) FROM video_snapshots), (SELECT min(created_at) FROM video_snapshots),"
         " (SELECT max(created_at) FROM video_snapshots), (SELECT min(video_created_at) FROM videos),"
         " (SELECT max(video_created_at) FROM videos), " +
         loaded_at +
         " ON CONFLICT (id) DO UPDATE SET videos = excluded.videos, snapshots = excluded.snapshots,"
         " first_measured_at = excluded.first_measured_at, last_measured_at = excluded.last_measured_at,"
         " first_published_at = excluded.first_published_at, last_published_at = excluded.last_published_at,"
         " loaded_at = excluded.loaded_at";
}

std::int64_t Count(const Value& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) return *number;
  throw DatabaseError("the coverage row holds an unreadable count");
}

std::optional<Instant> Moment(const Value& value) {
  if (std::holds_alternative<std::monostate>(value)) return std::nullopt;
  if (const auto* number = std::get_if<std::int64_t>(&value)) return *number;
  throw DatabaseError("the coverage row holds an unreadable instant");
}

}  // namespace

Coverage ReadCoverage(Database& database) {
  if (!TableExists(database, kTable)) {
    if (!TableExists(database, "videos")) throw NotInitialisedError(NoDataTablesMessage());
    throw NotInitialisedError(OutdatedSchemaMessage(kTable));
  }
  const auto rows = database.Query(sql::Query{ReadStatement(database.engine()), {}});
  if (rows.size() != 1 || rows[0].size() != 7) {
    throw DatabaseError("the coverage row is missing: `videobot load FILE` writes it again");
  }
  const Row& row = rows[0];
  Coverage coverage;
  coverage.videos = Count(row[0]);
  coverage.snapshots = Count(row[1]);
  coverage.first_measured = Moment(row[2]);
  coverage.last_measured = Moment(row[3]);
  coverage.first_published = Moment(row[4]);
  coverage.last_published = Moment(row[5]);
  coverage.loaded_at = Moment(row[6]);
  return coverage;
}

void RefreshCoverage(Database& database, Instant loaded_at) {
  const TransactionalEngineSql& engine = TransactionalSql(database);
  database.Execute(sql::Query{RefreshStatement(engine), {engine.InstantParam(loaded_at)}});
}

}  // namespace videobot::db
