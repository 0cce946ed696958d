#include "fake_openai_server.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <stdexcept>

#include "gzip_body.hpp"

namespace videobot::testing {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string RecordedRequest::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return {};
}

nlohmann::json RecordedRequest::Json() const { return nlohmann::json::parse(body, nullptr, false); }

FakeOpenAiServer::FakeOpenAiServer(const std::string& host) : host_(host) {
  fallback_ = Status(500, "no scripted reply");
  server_.set_keep_alive_timeout(1);
  server_.Post("/v1/chat/completions",
               [this](const httplib::Request& request, httplib::Response& response) { Handle(request, response); });
  port_ = server_.bind_to_any_port(host_);
  if (port_ <= 0) throw std::runtime_error("fake OpenAI server: cannot bind " + host_);
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  // stop() is a no-op until the accept loop runs: wait for it so destruction never hangs.
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakeOpenAiServer::~FakeOpenAiServer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stopping_cv_.notify_all();
  server_.stop();
  thread_.join();
}

void FakeOpenAiServer::Enqueue(FakeReply reply) {
  std::lock_guard lock(mutex_);
  queue_.push_back(std::move(reply));
}

void FakeOpenAiServer::SetFallback(FakeReply reply) {
  std::lock_guard lock(mutex_);
  fallback_ = std::move(reply);
}

std::string FakeOpenAiServer::BaseUrl() const { return "http://" + host_ + ":" + std::to_string(port_) + "/v1"; }

std::vector<RecordedRequest> FakeOpenAiServer::Requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

std::size_t FakeOpenAiServer::RequestCount() const {
  std::lock_guard lock(mutex_);
  return requests_.size();
}

FakeReply FakeOpenAiServer::Completion(std::string_view content) {
  const nlohmann::json body = {
      {"id", "chatcmpl-test"},
      {"object", "chat.completion"},
      {"model", "fake"},
      {"choices",
       {{{"index", 0}, {"message", {{"role", "assistant"}, {"content", content}}}, {"finish_reason", "stop"}}}},
  };
  return FakeReply{200, body.dump(), {}, std::chrono::milliseconds(0)};
}

FakeReply FakeOpenAiServer::Status(int status, std::string_view message,
                                   std::vector<std::pair<std::string, std::string>> headers) {
  const nlohmann::json body = {{"error", {{"message", message}, {"type", "test"}}}};
  return FakeReply{status, body.dump(), std::move(headers), std::chrono::milliseconds(0)};
}

FakeReply FakeOpenAiServer::GzipBomb(std::uint64_t inflated_bytes) {
  FakeReply reply;
  reply.body = GzipOfZeros(inflated_bytes);
  reply.headers = {{"Content-Encoding", "gzip"}};
  // Not a compressible type, so the server sends the body as it is instead of gzipping it again.
  reply.content_type = "application/octet-stream";
  return reply;
}

FakeReply FakeOpenAiServer::Oversized(std::uint64_t total_bytes, bool announce_length) {
  FakeReply reply;
  std::string piece;
  while (piece.size() < 64 * 1024) piece += R"({"choices":[{"message":{"content":"filler"}}]},)";
  reply.streamed = StreamedBody{std::move(piece), total_bytes, announce_length};
  reply.content_type = "application/octet-stream";
  return reply;
}

namespace {

// Sends `body` through `sink` from `offset` on, in pieces of at most `length` bytes.
bool WritePiece(const StreamedBody& body, std::uint64_t offset, std::uint64_t length, httplib::DataSink& sink) {
  const std::size_t start = std::size_t{offset % body.piece.size()};
  const std::size_t count =
      std::size_t{std::min<std::uint64_t>({length, body.piece.size() - start, body.total_bytes - offset})};
  return sink.write(body.piece.data() + start, count);
}

}  // namespace

void FakeOpenAiServer::Handle(const httplib::Request& request, httplib::Response& response) {
  FakeReply reply;
  {
    std::unique_lock lock(mutex_);
    RecordedRequest recorded{request.method, request.path, {}, request.body, request.remote_addr};
    for (const auto& [name, value] : request.headers) recorded.headers.emplace_back(name, value);
    requests_.push_back(std::move(recorded));
    if (queue_.empty()) {
      reply = fallback_;
    } else {
      reply = std::move(queue_.front());
      queue_.pop_front();
    }
    if (reply.delay.count() > 0) stopping_cv_.wait_for(lock, reply.delay, [this] { return stopping_; });
  }
  response.status = reply.status;
  for (const auto& [name, value] : reply.headers) response.set_header(name, value);
  if (!reply.streamed) {
    response.set_content(reply.body, reply.content_type);
    return;
  }
  auto body = std::make_shared<StreamedBody>(std::move(*reply.streamed));
  if (body->announce_length) {
    response.set_content_provider(std::size_t{body->total_bytes}, reply.content_type,
                                  [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                    return WritePiece(*body, offset, length, sink);
                                  });
    return;
  }
  auto sent = std::make_shared<std::uint64_t>(0);
  response.set_chunked_content_provider(reply.content_type, [body, sent](std::size_t, httplib::DataSink& sink) {
    if (*sent >= body->total_bytes) {
      sink.done();
      return true;
    }
    const std::uint64_t length = std::min<std::uint64_t>(body->piece.size(), body->total_bytes - *sent);
    if (!WritePiece(*body, *sent, length, sink)) return false;
    *sent += length;
    return true;
  });
}

}  // namespace videobot::testing
