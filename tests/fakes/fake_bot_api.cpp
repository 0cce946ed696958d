#include "fakes/fake_bot_api.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

namespace videobot::testing {
namespace {

using Json = nlohmann::json;

// With the parameter, cpp-httplib does not compress answers (its brotli default costs ~200 ms
// for a 100-update batch, which would dominate every measurement).
constexpr const char* kContentType = "application/json; charset=utf-8";

std::string ErrorBody(int code, const std::string& description, int retry_after = 0) {
  Json body = {{"ok", false}, {"error_code", code}, {"description", description}};
  if (retry_after > 0) body["parameters"] = {{"retry_after", retry_after}};
  return body.dump();
}

std::string OkBody(const Json& result) { return Json{{"ok", true}, {"result", result}}.dump(); }

std::int64_t IntegerParam(const Json& params, const char* name, std::int64_t fallback) {
  const auto it = params.find(name);
  if (it == params.end()) return fallback;
  if (it->is_number_integer()) return it->get<std::int64_t>();
  if (it->is_string()) {
    try {
      return std::stoll(it->get<std::string>());
    } catch (const std::exception&) {
      return fallback;
    }
  }
  return fallback;
}

std::size_t CodePoints(const std::string& text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

/// Bot API parameters come as JSON, as a form, as multipart/form-data fields (files apart), or
/// in the query string. Object parameters of a form are JSON text.
Json ParamsOf(const httplib::Request& request) {
  Json params = Json::object();
  if (request.get_header_value("Content-Type").find("application/json") != std::string::npos) {
    params = Json::parse(request.body, nullptr, false);
    if (!params.is_object()) params = Json::object();
  }
  for (const auto& [name, value] : request.params) params[name] = value;
  for (const auto& [name, part] : request.files) {
    if (!part.filename.empty()) continue;
    if (name == "reply_parameters" || name == "reply_markup") {
      params[name] = Json::parse(part.content, nullptr, false);
    } else {
      params[name] = part.content;
    }
  }
  return params;
}

/// Width and height from a PNG's header; nullopt when the bytes are not a PNG.
std::optional<std::pair<std::int64_t, std::int64_t>> PngSize(const std::string& bytes) {
  static const std::string kSignature("\x89PNG\r\n\x1a\n", 8);
  if (bytes.size() < 24 || bytes.compare(0, 8, kSignature) != 0 || bytes.compare(12, 4, "IHDR") != 0) {
    return std::nullopt;
  }
  const auto big_endian = [&bytes](std::size_t at) {
    std::int64_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
    return value;
  };
  return std::pair{big_endian(16), big_endian(20)};
}

}  // namespace

FakeBotApi::FakeBotApi(std::string token, std::string bot_username)
    : token_(std::move(token)), bot_username_(std::move(bot_username)), server_(std::make_unique<httplib::Server>()) {
  // Update ids keep growing from one fake server to the next (a restarted bot on the same
  // database must see new ids above its persisted offset, as with the real Bot API).
  next_update_id_ =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  // Every keep-alive connection holds a pool thread: give the bot's threads room.
  server_->new_task_queue = [] { return new httplib::ThreadPool(96); };
  // Without TCP_NODELAY a response written in two parts waits for a delayed ACK (~40 ms).
  server_->set_tcp_nodelay(true);
  server_->set_keep_alive_max_count(1'000'000);
  server_->set_keep_alive_timeout(30);
  server_->set_read_timeout(60, 0);
  server_->set_write_timeout(60, 0);
  const auto handler = [this](const httplib::Request& request, httplib::Response& response) {
    Handle(request, response);
  };
  server_->Post(R"(/bot([^/]*)/([A-Za-z]+))", handler);
  server_->Get(R"(/bot([^/]*)/([A-Za-z]+))", handler);
  // cpp-httplib listens with a backlog of 5: a burst of new connections (one per bot thread)
  // overflows it and a dropped SYN costs a 1 s retransmission. Remember the socket and widen
  // the backlog after binding.
  int listen_socket = -1;
  server_->set_socket_options([&listen_socket](socket_t socket) {
    httplib::default_socket_options(socket);
    listen_socket = socket;
  });
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("fake Bot API: cannot bind 127.0.0.1");
  if (listen_socket >= 0) ::listen(listen_socket, 512);
  server_->set_socket_options(httplib::default_socket_options);
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  for (int i = 0; i < 500 && !server_->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

FakeBotApi::~FakeBotApi() { Stop(); }

void FakeBotApi::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  cv_.notify_all();
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string FakeBotApi::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

std::int64_t FakeBotApi::Enqueue(const std::string& fields) {
  std::int64_t id = 0;
  {
    std::lock_guard lock(mutex_);
    id = next_update_id_++;
    updates_.emplace(id, "{\"update_id\":" + std::to_string(id) + "," + fields + "}");
  }
  cv_.notify_all();
  return id;
}

Json FakeBotApi::KeptMessage(std::int64_t chat_id, std::int64_t message_id) const {
  const auto it = messages_.find({chat_id, message_id});
  return it == messages_.end() ? Json() : it->second;
}

Json FakeBotApi::UserMessage(std::int64_t chat_id, const std::string& text, std::int64_t user_id,
                             const std::string& chat_type, std::int64_t reply_to_message_id) {
  if (user_id == 0) user_id = chat_id;
  std::lock_guard lock(mutex_);
  const std::int64_t message_id = next_message_id_++;
  Json message = {{"message_id", message_id},
                  {"from", {{"id", user_id}, {"is_bot", false}, {"first_name", "Tester"}, {"language_code", "ru"}}},
                  {"chat", {{"id", chat_id}, {"type", chat_type}}},
                  {"date", 1'764'000'000},
                  {"text", text}};
  messages_[{chat_id, message_id}] = message;
  last_pushed_message_id_ = message_id;
  if (reply_to_message_id != 0) {
    if (Json replied = KeptMessage(chat_id, reply_to_message_id); !replied.is_null()) {
      replied.erase("reply_to_message_id");
      message["reply_to_message"] = std::move(replied);
    }
  }
  return message;
}

std::int64_t FakeBotApi::PushText(std::int64_t chat_id, const std::string& text, std::int64_t user_id,
                                  const std::string& chat_type) {
  return Enqueue("\"message\":" + UserMessage(chat_id, text, user_id, chat_type, 0).dump());
}

std::int64_t FakeBotApi::PushReply(std::int64_t chat_id, const std::string& text, std::int64_t reply_to_message_id,
                                   std::int64_t user_id, const std::string& chat_type) {
  return Enqueue("\"message\":" + UserMessage(chat_id, text, user_id, chat_type, reply_to_message_id).dump());
}

std::string FakeBotApi::PushButtonPress(std::int64_t chat_id, std::int64_t message_id, std::int64_t user_id,
                                        const std::string& data, const std::string& chat_type) {
  Json query;
  {
    std::lock_guard lock(mutex_);
    query = {{"id", "cb" + std::to_string(next_callback_id_++)},
             {"from", {{"id", user_id}, {"is_bot", false}, {"first_name", "Tester"}}},
             {"chat_instance", "1"},
             {"data", data}};
    Json message = KeptMessage(chat_id, message_id);
    if (!message.is_null()) {
      message["chat"]["type"] = chat_type;
      // Telegram sends the button's message with the message it replied to, if that still exists.
      if (const auto it = message.find("reply_to_message_id"); it != message.end()) {
        Json replied = KeptMessage(chat_id, it->get<std::int64_t>());
        message.erase("reply_to_message_id");
        if (!replied.is_null()) message["reply_to_message"] = std::move(replied);
      }
      query["message"] = std::move(message);
    }
  }
  Enqueue("\"callback_query\":" + query.dump());
  return query["id"].get<std::string>();
}

void FakeBotApi::DeleteMessage(std::int64_t chat_id, std::int64_t message_id) {
  std::lock_guard lock(mutex_);
  messages_.erase({chat_id, message_id});
}

std::int64_t FakeBotApi::LastPushedMessageId() const {
  std::lock_guard lock(mutex_);
  return last_pushed_message_id_;
}

std::vector<CallbackAnswer> FakeBotApi::CallbackAnswers() const {
  std::lock_guard lock(mutex_);
  return callback_answers_;
}

bool FakeBotApi::WaitForCallbackAnswers(std::size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return cv_.wait_for(lock, timeout, [&] { return callback_answers_.size() >= count; });
}

std::vector<Json> FakeBotApi::CommandSets() const {
  std::lock_guard lock(mutex_);
  return command_sets_;
}

std::int64_t FakeBotApi::PushUpdate(const Json& payload) {
  std::string fields = payload.dump();
  // Strip the braces: the fields go after update_id.
  fields = fields.substr(1, fields.size() - 2);
  return Enqueue(fields);
}

std::int64_t FakeBotApi::PushRawUpdate(const std::string& fields) { return Enqueue(fields); }

void FakeBotApi::FailNext(const std::string& method, ScriptedFailure failure, int times) {
  std::lock_guard lock(mutex_);
  for (int i = 0; i < times; ++i) failures_[method].push_back(failure);
}

std::vector<SentMessage> FakeBotApi::Sent() const {
  std::lock_guard lock(mutex_);
  return sent_;
}

std::vector<SentMessage> FakeBotApi::SentTo(std::int64_t chat_id) const {
  std::lock_guard lock(mutex_);
  std::vector<SentMessage> out;
  for (const auto& message : sent_) {
    if (message.chat_id == chat_id) out.push_back(message);
  }
  return out;
}

std::vector<SentPhoto> FakeBotApi::Photos() const {
  std::lock_guard lock(mutex_);
  return photos_;
}

bool FakeBotApi::WaitForPhotos(std::size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return cv_.wait_for(lock, timeout, [&] { return photos_.size() >= count; });
}

bool FakeBotApi::WaitForSent(std::size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return cv_.wait_for(lock, timeout, [&] { return sent_.size() >= count; });
}

std::size_t FakeBotApi::CallCount(const std::string& method) const {
  std::lock_guard lock(mutex_);
  const auto it = calls_.find(method);
  return it == calls_.end() ? 0 : it->second;
}

std::vector<std::int64_t> FakeBotApi::TypingActions() const {
  std::lock_guard lock(mutex_);
  return typing_;
}

std::vector<std::int64_t> FakeBotApi::RequestedOffsets() const {
  std::lock_guard lock(mutex_);
  return offsets_;
}

std::size_t FakeBotApi::Unconfirmed() const {
  std::lock_guard lock(mutex_);
  return updates_.size();
}

std::size_t FakeBotApi::UnauthorizedCalls() const {
  std::lock_guard lock(mutex_);
  return unauthorized_;
}

void FakeBotApi::Handle(const httplib::Request& request, httplib::Response& response) {
  const std::string token = request.matches[1];
  const std::string method = request.matches[2];
  std::optional<ScriptedFailure> failure;
  {
    std::lock_guard lock(mutex_);
    ++calls_[method];
    if (token != token_) {
      ++unauthorized_;
      response.status = 401;
      response.set_content(ErrorBody(401, "Unauthorized"), kContentType);
      return;
    }
    auto& queue = failures_[method];
    if (!queue.empty()) {
      failure = queue.front();
      queue.pop_front();
    }
  }
  if (failure) {
    if (failure->hang.count() > 0) {
      std::unique_lock lock(mutex_);
      cv_.wait_for(lock, failure->hang, [this] { return stopping_; });
    }
    if (failure->status != 0) {
      response.status = failure->status;
      const std::string body = !failure->raw_body.empty()
                                   ? failure->raw_body
                                   : ErrorBody(failure->status,
                                               failure->status == 429 ? "Too Many Requests: retry after " +
                                                                            std::to_string(failure->retry_after)
                                                                      : "Internal Server Error",
                                               failure->retry_after);
      response.set_content(body, kContentType);
      return;
    }
  }
  int status = 200;
  const std::string body = method == "sendPhoto" ? SendPhoto(request, ParamsOf(request), status)
                                                 : HandleMethod(method, ParamsOf(request), status);
  response.status = status;
  response.set_content(body, kContentType);
}

std::string FakeBotApi::HandleMethod(const std::string& method, const Json& params, int& status) {
  if (method == "getUpdates") return GetUpdates(params);
  if (method == "sendMessage") return SendMessage(params, status);
  if (method == "getMe") {
    return OkBody({{"id", kBotId}, {"is_bot", true}, {"first_name", "Videobot"}, {"username", bot_username_}});
  }
  if (method == "sendChatAction") {
    std::lock_guard lock(mutex_);
    typing_.push_back(IntegerParam(params, "chat_id", 0));
    return OkBody(true);
  }
  if (method == "setMyCommands") {
    std::lock_guard lock(mutex_);
    command_sets_.push_back(params);
    return OkBody(true);
  }
  if (method == "answerCallbackQuery") {
    const auto id = params.find("callback_query_id");
    const auto text = params.find("text");
    {
      std::lock_guard lock(mutex_);
      callback_answers_.push_back({id != params.end() && id->is_string() ? id->get<std::string>() : "",
                                   text != params.end() && text->is_string() ? text->get<std::string>() : ""});
    }
    cv_.notify_all();
    return OkBody(true);
  }
  if (method == "deleteWebhook") return OkBody(true);
  status = 404;
  return ErrorBody(404, "Not Found");
}

std::string FakeBotApi::GetUpdates(const Json& params) {
  const std::int64_t offset = IntegerParam(params, "offset", 0);
  const std::int64_t limit = std::clamp<std::int64_t>(IntegerParam(params, "limit", 100), 1, 100);
  const auto timeout = std::chrono::seconds(std::clamp<std::int64_t>(IntegerParam(params, "timeout", 0), 0, 50));
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::unique_lock lock(mutex_);
  offsets_.push_back(offset);
  if (offset > 0) updates_.erase(updates_.begin(), updates_.lower_bound(offset));
  cv_.wait_until(lock, deadline, [&] { return stopping_ || updates_.lower_bound(offset) != updates_.end(); });
  std::string body = "{\"ok\":true,\"result\":[";
  std::int64_t count = 0;
  for (auto it = updates_.lower_bound(offset); it != updates_.end() && count < limit; ++it, ++count) {
    if (count > 0) body += ",";
    body += it->second;
  }
  body += "]}";
  return body;
}

std::string FakeBotApi::SendMessage(const Json& params, int& status) {
  const std::int64_t chat_id = IntegerParam(params, "chat_id", 0);
  const auto text_it = params.find("text");
  const std::string text = text_it != params.end() && text_it->is_string() ? text_it->get<std::string>() : "";
  if (chat_id == 0) {
    status = 400;
    return ErrorBody(400, "Bad Request: chat not found");
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    status = 400;
    return ErrorBody(400, "Bad Request: message text is empty");
  }
  if (CodePoints(text) > 4096) {
    status = 400;
    return ErrorBody(400, "Bad Request: message is too long");
  }
  SentMessage sent;
  sent.chat_id = chat_id;
  sent.text = text;
  sent.at = std::chrono::steady_clock::now();
  if (const auto mode = params.find("parse_mode"); mode != params.end() && mode->is_string()) {
    sent.parse_mode = mode->get<std::string>();
  }
  if (const auto reply = params.find("reply_parameters"); reply != params.end() && reply->is_object()) {
    sent.reply_to_message_id = IntegerParam(*reply, "message_id", 0);
    const auto allow = reply->find("allow_sending_without_reply");
    sent.allow_sending_without_reply = allow != reply->end() && allow->is_boolean() && allow->get<bool>();
  }
  if (const auto markup = params.find("reply_markup"); markup != params.end()) sent.reply_markup = *markup;
  Json message = {{"message_id", 0},
                  {"from", {{"id", kBotId}, {"is_bot", true}, {"first_name", "Videobot"}, {"username", bot_username_}}},
                  {"date", 1'764'000'000},
                  {"chat", {{"id", chat_id}, {"type", "private"}}},
                  {"text", text}};
  if (!sent.reply_markup.is_null()) message["reply_markup"] = sent.reply_markup;
  {
    std::lock_guard lock(mutex_);
    sent.message_id = next_message_id_++;
    message["message_id"] = sent.message_id;
    Json kept = message;
    if (sent.reply_to_message_id != 0) kept["reply_to_message_id"] = sent.reply_to_message_id;
    messages_[{chat_id, sent.message_id}] = std::move(kept);
    sent_.push_back(std::move(sent));
  }
  cv_.notify_all();
  return OkBody(message);
}

std::string FakeBotApi::SendPhoto(const httplib::Request& request, const Json& params, int& status) {
  const std::int64_t chat_id = IntegerParam(params, "chat_id", 0);
  if (chat_id == 0) {
    status = 400;
    return ErrorBody(400, "Bad Request: chat not found");
  }
  const auto file = request.files.find("photo");
  if (file == request.files.end() || file->second.filename.empty()) {
    status = 400;
    return ErrorBody(400, "Bad Request: there is no photo in the request");
  }
  const auto size = PngSize(file->second.content);
  if (!size) {
    status = 400;
    return ErrorBody(400, "Bad Request: IMAGE_PROCESS_FAILED");
  }
  SentPhoto sent;
  sent.chat_id = chat_id;
  sent.bytes = file->second.content;
  sent.filename = file->second.filename;
  sent.content_type = file->second.content_type;
  if (const auto caption = params.find("caption"); caption != params.end() && caption->is_string()) {
    sent.caption = caption->get<std::string>();
  }
  if (CodePoints(sent.caption) > 1024) {
    status = 400;
    return ErrorBody(400, "Bad Request: message caption is too long");
  }
  if (const auto mode = params.find("parse_mode"); mode != params.end() && mode->is_string()) {
    sent.parse_mode = mode->get<std::string>();
  }
  if (const auto reply = params.find("reply_parameters"); reply != params.end() && reply->is_object()) {
    sent.reply_to_message_id = IntegerParam(*reply, "message_id", 0);
    const auto allow = reply->find("allow_sending_without_reply");
    sent.allow_sending_without_reply = allow != reply->end() && allow->is_boolean() && allow->get<bool>();
  }
  if (const auto markup = params.find("reply_markup"); markup != params.end()) sent.reply_markup = *markup;
  const auto [width, height] = *size;
  Json message = {{"message_id", 0},
                  {"from", {{"id", kBotId}, {"is_bot", true}, {"first_name", "Videobot"}, {"username", bot_username_}}},
                  {"date", 1'764'000'000},
                  {"chat", {{"id", chat_id}, {"type", "private"}}},
                  {"photo", Json::array({{{"file_id", "photo-file"},
                                          {"file_unique_id", "photo-unique"},
                                          {"width", width},
                                          {"height", height},
                                          {"file_size", sent.bytes.size()}}})}};
  if (!sent.caption.empty()) message["caption"] = sent.caption;
  if (!sent.reply_markup.is_null()) message["reply_markup"] = sent.reply_markup;
  {
    std::lock_guard lock(mutex_);
    sent.message_id = next_message_id_++;
    message["message_id"] = sent.message_id;
    Json kept = message;
    if (sent.reply_to_message_id != 0) kept["reply_to_message_id"] = sent.reply_to_message_id;
    messages_[{chat_id, sent.message_id}] = std::move(kept);
    photos_.push_back(std::move(sent));
  }
  cv_.notify_all();
  return OkBody(message);
}

}  // namespace videobot::testing
