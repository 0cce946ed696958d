#include "db/engine_sql.hpp"

#include <stdexcept>

namespace videobot::db {

const EngineSql& EngineOf(sql::Dialect dialect) {
  switch (dialect) {
    case sql::Dialect::kPostgres: return PostgresEngine();
    case sql::Dialect::kClickHouse: return ClickHouseEngine();
    case sql::Dialect::kSqlite: break;
  }
  return SqliteEngine();
}

const TransactionalEngineSql& TransactionalSql(const Database& database) {
  const TransactionalEngineSql* sql = database.engine().transactional();
  if (sql == nullptr) {
    throw std::logic_error(std::string(sql::EngineName(database.dialect())) +
                           " has no transactional migrations or loads");
  }
  return *sql;
}

void AnalyzeAfterFill(Database& database, std::string_view table) {
  const std::string statement = TransactionalSql(database).AnalyzeAfterFill(table);
  if (!statement.empty()) database.Execute(statement);
}

}  // namespace videobot::db
