#include "app/chat_commands.hpp"

#include "telegram/addressing.hpp"

namespace videobot::app {
namespace {

constexpr std::string_view kSpaces = " \t\r\n";

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(kSpaces);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(kSpaces);
  return text.substr(first, last - first + 1);
}

}  // namespace

ChatLine ParseChatLine(std::string_view line) {
  const std::string_view text = Trim(line);
  if (text.empty()) return {};
  // A leading address («Бот, …», «videobot: …») is not part of the question, as in the bot.
  if (text.front() != '/') return ChatLine{ChatLine::Kind::kQuestion, std::string(telegram::StripAddress(text, {}))};
  const auto word_end = text.find_first_of(kSpaces);
  std::string_view command = text.substr(0, word_end);
  const std::string_view rest = word_end == std::string_view::npos ? std::string_view{} : Trim(text.substr(word_end));
  if (const auto at = command.find('@'); at != std::string_view::npos) command = command.substr(0, at);
  if (command == "/help" || command == "/start") return ChatLine{ChatLine::Kind::kHelp, {}};
  if (command == "/explain") return ChatLine{ChatLine::Kind::kExplain, std::string(telegram::StripAddress(rest, {}))};
  if (command == "/status") return ChatLine{ChatLine::Kind::kStatus, {}};
  if (command == "/quit" || command == "/exit") return ChatLine{ChatLine::Kind::kQuit, {}};
  return ChatLine{ChatLine::Kind::kUnknown, std::string(command)};
}

}  // namespace videobot::app
