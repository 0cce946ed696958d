#pragma once
// How a message addresses the bot, and the question left once the address is removed: a mention
// of @username anywhere («сколько видео @vb_bot?»), a vocative at the start («Бот, …»,
// «videobot: …», «@vb_bot — …»), a command /ask or /explain. Pure functions, no I/O.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "telegram/bot_api_types.hpp"

namespace videobot::telegram {

/// Who the bot is (from getMe).
struct BotIdentity {
  std::int64_t id = 0;
  std::string username;    ///< without '@'
  std::string first_name;  ///< the display name, e.g. "Videobot"
};

/// True when `text` holds "@username" (case-insensitive) as a whole mention, not as the prefix of
/// a longer username.
bool MentionsBot(std::string_view text, std::string_view username);

/// `text` with every whole mention of "@username" removed (with a "," or ":" right after it),
/// runs of spaces collapsed and the ends trimmed.
std::string RemoveMentions(std::string_view text, std::string_view username);

/// `text` without a leading address: «бот», «ботик», «videobot», the bot's username (with or
/// without '@') or first name, in any letter case, followed by ",", ":", "—", "–" or "-"
/// (repeated addresses are all removed). Text without such a start is returned trimmed.
std::string_view StripAddress(std::string_view text, const BotIdentity& bot);

/// The question a message asks once the address is gone: mentions removed, a leading address
/// stripped, and for "/ask …" or "/explain …" (also "@username"-suffixed) the argument. nullopt
/// for another command or a message without text.
std::optional<std::string> QuestionOf(const Message& message, const BotIdentity& bot);

}  // namespace videobot::telegram
