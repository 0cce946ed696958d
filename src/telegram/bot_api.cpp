#include "telegram/bot_api.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "telegram/json_repair.hpp"
#include "telegram/redaction.hpp"

namespace videobot::telegram {
namespace {

using Json = nlohmann::json;

/// Serialises a request body; invalid UTF-8 in a text is replaced rather than thrown on.
std::string Serialize(const Json& params) { return params.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::optional<std::chrono::seconds> RetryAfter(const Json& response) {
  const auto parameters = response.find("parameters");
  if (parameters == response.end() || !parameters->is_object()) return std::nullopt;
  const auto retry = parameters->find("retry_after");
  if (retry == parameters->end() || !retry->is_number_integer()) return std::nullopt;
  return std::chrono::seconds(std::max<std::int64_t>(0, retry->get<std::int64_t>()));
}

}  // namespace

BotApi::BotApi(net::HttpClient& http, std::string api_url, std::string token, std::chrono::milliseconds request_timeout)
    : http_(http), api_url_(std::move(api_url)), token_(std::move(token)), request_timeout_(request_timeout) {}

Json BotApi::Call(std::string_view method, const Json& params, std::chrono::milliseconds timeout) {
  net::HttpRequest request;
  request.method = "POST";
  request.headers = {{"Content-Type", "application/json"}};
  request.body = Serialize(params);
  request.timeout = timeout;
  return Perform(method, std::move(request));
}

Json BotApi::Perform(std::string_view method, net::HttpRequest request) {
  request.url = fmt::format("{}/bot{}/{}", api_url_, token_, method);
  net::HttpResponse response;
  try {
    response = http_.Send(request);
  } catch (const net::ResponseTooLargeError& error) {
    throw net::ResponseTooLargeError(Redact(fmt::format("Bot API {}: {}", method, error.what()), token_),
                                     error.limit_bytes());
  } catch (const net::NetworkError& error) {
    // The transport promises no URL in its messages; redact anyway, the cost is nil.
    throw net::NetworkError(Redact(fmt::format("Bot API {}: {}", method, error.what()), token_), error.timed_out());
  }
  bool repaired = false;
  const std::string body = RepairJsonText(response.body, &repaired);
  const Json json = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("ok") || !json["ok"].is_boolean()) {
    const int code = response.status == 200 ? 0 : static_cast<int>(response.status);
    throw BotApiError(std::string(method), code, fmt::format("ответ не в формате Bot API (HTTP {})", response.status),
                      std::nullopt);
  }
  if (json["ok"].get<bool>()) {
    const auto result = json.find("result");
    return result == json.end() ? Json() : *result;
  }
  int code = static_cast<int>(response.status);
  if (const auto it = json.find("error_code"); it != json.end() && it->is_number_integer()) code = it->get<int>();
  std::string description;
  if (const auto it = json.find("description"); it != json.end() && it->is_string())
    description = it->get<std::string>();
  throw BotApiError(std::string(method), code, Redact(description, token_), RetryAfter(json));
}

User BotApi::GetMe() { return ParseUser(Call("getMe", Json::object(), request_timeout_)); }

std::vector<Update> BotApi::GetUpdates(std::int64_t offset, std::chrono::seconds timeout, int limit) {
  Json params = {
      {"timeout", timeout.count()}, {"limit", limit}, {"allowed_updates", Json::array({"message", "callback_query"})}};
  if (offset != 0) params["offset"] = offset;
  // The server holds the request for up to `timeout`; allow for that plus a normal round trip.
  const Json result = Call("getUpdates", params, request_timeout_ + timeout);
  std::vector<Update> updates;
  if (!result.is_array()) return updates;
  updates.reserve(result.size());
  for (const auto& item : result) {
    if (auto update = ParseUpdate(item)) updates.push_back(std::move(*update));
  }
  return updates;
}

Message BotApi::SendMessage(std::int64_t chat_id, std::string_view text, const SendOptions& options) {
  Json params = {{"chat_id", chat_id}, {"text", std::string(text)}};
  if (options.html) params["parse_mode"] = "HTML";
  if (options.reply_to_message_id != 0) {
    params["reply_parameters"] = {{"message_id", options.reply_to_message_id}, {"allow_sending_without_reply", true}};
  }
  if (!options.reply_markup.is_null()) params["reply_markup"] = options.reply_markup;
  return ParseMessage(Call("sendMessage", params, request_timeout_));
}

Message BotApi::SendPhoto(std::int64_t chat_id, std::string_view photo, std::string_view caption,
                          const SendOptions& options) {
  net::HttpRequest request;
  request.method = "POST";
  request.timeout = 2 * request_timeout_;
  // Multipart fields are text: objects go as JSON, as the Bot API accepts them.
  request.form.push_back({"chat_id", std::to_string(chat_id), "", ""});
  request.form.push_back({"photo", std::string(photo), "chart.png", "image/png"});
  if (!caption.empty()) request.form.push_back({"caption", std::string(caption), "", ""});
  if (options.html) request.form.push_back({"parse_mode", "HTML", "", ""});
  if (options.reply_to_message_id != 0) {
    const Json reply = {{"message_id", options.reply_to_message_id}, {"allow_sending_without_reply", true}};
    request.form.push_back({"reply_parameters", Serialize(reply), "", ""});
  }
  if (!options.reply_markup.is_null())
    request.form.push_back({"reply_markup", Serialize(options.reply_markup), "", ""});
  return ParseMessage(Perform("sendPhoto", std::move(request)));
}

void BotApi::AnswerCallbackQuery(std::string_view callback_query_id, std::string_view text) {
  Json params = {{"callback_query_id", std::string(callback_query_id)}};
  if (!text.empty()) params["text"] = std::string(text);
  Call("answerCallbackQuery", params, request_timeout_);
}

void BotApi::SendChatAction(std::int64_t chat_id, std::string_view action) {
  Call("sendChatAction", {{"chat_id", chat_id}, {"action", std::string(action)}}, request_timeout_);
}

void BotApi::SetMyCommands(const std::vector<BotCommand>& commands, const Json& scope) {
  Json list = Json::array();
  for (const auto& command : commands) {
    list.push_back({{"command", command.command}, {"description", command.description}});
  }
  Json params = {{"commands", list}};
  if (!scope.is_null()) params["scope"] = scope;
  Call("setMyCommands", params, request_timeout_);
}

void BotApi::DeleteWebhook() { Call("deleteWebhook", {{"drop_pending_updates", false}}, request_timeout_); }

}  // namespace videobot::telegram
