#include "service/status.hpp"

#include <fmt/format.h>

#include <vector>

#include "common/version.hpp"
#include "db/connection_url.hpp"
#include "db/migrations.hpp"
#include "service/coverage_guard.hpp"
#include "service/explanation.hpp"

namespace videobot::service {
namespace {

Status BaseStatus(const StatusSettings& settings) {
  Status status;
  status.version = std::string(kVersion);
  status.engine = std::string(sql::EngineName(settings.dialect));
  status.planner = settings.planner;
  status.database_url = db::RedactUrl(settings.database_url);
  return status;
}

std::string IsoOrNone(const std::optional<Instant>& instant, UtcOffset offset) {
  return instant ? FormatIsoInZone(*instant, offset) : "none";
}

std::string RussianMomentOrNone(const std::optional<Instant>& instant, UtcOffset offset) {
  return instant ? FormatMoment(*instant, offset) : "нет";
}

}  // namespace

Status ReadStatus(db::Database& database, const StatusSettings& settings) {
  Status status = BaseStatus(settings);
  const auto versions = db::ReadSchemaVersions(database);
  status.schema_version = versions.applied;
  status.known_schema_version = versions.known;
  try {
    status.coverage = db::ReadCoverage(database);
    status.initialised = true;
  } catch (const db::NotInitialisedError& error) {
    status.not_initialised = error.what();
  }
  return status;
}

Status UninitialisedStatus(const StatusSettings& settings, std::string reason) {
  Status status = BaseStatus(settings);
  status.not_initialised = std::move(reason);
  return status;
}

std::string FormatStatusForOperator(const Status& status, UtcOffset offset) {
  std::vector<std::string> lines;
  lines.push_back(fmt::format("version: {}", status.version));
  lines.push_back(fmt::format("engine: {}", status.engine));
  lines.push_back(fmt::format("database: {}", status.database_url));
  lines.push_back(
      fmt::format("schema version: {} (this binary knows {})", status.schema_version, status.known_schema_version));
  lines.push_back(fmt::format("planner: {}", status.planner));
  if (!status.initialised) {
    lines.emplace_back("data: not initialised (`videobot load FILE` creates the schema and loads data)");
    return fmt::format("{}", fmt::join(lines, "\n"));
  }
  const auto& c = status.coverage;
  lines.push_back(fmt::format("videos: {}", c.videos));
  lines.push_back(fmt::format("snapshots: {}", c.snapshots));
  lines.push_back(
      fmt::format("measured: {} .. {}", IsoOrNone(c.first_measured, offset), IsoOrNone(c.last_measured, offset)));
  lines.push_back(
      fmt::format("published: {} .. {}", IsoOrNone(c.first_published, offset), IsoOrNone(c.last_published, offset)));
  lines.push_back(fmt::format("last load: {}", IsoOrNone(c.loaded_at, offset)));
  return fmt::format("{}", fmt::join(lines, "\n"));
}

std::string FormatStatusForChat(const Status& status, UtcOffset offset, bool show_database_url) {
  std::vector<std::string> lines;
  lines.push_back(fmt::format("Версия: {}", status.version));
  lines.push_back(fmt::format("База данных: {}", status.engine));
  if (show_database_url) lines.push_back(fmt::format("Адрес базы: {}", status.database_url));
  lines.push_back(fmt::format("Версия схемы: {}", status.schema_version));
  lines.push_back(fmt::format("Разбор вопросов: {}", status.planner));
  if (!status.initialised) {
    lines.emplace_back("Данные не загружены.");
    return fmt::format("{}", fmt::join(lines, "\n"));
  }
  const auto& c = status.coverage;
  const std::string zone = ZoneLabel(offset);
  lines.push_back(fmt::format("Видео: {}", GroupDigits(c.videos)));
  lines.push_back(fmt::format("Замеров: {}", GroupDigits(c.snapshots)));
  if (c.first_measured && c.last_measured) {
    lines.push_back(fmt::format("Замеры: с {} по {} ({})", FormatMoment(*c.first_measured, offset),
                                FormatMoment(*c.last_measured, offset), zone));
  } else {
    lines.emplace_back("Замеры: нет");
  }
  lines.push_back(fmt::format("Последняя загрузка: {}{}", RussianMomentOrNone(c.loaded_at, offset),
                              c.loaded_at ? fmt::format(" ({})", zone) : ""));
  return fmt::format("{}", fmt::join(lines, "\n"));
}

}  // namespace videobot::service
