#pragma once
// A Bot API client over net::HttpClient: JSON requests to <api_url>/bot<token>/<method>.
// One BotApi per thread (it uses the thread's HttpClient, which keeps its connection alive).

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "net/http_client.hpp"
#include "telegram/bot_api_error.hpp"
#include "telegram/bot_api_types.hpp"

namespace videobot::telegram {

/// The largest text sendMessage accepts, in characters (Unicode code points).
inline constexpr std::size_t kMaxMessageLength = 4096;

/// The largest caption sendPhoto accepts, in characters (Unicode code points).
inline constexpr std::size_t kMaxCaptionLength = 1024;

/// The largest batch getUpdates returns.
inline constexpr int kMaxUpdatesPerRequest = 100;

/// How a sendMessage is presented.
struct SendOptions {
  std::int64_t reply_to_message_id = 0;   ///< thread the message to this one (0: not a reply)
  bool html = false;                      ///< parse_mode HTML (the text must be escaped HTML)
  nlohmann::json reply_markup = nullptr;  ///< e.g. an inline keyboard; null: none
};

class BotApi {
 public:
  /// `http` must outlive the BotApi. `api_url` is e.g. "https://api.telegram.org".
  BotApi(net::HttpClient& http, std::string api_url, std::string token,
         std::chrono::milliseconds request_timeout = std::chrono::seconds(15));

  /// getMe: the bot's own account. Throws BotApiError (401 for a bad token) or net::NetworkError.
  User GetMe();

  /// getUpdates with long polling: updates with id >= offset (0: from the earliest unconfirmed),
  /// waiting up to `timeout` for one to arrive; only "message" and "callback_query" updates are
  /// requested. Calling it
  /// confirms every update below `offset`. Throws BotApiError or net::NetworkError.
  std::vector<Update> GetUpdates(std::int64_t offset, std::chrono::seconds timeout, int limit = kMaxUpdatesPerRequest);

  /// sendMessage, plain text unless `options.html`; a reply is sent with reply_parameters that
  /// allow sending when the original was deleted. Throws BotApiError (429 with retry_after, 400
  /// for an empty or too long text, 403 when the user blocked the bot) or net::NetworkError.
  Message SendMessage(std::int64_t chat_id, std::string_view text, const SendOptions& options = {});

  /// sendPhoto as a multipart/form-data upload of the image `photo` (PNG bytes, sent as
  /// "chart.png") with `caption` (HTML when `options.html`; "" for none; at most
  /// kMaxCaptionLength characters), threaded and with markup as SendMessage. An upload may take
  /// twice the request timeout. Throws BotApiError (429 with retry_after, 400 for a caption too
  /// long or an image Telegram cannot read, 403 when the user blocked the bot) or net::NetworkError.
  Message SendPhoto(std::int64_t chat_id, std::string_view photo, std::string_view caption,
                    const SendOptions& options = {});

  /// answerCallbackQuery: stops the button's spinner, showing `text` as a notice when not empty.
  /// Throws BotApiError (400 when the query is too old) or net::NetworkError.
  void AnswerCallbackQuery(std::string_view callback_query_id, std::string_view text);

  /// sendChatAction, e.g. "typing". Throws BotApiError or net::NetworkError.
  void SendChatAction(std::int64_t chat_id, std::string_view action);

  /// setMyCommands: the command menu for `scope` (a BotCommandScope such as
  /// {"type":"all_group_chats"}; null: the default scope). Throws BotApiError or net::NetworkError.
  void SetMyCommands(const std::vector<BotCommand>& commands, const nlohmann::json& scope = nullptr);

  /// deleteWebhook (getUpdates does not work while a webhook is set); pending updates are kept.
  /// Throws BotApiError or net::NetworkError.
  void DeleteWebhook();

  /// Calls any method with JSON parameters and returns its "result". Throws BotApiError or
  /// net::NetworkError (net::ResponseTooLargeError for a reply over the HTTP client's limit);
  /// neither message contains the token.
  nlohmann::json Call(std::string_view method, const nlohmann::json& params, std::chrono::milliseconds timeout);

 private:
  /// Sends `request` for `method` and returns the reply's "result" (see Call).
  nlohmann::json Perform(std::string_view method, net::HttpRequest request);

  net::HttpClient& http_;
  std::string api_url_;
  std::string token_;
  std::chrono::milliseconds request_timeout_;
};

}  // namespace videobot::telegram
