#pragma once
// The subset of Bot API objects the bot reads, and their parsing from JSON. Parsing is lenient:
// a missing or mistyped field becomes a default, so one odd update never stops the bot.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace videobot::telegram {

/// A Telegram user or bot (Bot API "User").
struct User {
  std::int64_t id = 0;
  bool is_bot = false;
  std::string first_name;
  std::string username;  ///< "" when the user has none
};

/// A chat (Bot API "Chat"): type is "private", "group", "supergroup" or "channel".
struct Chat {
  std::int64_t id = 0;
  std::string type;
};

/// A message (Bot API "Message"), reduced to what the bot uses.
struct Message {
  std::int64_t message_id = 0;
  std::optional<User> from;
  Chat chat;
  std::optional<std::string> text;  ///< absent for stickers, photos, service messages …
  /// The message this one replies to (one level deep: its own reply_to_message is not kept).
  std::shared_ptr<const Message> reply_to_message;
};

/// A press on an inline keyboard button (Bot API "CallbackQuery").
struct CallbackQuery {
  std::string id;                  ///< what answerCallbackQuery needs
  User from;                       ///< who pressed the button
  std::optional<Message> message;  ///< the message with the button; absent when too old
  std::string data;                ///< the button's callback_data
};

/// One incoming update. `kind` is the name of the update's payload field ("message",
/// "edited_message", "channel_post", "callback_query" …), "" when it has none.
struct Update {
  std::int64_t update_id = 0;
  std::string kind;
  std::optional<Message> message;               ///< set when kind == "message"
  std::optional<CallbackQuery> callback_query;  ///< set when kind == "callback_query"
};

/// A command shown in the Telegram client's menu (setMyCommands).
struct BotCommand {
  std::string command;
  std::string description;
};

/// Parses a User; missing fields stay default.
User ParseUser(const nlohmann::json& json);

/// Parses a Message; missing fields stay default.
Message ParseMessage(const nlohmann::json& json);

/// Parses an Update; nullopt when it has no integer update_id.
std::optional<Update> ParseUpdate(const nlohmann::json& json);

}  // namespace videobot::telegram
