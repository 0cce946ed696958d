#include "db/schema_state.hpp"

#include "db/engine_sql.hpp"
#include "db/migration_files.hpp"

namespace videobot::db {
namespace {

// What every message ends with: the one command that makes a database usable.
constexpr std::string_view kHowToFix = "загрузите данные командой `videobot load FILE` (она применяет миграции)";

}  // namespace

bool TableExists(Database& database, std::string_view table) {
  const std::string_view query = database.engine().TableExistsQuery();
  return !database.Query(sql::Query{std::string(query), {std::string(table)}}).empty();
}

void RequireReadableSchema(Database& database, bool current) {
  if (!TableExists(database, "videos")) throw NotInitialisedError(NoDataTablesMessage());
  if (!TableExists(database, "schema_migrations")) return;
  const auto rows = database.Query(sql::Query{"SELECT max(version) FROM schema_migrations", {}});
  if (rows.size() != 1 || rows[0].size() != 1 || !std::holds_alternative<std::int64_t>(rows[0][0])) return;
  const auto newest = std::get<std::int64_t>(rows[0][0]);
  const auto files = EmbeddedMigrations(database.dialect());
  const int known = files.empty() ? 0 : files.back().version;
  if (newest > known) throw SchemaTooNewError(SchemaTooNewMessage(static_cast<int>(newest), known));
  if (current && newest < known) throw NotInitialisedError(SchemaOutdatedMessage(static_cast<int>(newest), known));
}

std::string SchemaOutdatedMessage(int database_version, int known_version) {
  return "схема базы данных устарела: версия " + std::to_string(database_version) +
         ", этот videobot работает с версией " + std::to_string(known_version) +
         "; выполните `videobot migrate` (или " + std::string(kHowToFix) + ")";
}

std::string SchemaTooNewMessage(int database_version, int known_version) {
  return "the database schema is at version " + std::to_string(database_version) +
         ", newer than this videobot knows (version " + std::to_string(known_version) +
         "): it was migrated by a newer videobot; run that version (or a newer one), or restore a backup "
         "taken before the upgrade";
}

std::string MissingDatabaseFileMessage(std::string_view path) {
  return "база данных не инициализирована: файла «" + std::string(path) + "» нет; " + std::string(kHowToFix);
}

std::string NoDataTablesMessage() {
  return "база данных не инициализирована: в ней нет таблиц с данными; " + std::string(kHowToFix);
}

std::string OutdatedSchemaMessage(std::string_view table) {
  return "схема базы данных устарела (нет таблицы " + std::string(table) + "): выполните `videobot migrate` или " +
         std::string(kHowToFix);
}

}  // namespace videobot::db
