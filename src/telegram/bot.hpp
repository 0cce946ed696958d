#pragma once
// The Telegram bot: long polling, a bounded pool of workers (parallel across chats, in order
// within a chat), access control, per-chat rate limit, replies with retries, the update offset
// persisted after each reply, one log line per update, graceful shutdown.

#include <functional>
#include <memory>
#include <stop_token>

#include <spdlog/fwd.h>

#include "net/http_client.hpp"
#include "observe/process_metrics.hpp"
#include "service/answerer.hpp"
#include "telegram/bot_config.hpp"
#include "telegram/bot_status.hpp"
#include "telegram/state_store.hpp"

namespace videobot::telegram {

/// Exit status of a graceful shutdown.
inline constexpr int kBotExitOk = 0;
/// Exit status when the Bot API rejects the token (or another unrecoverable failure).
inline constexpr int kBotExitFailure = 1;

/// The bot's collaborators; tests substitute fakes.
struct BotDependencies {
  /// One Answerer per worker thread, created on the worker's first question (and again after a
  /// failure). May throw EnvironmentError: the question then gets a "temporarily unavailable" reply.
  service::AnswererFactory answerers;
  /// A new HTTP client; each thread of the bot gets its own.
  std::function<std::unique_ptr<net::HttpClient>()> http_clients;
  /// Where the update offset is kept. Must outlive the bot's Run.
  StateStore* state_store = nullptr;
  /// Where the log lines go (see MakeRedactingStderrLogger).
  std::shared_ptr<spdlog::logger> logger;
  /// Where questions, their latency and Bot API calls are counted; null: not counted.
  std::shared_ptr<observe::ProcessMetrics> metrics;
  /// Reads the status for /status (called on a worker thread, may throw); null: /status says the
  /// status is unavailable.
  std::function<BotStatus()> status;
};

class Bot {
 public:
  Bot(BotConfig config, BotDependencies dependencies);
  ~Bot();
  Bot(const Bot&) = delete;
  Bot& operator=(const Bot&) = delete;

  /// Serves updates until `stop` is requested, then stops polling, finishes the questions being
  /// answered, persists the offset and returns kBotExitOk. Returns kBotExitFailure when the Bot
  /// API rejects the token. Network and database failures are retried, never fatal.
  int Run(const std::stop_token& stop);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace videobot::telegram
