#include "db/schema_state.hpp"

namespace videobot::db {
namespace {

// What every message ends with: the one command that makes a database usable.
constexpr std::string_view kHowToFix = "загрузите данные командой `videobot load FILE` (она применяет миграции)";

}  // namespace

bool TableExists(Database& database, std::string_view table) {
  const bool postgres = database.dialect() == sql::Dialect::kPostgres;
  const char* sql = postgres ? "SELECT 1 WHERE to_regclass($1::text) IS NOT NULL"
                             : "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1";
  return !database.Query(sql::Query{sql, {std::string(table)}}).empty();
}

void RequireDataTables(Database& database) {
  if (!TableExists(database, "videos")) throw NotInitialisedError(NoDataTablesMessage());
}

std::string MissingDatabaseFileMessage(std::string_view path) {
  return "база данных не инициализирована: файла «" + std::string(path) + "» нет; " + std::string(kHowToFix);
}

std::string NoDataTablesMessage() {
  return "база данных не инициализирована: в ней нет таблиц с данными; " + std::string(kHowToFix);
}

std::string OutdatedSchemaMessage(std::string_view table) {
  return "схема базы данных устарела (нет таблицы " + std::string(table) +
         "): выполните `videobot migrate` или " + std::string(kHowToFix);
}

}  // namespace videobot::db
