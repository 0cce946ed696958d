#include "telegram/bot_api_types.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

namespace videobot::telegram {
namespace {

std::int64_t IntegerField(const nlohmann::json& json, std::string_view name) {
  const auto it = json.find(name);
  if (it == json.end() || !it->is_number_integer()) return 0;
  return it->get<std::int64_t>();
}

std::string StringField(const nlohmann::json& json, std::string_view name) {
  const auto it = json.find(name);
  if (it == json.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

bool BoolField(const nlohmann::json& json, std::string_view name) {
  const auto it = json.find(name);
  return it != json.end() && it->is_boolean() && it->get<bool>();
}

}  // namespace

User ParseUser(const nlohmann::json& json) {
  User user;
  if (!json.is_object()) return user;
  user.id = IntegerField(json, "id");
  user.is_bot = BoolField(json, "is_bot");
  user.first_name = StringField(json, "first_name");
  user.username = StringField(json, "username");
  return user;
}

namespace {

Message ParseMessageAtDepth(const nlohmann::json& json, int depth) {
  Message message;
  if (!json.is_object()) return message;
  message.message_id = IntegerField(json, "message_id");
  if (const auto from = json.find("from"); from != json.end() && from->is_object()) message.from = ParseUser(*from);
  if (const auto chat = json.find("chat"); chat != json.end() && chat->is_object()) {
    message.chat.id = IntegerField(*chat, "id");
    message.chat.type = StringField(*chat, "type");
  }
  if (const auto text = json.find("text"); text != json.end() && text->is_string()) {
    message.text = text->get<std::string>();
  }
  if (depth == 0) {
    if (const auto reply = json.find("reply_to_message"); reply != json.end() && reply->is_object()) {
      message.reply_to_message = std::make_shared<const Message>(ParseMessageAtDepth(*reply, depth + 1));
    }
  }
  return message;
}

CallbackQuery ParseCallbackQuery(const nlohmann::json& json) {
  CallbackQuery query;
  query.id = StringField(json, "id");
  query.data = StringField(json, "data");
  if (const auto from = json.find("from"); from != json.end() && from->is_object()) query.from = ParseUser(*from);
  if (const auto message = json.find("message"); message != json.end() && message->is_object()) {
    query.message = ParseMessageAtDepth(*message, 0);
  }
  return query;
}

}  // namespace

Message ParseMessage(const nlohmann::json& json) { return ParseMessageAtDepth(json, 0); }

std::optional<Update> ParseUpdate(const nlohmann::json& json) {
  if (!json.is_object()) return std::nullopt;
  const auto id = json.find("update_id");
  if (id == json.end() || !id->is_number_integer()) return std::nullopt;
  Update update;
  update.update_id = id->get<std::int64_t>();
  for (const auto& [key, value] : json.items()) {
    if (key != "update_id") {
      update.kind = key;
      break;
    }
  }
  if (const auto message = json.find("message"); message != json.end() && message->is_object()) {
    update.kind = "message";
    update.message = ParseMessage(*message);
  }
  if (const auto query = json.find("callback_query"); query != json.end() && query->is_object()) {
    update.kind = "callback_query";
    update.callback_query = ParseCallbackQuery(*query);
  }
  return update;
}

}  // namespace videobot::telegram
