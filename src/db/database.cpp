#include "db/database.hpp"

#include "db/connection_url.hpp"
#include "db/postgres_database.hpp"
#include "db/sqlite_database.hpp"

namespace videobot::db {

std::unique_ptr<Database> Open(const std::string& url) {
  if (auto path = SqlitePath(url)) {
    if (path->empty()) throw DatabaseError("SQLite: empty path in database URL «sqlite:»");
    return std::make_unique<SqliteDatabase>(*path);
  }
  return std::make_unique<PostgresDatabase>(url);
}

}  // namespace videobot::db
