#pragma once
// A fake Telegram Bot API server on 127.0.0.1 speaking the real HTTP protocol: it queues
// updates and serves them to getUpdates with the real offset and long-poll semantics (an offset
// confirms, and forgets, every update below it), records sendMessage (with its parse mode, reply
// parameters and markup), sendPhoto uploads (multipart/form-data: the photo's bytes, caption and
// the same options), sendChatAction, setMyCommands and answerCallbackQuery calls, keeps the
// messages of each chat so that replies and button presses carry reply_to_message as Telegram's
// do, and can be scripted to answer 429 with retry_after, 5xx, or to hang.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace videobot::testing {

/// A message the bot sent.
struct SentMessage {
  std::int64_t chat_id = 0;
  std::string text;
  std::int64_t message_id = 0;
  std::chrono::steady_clock::time_point at;
  std::string parse_mode;                    ///< "" when none
  std::int64_t reply_to_message_id = 0;      ///< reply_parameters.message_id, 0 when not a reply
  bool allow_sending_without_reply = false;  ///< reply_parameters.allow_sending_without_reply
  nlohmann::json reply_markup;               ///< null when none
};

/// A photo the bot uploaded with sendPhoto.
struct SentPhoto {
  std::int64_t chat_id = 0;
  std::int64_t message_id = 0;
  std::string bytes;                         ///< the uploaded file, as received
  std::string filename;                      ///< the file part's name
  std::string content_type;                  ///< the file part's type
  std::string caption;                       ///< "" when none
  std::string parse_mode;                    ///< "" when none
  std::int64_t reply_to_message_id = 0;      ///< reply_parameters.message_id, 0 when not a reply
  bool allow_sending_without_reply = false;  ///< reply_parameters.allow_sending_without_reply
  nlohmann::json reply_markup;               ///< null when none
};

/// One answerCallbackQuery call.
struct CallbackAnswer {
  std::string callback_query_id;
  std::string text;  ///< "" when none
};

/// How to answer the next call(s) of a method instead of the normal answer.
struct ScriptedFailure {
  int status = 500;                   ///< HTTP status and error_code; 0 = answer normally after `hang`
  int retry_after = 0;                ///< parameters.retry_after (with status 429)
  std::chrono::milliseconds hang{0};  ///< wait this long before answering
  std::string raw_body;               ///< when set, sent as the body instead of a Bot API error
};

class FakeBotApi {
 public:
  /// The bot's user id that getMe reports.
  static constexpr std::int64_t kBotId = 4242;

  /// Starts serving at once on a free port of 127.0.0.1.
  explicit FakeBotApi(std::string token, std::string bot_username = "videobot_test_bot");
  ~FakeBotApi();
  FakeBotApi(const FakeBotApi&) = delete;
  FakeBotApi& operator=(const FakeBotApi&) = delete;

  /// "http://127.0.0.1:<port>", the value for TELEGRAM_API_URL.
  std::string url() const;
  int port() const { return port_; }
  const std::string& bot_username() const { return bot_username_; }

  /// Queues a text message from `user_id` (default: the chat id) in `chat_id`; returns its update_id.
  std::int64_t PushText(std::int64_t chat_id, const std::string& text, std::int64_t user_id = 0,
                        const std::string& chat_type = "private");
  /// Queues a text message like PushText that replies to message `reply_to_message_id` of the
  /// chat (a question or one of the bot's messages; absent from the update when deleted);
  /// returns its update_id.
  std::int64_t PushReply(std::int64_t chat_id, const std::string& text, std::int64_t reply_to_message_id,
                         std::int64_t user_id = 0, const std::string& chat_type = "private");
  /// Queues a press on the inline button `data` under the bot's message `message_id` in
  /// `chat_id` by `user_id`; the update carries the message (with its own reply_to_message) as
  /// Telegram's does. Returns the callback query id.
  std::string PushButtonPress(std::int64_t chat_id, std::int64_t message_id, std::int64_t user_id,
                              const std::string& data = "explain", const std::string& chat_type = "private");
  /// Deletes a message, as a user deleting their question would.
  void DeleteMessage(std::int64_t chat_id, std::int64_t message_id);
  /// The message_id of the last message queued by PushText or PushReply.
  std::int64_t LastPushedMessageId() const;
  /// Queues an update with the given payload fields (update_id is added); returns its update_id.
  std::int64_t PushUpdate(const nlohmann::json& payload);
  /// Queues an update whose payload is the raw JSON text `fields` (e.g. "\"message\":{…}"), which
  /// may hold bytes that are not UTF-8; returns its update_id.
  std::int64_t PushRawUpdate(const std::string& fields);

