#include "telegram/typing_notifier.hpp"

#include <spdlog/logger.h>
#include <vector>

namespace videobot::telegram {
namespace {

/// Telegram shows a chat action for about five seconds; renew it a little earlier.
constexpr auto kRepeat = std::chrono::milliseconds(4500);
constexpr auto kTick = std::chrono::milliseconds(200);

}  // namespace

TypingNotifier::TypingNotifier(std::unique_ptr<net::HttpClient> http, std::string api_url, std::string token,
                               std::shared_ptr<spdlog::logger> logger, std::chrono::milliseconds delay)
    : http_(std::move(http)),
      api_(*http_, std::move(api_url), std::move(token), std::chrono::seconds(5)),
      logger_(std::move(logger)),
      delay_(delay),
      thread_([this] { Run(); }) {}

TypingNotifier::~TypingNotifier() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

std::uint64_t TypingNotifier::Begin(std::int64_t chat_id) {
  std::lock_guard lock(mutex_);
  const std::uint64_t ticket = next_ticket_++;
  waiting_.emplace(ticket, Waiting{chat_id, Clock::now() + delay_});
  return ticket;
}

void TypingNotifier::End(std::uint64_t ticket) {
  std::lock_guard lock(mutex_);
  waiting_.erase(ticket);
}

void TypingNotifier::Run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    cv_.wait_for(lock, kTick, [this] { return stopping_; });
    if (stopping_) return;
    const auto now = Clock::now();
    std::vector<std::int64_t> chats;
    for (auto& [ticket, waiting] : waiting_) {
      if (waiting.next_action <= now) {
        chats.push_back(waiting.chat_id);
        waiting.next_action = now + kRepeat;
      }
    }
    if (chats.empty()) continue;
    lock.unlock();
    for (const std::int64_t chat : chats) {
      try {
        api_.SendChatAction(chat, "typing");
      } catch (const EnvironmentError& error) {
        // Cosmetic only: the answer itself is sent (and retried) by the worker.
        logger_->debug("event=typing_failed chat_id={} error=\"{}\"", chat, error.what());
      }
    }
    lock.lock();
  }
}

}  // namespace videobot::telegram
