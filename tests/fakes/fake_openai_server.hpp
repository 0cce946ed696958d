#pragma once
// A scripted OpenAI-compatible chat-completions server on loopback (cpp-httplib, port chosen by
// the system). Tests queue replies — a completion, an HTTP error with headers, a delay past a
// deadline — and inspect every request it received.

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace videobot::testing {

/// One request as the server saw it.
struct RecordedRequest {
  std::string method;
  std::string path;
  std::vector<std::pair<std::string, std::string>> headers;  ///< names as sent
  std::string body;
  std::string remote_addr;  ///< the peer's address (a proxy's outgoing address when proxied)

  /// The first header `name` (case-insensitive), or "".
  std::string Header(std::string_view name) const;
  /// The body parsed as JSON (discarded value when it is not JSON).
  nlohmann::json Json() const;
};

/// A body sent in pieces rather than held whole: `piece` repeated until `total_bytes` are sent.
struct StreamedBody {
  std::string piece;
  std::uint64_t total_bytes = 0;
  /// true: a Content-Length of `total_bytes` is announced (the stream stops early when the client
  /// hangs up); false: chunked transfer encoding, no length announced.
  bool announce_length = false;
};

/// What the server answers to one request.
struct FakeReply {
  int status = 200;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::chrono::milliseconds delay{0};  ///< wait before answering (ends early when the server stops)
  /// JSON bodies are gzipped by the server when the client accepts it; other types go as they are.
  std::string content_type = "application/json";
  std::optional<StreamedBody> streamed = std::nullopt;  ///< when set, sent instead of `body`
};

/// A chat-completions server on 127.0.0.1 serving queued replies in order.
class FakeOpenAiServer {
 public:
  /// Starts listening on `host` (a loopback address) at a free port; throws when it cannot.
  explicit FakeOpenAiServer(const std::string& host = "127.0.0.1");
  ~FakeOpenAiServer();
  FakeOpenAiServer(const FakeOpenAiServer&) = delete;
  FakeOpenAiServer& operator=(const FakeOpenAiServer&) = delete;

  /// Queues `reply` for the next unanswered POST /v1/chat/completions.
  void Enqueue(FakeReply reply);
  /// The reply used when the queue is empty (default: 500 "no scripted reply").
  void SetFallback(FakeReply reply);

  /// "http://127.0.0.1:PORT/v1", the value for LLM_BASE_URL.
  std::string BaseUrl() const;
  int port() const { return port_; }

  /// Every request received so far, in order.
  std::vector<RecordedRequest> Requests() const;
  /// Number of requests received so far.
  std::size_t RequestCount() const;

  /// A 200 chat completion whose choices[0].message.content is `content`.
  static FakeReply Completion(std::string_view content);
  /// A reply with `status`, an OpenAI-style error body carrying `message`, and `headers`.
  static FakeReply Status(int status, std::string_view message = "error",
                          std::vector<std::pair<std::string, std::string>> headers = {});
  /// A 200 body with `Content-Encoding: gzip` whose gzip stream inflates to `inflated_bytes`
  /// zeros (1 GiB is about 1 MB on the wire).
  static FakeReply GzipBomb(std::uint64_t inflated_bytes);
  /// A 200 body of `total_bytes` of JSON-looking filler, streamed; see StreamedBody.
  static FakeReply Oversized(std::uint64_t total_bytes, bool announce_length);

 private:
  void Handle(const httplib::Request& request, httplib::Response& response);

  httplib::Server server_;
  std::string host_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::condition_variable stopping_cv_;
  bool stopping_ = false;
  std::deque<FakeReply> queue_;
  FakeReply fallback_;
  std::vector<RecordedRequest> requests_;
};

}  // namespace videobot::testing
