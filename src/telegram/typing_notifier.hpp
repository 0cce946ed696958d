#pragma once
// Shows "typing…" in chats whose question takes a while (a model, a slow query): a chat that
// waits longer than `delay` gets sendChatAction(typing), repeated every few seconds until its
// answer is sent. Quick answers cost no extra request.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <spdlog/fwd.h>

#include "net/http_client.hpp"
#include "telegram/bot_api.hpp"

namespace videobot::telegram {

class TypingNotifier {
 public:
  using Clock = std::chrono::steady_clock;

  /// Uses its own HTTP client (one thread). The thread starts at once.
  TypingNotifier(std::unique_ptr<net::HttpClient> http, std::string api_url, std::string token,
                 std::shared_ptr<spdlog::logger> logger, std::chrono::milliseconds delay = std::chrono::seconds(1));
  ~TypingNotifier();
  TypingNotifier(const TypingNotifier&) = delete;
  TypingNotifier& operator=(const TypingNotifier&) = delete;

  /// A question in `chat_id` is being answered; returns a ticket for End.
  std::uint64_t Begin(std::int64_t chat_id);
  /// The question of `ticket` is answered.
  void End(std::uint64_t ticket);

 private:
  struct Waiting {
    std::int64_t chat_id;
    Clock::time_point next_action;
  };
  void Run();

  std::unique_ptr<net::HttpClient> http_;
  BotApi api_;
  std::shared_ptr<spdlog::logger> logger_;
  std::chrono::milliseconds delay_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::unordered_map<std::uint64_t, Waiting> waiting_;
  std::uint64_t next_ticket_ = 1;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace videobot::telegram
