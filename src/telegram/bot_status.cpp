#include "telegram/bot_status.hpp"

#include <fmt/format.h>

#include <variant>

#include "common/version.hpp"
#include "db/connection_url.hpp"

namespace videobot::telegram {
namespace {

std::optional<std::int64_t> SchemaVersion(db::Database& database) {
  const auto rows = database.Query(sql::Query{"SELECT MAX(version) FROM schema_migrations", {}});
  if (rows.empty() || rows.front().empty()) return std::nullopt;
  if (const auto* version = std::get_if<std::int64_t>(&rows.front().front())) return *version;
  return std::nullopt;
}

std::string FormatInstant(const std::optional<Instant>& instant) {
  if (!instant) return "—";
  return FormatDateTime(ToLocal(*instant, UtcOffset{0})).replace(10, 1, " ") + " UTC";
}

}  // namespace

BotStatus ReadBotStatus(db::Database& database, std::string plan_source, std::string database_url) {
  BotStatus status;
  status.version = std::string(kVersion);
  status.engine = std::string(sql::EngineName(database.dialect()));
  status.schema = SchemaVersion(database);
  status.coverage = db::ReadCoverage(database);
  status.plan_source = std::move(plan_source);
  status.database_url = std::move(database_url);
  return status;
}

std::string FormatStatus(const BotStatus& status, bool admin) {
  const db::Coverage& coverage = status.coverage;
  std::string text = fmt::format("videobot {}\n", status.version);
  text += fmt::format("База данных: {}, схема {}\n", status.engine,
                      status.schema ? fmt::format("версии {}", *status.schema) : std::string("неизвестной версии"));
  text += fmt::format("Видео: {}, замеров: {}\n", coverage.videos, coverage.snapshots);
  if (coverage.first_measured && coverage.last_measured) {
    text += fmt::format("Замеры: с {} по {}\n", FormatInstant(coverage.first_measured),
                        FormatInstant(coverage.last_measured));
  } else {
    text += "Замеры: нет\n";
  }
  text += fmt::format("Последняя загрузка: {}\n", FormatInstant(coverage.loaded_at));
  text += fmt::format("Источник планов: {}", status.plan_source.empty() ? "—" : status.plan_source);
  if (admin && !status.database_url.empty())
    text += fmt::format("\nАдрес базы: {}", db::RedactUrl(status.database_url));
  return text;
}

}  // namespace videobot::telegram
