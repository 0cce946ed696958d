#include "db/load_sink.hpp"

#include "db/postgres_database.hpp"
#include "db/sqlite_database.hpp"

namespace videobot::db {

std::unique_ptr<LoadSink> MakeLoadSink(Database& database, bool replace) {
  if (auto* sqlite = dynamic_cast<SqliteDatabase*>(&database)) return MakeSqliteLoadSink(*sqlite, replace);
  if (auto* postgres = dynamic_cast<PostgresDatabase*>(&database)) return MakePostgresLoadSink(*postgres, replace);
  throw DatabaseError("the loader supports only the SQLite and PostgreSQL databases opened with db::Open");
}

}  // namespace videobot::db
