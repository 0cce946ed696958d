#include "telegram/bot_status.hpp"

#include <fmt/format.h>

namespace videobot::telegram {
namespace {

std::string FormatInstant(const std::optional<Instant>& instant) {
  if (!instant) return "—";
  return FormatDateTime(ToLocal(*instant, UtcOffset{0})).replace(10, 1, " ") + " UTC";
}

}  // namespace

std::string FormatStatus(const BotStatus& status, bool admin) {
  const DataCoverage& coverage = status.coverage;
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
  if (admin && !status.database_url.empty()) text += fmt::format("\nАдрес базы: {}", status.database_url);
  return text;
}

}  // namespace videobot::telegram
