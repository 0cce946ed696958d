#pragma once
// Decides what an incoming update asks for, before anything is computed. The rules (also in
// README.md):
//   - updates other than "message" and "callback_query" are ignored;
//   - messages from bots, and commands addressed to another bot (/help@other_bot), are ignored;
//   - in a group or supergroup only messages addressed to the bot count: a mention of
//     @username, a command (/ask вопрос, /ask@username вопрос, /help …), or a reply to one of the
//     bot's own messages; everything else is ignored ("group_chatter");
//   - a message without text gets a short reply in a private chat and is ignored in groups;
//   - text that is not well-formed UTF-8 (or holds U+FFFD, what repaired bytes become), empty
//     text, and text over 4096 characters get a short reply and are not computed;
//   - /start and /help get the help text (in groups: how to address the bot), /explain <question>
//     an explanation, /status the bot's status, other commands a hint (ignored in groups unless
//     they name the bot);
//   - any other text is a question, with mentions and a leading address («Бот, …») removed;
//   - a press on «Как посчитано?» explains the question the answer replied to.

#include <cstdint>
#include <string>
#include <string_view>

#include "telegram/addressing.hpp"
#include "telegram/bot_api_types.hpp"

namespace videobot::telegram {

/// callback_data of the «Как посчитано?» button under a numeric answer.
inline constexpr std::string_view kExplainButtonData = "explain";

/// callback_data of the «Показать числа» button under a series chart.
inline constexpr std::string_view kNumbersButtonData = "numbers";

/// What to do with an update.
enum class UpdateAction {
  kIgnore,         ///< no reply
  kReply,          ///< send `text` as it is
  kAnswer,         ///< answer the question in `text`
  kExplain,        ///< explain the question in `text`
  kStatus,         ///< send the bot's status
  kButtonExplain,  ///< a button press: explain the question in `text`, then answer the callback
  kButtonNumbers,  ///< a button press: send the series of the question in `text` as numbers
  kButtonNotice,   ///< a button press that only gets `text` as the callback's notice
};

struct Classification {
  UpdateAction action = UpdateAction::kIgnore;
  std::string outcome;  ///< stable code for the log: "question", "help", "not_text", "too_long" …
  std::string text;     ///< the reply (kReply, kButtonNotice) or the question (kAnswer, kExplain …)
};

/// True for "group" and "supergroup" chats.
bool IsGroupChat(const Chat& chat);

/// Classifies `update` for the bot `bot` (from getMe). Never throws.
Classification ClassifyUpdate(const Update& update, const BotIdentity& bot);

}  // namespace videobot::telegram