  /// Answers the next `times` calls of `method` with `failure`.
  void FailNext(const std::string& method, ScriptedFailure failure, int times = 1);

  /// Every message sent so far, in the order the server accepted them.
  std::vector<SentMessage> Sent() const;
  /// Messages sent to one chat, in order.
  std::vector<SentMessage> SentTo(std::int64_t chat_id) const;
  /// Waits until at least `count` messages were sent; false on timeout.
  bool WaitForSent(std::size_t count, std::chrono::milliseconds timeout) const;
  /// Every photo uploaded so far, in order.
  std::vector<SentPhoto> Photos() const;
  /// Waits until at least `count` photos were uploaded; false on timeout.
  bool WaitForPhotos(std::size_t count, std::chrono::milliseconds timeout) const;
  /// Number of calls of `method` (including failed and scripted ones).
  std::size_t CallCount(const std::string& method) const;
  /// Every answerCallbackQuery call, in order.
  std::vector<CallbackAnswer> CallbackAnswers() const;
  /// Waits until at least `count` callback queries were answered; false on timeout.
  bool WaitForCallbackAnswers(std::size_t count, std::chrono::milliseconds timeout) const;
  /// The parameters of every setMyCommands call, in order.
  std::vector<nlohmann::json> CommandSets() const;
  /// Chat ids of sendChatAction("typing") calls, in order.
  std::vector<std::int64_t> TypingActions() const;
  /// The offset of every getUpdates call, in order (0 when absent).
  std::vector<std::int64_t> RequestedOffsets() const;
  /// Updates queued and not yet confirmed by an offset.
  std::size_t Unconfirmed() const;
  /// Request paths with a token other than the right one (the bot must never send those).
  std::size_t UnauthorizedCalls() const;

  /// Stops the server (long polls in progress return at once). Idempotent.
  void Stop();

 private:
  void Handle(const httplib::Request& request, httplib::Response& response);
  std::string HandleMethod(const std::string& method, const nlohmann::json& params, int& status);
  std::string GetUpdates(const nlohmann::json& params);
  std::string SendMessage(const nlohmann::json& params, int& status);
  std::string SendPhoto(const httplib::Request& request, const nlohmann::json& params, int& status);
  std::int64_t Enqueue(const std::string& fields);
  /// The message's JSON as kept for reply_to_message (without its own reply), null when unknown.
  nlohmann::json KeptMessage(std::int64_t chat_id, std::int64_t message_id) const;  // needs mutex_
  nlohmann::json UserMessage(std::int64_t chat_id, const std::string& text, std::int64_t user_id,
                             const std::string& chat_type, std::int64_t reply_to_message_id);

  std::string token_;
  std::string bot_username_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;

  mutable std::mutex mutex_;
  mutable std::condition_variable cv_;
  bool stopping_ = false;
  std::int64_t next_update_id_ = 0;  ///< starts at the current time in µs: ids grow across instances, as Telegram's do
  std::int64_t next_message_id_ = 1;
  std::map<std::int64_t, std::string> updates_;  ///< update_id → full JSON text
  std::map<std::string, std::deque<ScriptedFailure>> failures_;
  std::map<std::string, std::size_t> calls_;
  std::vector<SentMessage> sent_;
  std::vector<SentPhoto> photos_;
  std::vector<std::int64_t> typing_;
  std::map<std::pair<std::int64_t, std::int64_t>, nlohmann::json> messages_;  ///< (chat, id) → message
  std::vector<CallbackAnswer> callback_answers_;
  std::vector<nlohmann::json> command_sets_;
  std::int64_t last_pushed_message_id_ = 0;
  std::int64_t next_callback_id_ = 1;
  std::vector<std::int64_t> offsets_;
  std::size_t unauthorized_ = 0;
};

}  // namespace videobot::testing
