#include "llm/system_prompt.hpp"

#include <fmt/format.h>
#include <array>
#include <utility>
#include <vector>

#include "common/time.hpp"

namespace videobot::embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& llm_prompts();
}

namespace videobot::llm {
namespace {

constexpr std::array<std::string_view, 7> kWeekdays{"понедельник", "вторник", "среда",      "четверг",
                                                    "пятница",     "суббота", "воскресенье"};

std::string_view TrimTrailingNewlines(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string_view SystemPromptTemplate() {
  for (const auto& [path, text] : embedded::llm_prompts()) {
    if (path == "prompts/system_ru.md") return text;
  }
  return {};
}

std::string BuildSystemPrompt(const plan::TimeContext& context) {
  const DateTime local = ToLocal(context.now, context.offset);
  const int seconds = local.seconds_of_day;
  return fmt::format(
      "{}\n\n## Текущий момент\n\nСейчас {} ({}), {:02}:{:02} по местному времени; часовой пояс UTC{}. "
      "Даты и время в плане записывай в этом часовом поясе.\n",
      TrimTrailingNewlines(SystemPromptTemplate()), FormatDate(local.date),
      kWeekdays[static_cast<std::size_t>(IsoWeekday(local.date) - 1)], seconds / 3600, seconds % 3600 / 60,
      FormatUtcOffset(context.offset));
}

}  // namespace videobot::llm
