#pragma once
// Decides what an incoming update asks for, before anything is computed. The rules (also in
// README.md):
//   - updates other than "message" (edited messages, channel posts …) are ignored;
//   - messages from bots, and commands addressed to another bot (/help@other_bot), are ignored;
//   - a message without text gets a short reply in a private chat and is ignored in groups;
//   - text that is not well-formed UTF-8 (or holds U+FFFD, what repaired bytes become), empty
//     text, and text over 4096 characters get a short reply and are not computed;
//   - /start and /help get the help text, /explain <question> an explanation, other commands a hint;
//   - any other text is a question.

#include <string>
#include <string_view>

#include "telegram/bot_api_types.hpp"

namespace videobot::telegram {

/// What to do with an update.
enum class UpdateAction {
  kIgnore,   ///< no reply
  kReply,    ///< send `text` as it is
  kAnswer,   ///< answer the question in `text`
  kExplain,  ///< explain the question in `text`
};

struct Classification {
  UpdateAction action = UpdateAction::kIgnore;
  std::string outcome;  ///< stable code for the log: "question", "help", "not_text", "too_long" …
  std::string text;     ///< the reply (kReply) or the question (kAnswer, kExplain)
};

/// Classifies `update`; `bot_username` is the bot's own username (from getMe) for commands like
/// "/help@name". Never throws.
Classification ClassifyUpdate(const Update& update, std::string_view bot_username);

}  // namespace videobot::telegram
