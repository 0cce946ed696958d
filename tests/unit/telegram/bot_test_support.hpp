#pragma once
// Fakes for running the Bot in-process: a scripted Answerer, an in-memory state store that can
// be made unavailable, a log capture, and a runner thread.

#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/base_sink.h>

#include <atomic>
#include <charconv>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <sstream>
#include <stop_token>
#include <thread>

#include "fakes/fake_bot_api.hpp"
#include "net/http_client.hpp"
#include "service/answerer.hpp"
#include "telegram/bot.hpp"
#include "telegram/redaction.hpp"
#include "telegram/state_store.hpp"

namespace videobot::telegram::testing {

using namespace std::chrono_literals;

/// What the fake answerers saw, shared by all of them.
struct AnswerLog {
  std::mutex mutex;
  std::vector<std::string> questions;
  std::vector<std::string> explained;
  std::atomic<int> created{0};
  std::atomic<int> in_progress{0};
  std::atomic<int> factory_failures_left{0};

  std::vector<std::string> Questions() {
    std::lock_guard lock(mutex);
    return questions;
  }
  std::vector<std::string> Explained() {
    std::lock_guard lock(mutex);
    return explained;
  }

  /// Lets every "held" question finish.
  void Release() {
    {
      std::lock_guard lock(gate_mutex);
      released = true;
    }
    gate.notify_all();
  }
  /// Blocks a "held" question until Release (at most a minute, so a failing test still ends).
  void WaitForRelease() {
    std::unique_lock lock(gate_mutex);
    gate.wait_for(lock, std::chrono::minutes(1), [this] { return released; });
  }

 private:
  std::mutex gate_mutex;
  std::condition_variable gate;
  bool released = false;
};

/// Answers "ответ:<question>"; "series …" answers a three-day series; "ranking …" a ranking of
/// two videos, "top1 …" of one; "slow:<ms> …" sleeps first; "held …" waits for AnswerLog::Release; "unavailable …"
/// reports an outage; "throw …" throws; "refuse …" is refused with the question quoted. Explain answers
/// "план:<question>", with SQL (`Reply::sql`) when the question starts with "sql".
class FakeAnswerer final : public service::Answerer {
 public:
  explicit FakeAnswerer(AnswerLog& log) : log_(log) {}
  service::Reply Answer(std::string_view question) override {
    {
      std::lock_guard lock(log_.mutex);
      log_.questions.emplace_back(question);
    }
    ++log_.in_progress;
    if (question.rfind("held", 0) == 0) log_.WaitForRelease();
    if (question.rfind("slow:", 0) == 0) {
      int ms = 0;
      std::from_chars(question.data() + 5, question.data() + question.size(), ms);
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    }
    --log_.in_progress;
    if (question.rfind("throw", 0) == 0) throw std::runtime_error("answerer failure");
    if (question.rfind("unavailable", 0) == 0) {
      return {service::Reply::Kind::kUnavailable, "временно недоступно", "database_unavailable", "fake"};
    }
    if (question.rfind("series", 0) == 0) {
      service::Reply reply{service::Reply::Kind::kAnswer, "2025-11-27 1\n2025-11-28 3\n2025-11-29 2", "ok", "fake"};
      reply.series = {{"2025-11-27", 1}, {"2025-11-28", 3}, {"2025-11-29", 2}};
      reply.series_layout = service::SeriesLayout{plan::Bucket::kDay, UtcOffset{}, "Прирост лайков по дням", true, ""};
      return reply;
    }
    if (question.rfind("ranking", 0) == 0 || question.rfind("top1", 0) == 0) {
      const bool one = question.rfind("top1", 0) == 0;
      service::Reply reply{service::Reply::Kind::kAnswer,
                           one ? "3f2504e0-4f89-41d3-9a0c-0305e82c3301 1200"
                               : "3f2504e0-4f89-41d3-9a0c-0305e82c3301 1200\n9a0c0305-4f89-41d3-3f25-04e0e82c3301 800",
                           "ok", "fake"};
      reply.ranking = {{"3f2504e0-4f89-41d3-9a0c-0305e82c3301", 1200}};
      if (!one) reply.ranking.push_back({"9a0c0305-4f89-41d3-3f25-04e0e82c3301", 800});
      reply.ranking_layout =
          service::RankingLayout{"Топ-2 видео по числу лайков", "число лайков", true, false, "", false};
      return reply;
    }
    if (question.rfind("refuse", 0) == 0) {
      return {service::Reply::Kind::kRefusal, "не понял «" + std::string(question) + "»", "not_understood", "fake"};
    }
    return {service::Reply::Kind::kAnswer, "ответ:" + std::string(question), "ok", "fake"};
  }
  service::Reply Explain(std::string_view question) override {
    {
      std::lock_guard lock(log_.mutex);
      log_.explained.emplace_back(question);
    }
    service::Reply reply{service::Reply::Kind::kAnswer, "план:" + std::string(question), "ok", "fake"};
    if (question.rfind("sql", 0) == 0) reply.sql = "SELECT a < b & c -- " + std::string(question);
    return reply;
  }

 private:
  AnswerLog& log_;
};

inline service::AnswererFactory FakeAnswerers(AnswerLog& log) {
  return [&log]() -> std::unique_ptr<service::Answerer> {
    if (log.factory_failures_left > 0) {
      --log.factory_failures_left;
      throw EnvironmentError("database is down");
    }
    ++log.created;
    return std::make_unique<FakeAnswerer>(log);
  };
}

/// The ledger state in memory; `available = false` makes every call throw.
class MemoryStateStore final : public StateStore {
 public:
  LedgerState Load(std::int64_t bot_id) override {
    std::lock_guard lock(mutex_);
    if (!available_) throw EnvironmentError("state storage is down");
    bot_id_ = bot_id;
    return state_;
  }
  void Save(std::int64_t bot_id, const LedgerState& state) override {
    std::lock_guard lock(mutex_);
    if (!available_) {
      ++failed_saves_;
      throw EnvironmentError("state storage is down");
    }
    bot_id_ = bot_id;
    state_ = state;
    ++saves_;
  }
  std::int64_t bot_id() {
    std::lock_guard lock(mutex_);
    return bot_id_;
  }
  LedgerState state() {
    std::lock_guard lock(mutex_);
    return state_;
  }
  void set_state(LedgerState state) {
    std::lock_guard lock(mutex_);
    state_ = std::move(state);
  }
  void set_available(bool available) {
    std::lock_guard lock(mutex_);
    available_ = available;
  }
  int saves() {
    std::lock_guard lock(mutex_);
    return saves_;
  }
  int failed_saves() {
    std::lock_guard lock(mutex_);
    return failed_saves_;
  }

 private:
  std::mutex mutex_;
  LedgerState state_;
  bool available_ = true;
  int saves_ = 0;
  int failed_saves_ = 0;
  std::int64_t bot_id_ = 0;
};

/// Keeps formatted log lines in memory.
class MemorySink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  std::string Text() {
    std::lock_guard lock(mutex_);
    return text_;
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t formatted;
    formatter_->format(msg, formatted);
    text_.append(formatted.data(), formatted.size());
  }
  void flush_() override {}

 private:
  std::string text_;
};

/// Captures log lines in memory (through the same token-redacting sink as production).
class LogCapture {
 public:
  explicit LogCapture(const std::string& token)
      : sink_(std::make_shared<MemorySink>()), logger_(MakeRedactingLogger("bot-test", token, sink_)) {}
  std::shared_ptr<spdlog::logger> logger() const { return logger_; }
  std::string Text() { return sink_->Text(); }

 private:
  std::shared_ptr<MemorySink> sink_;
  std::shared_ptr<spdlog::logger> logger_;
};

/// Runs a Bot on a thread until Stop().
class BotRunner {
 public:
  BotRunner(BotConfig config, BotDependencies dependencies)
      : bot_(std::move(config), std::move(dependencies)), thread_([this] { status_ = bot_.Run(stop_.get_token()); }) {}
  ~BotRunner() { Stop(); }
  /// Requests a stop and waits for Run to return; returns its status.
  int Stop() {
    stop_.request_stop();
    if (thread_.joinable()) thread_.join();
    return status_;
  }
  /// Waits for Run to return by itself (e.g. a rejected token).
  int Join() {
    if (thread_.joinable()) thread_.join();
    return status_;
  }

 private:
  Bot bot_;
  std::stop_source stop_;
  std::atomic<int> status_{-1};
  std::thread thread_;
};

inline constexpr const char* kToken = "777001:BOT-token_secret-XYZ";

inline std::vector<std::string> Texts(const std::vector<videobot::testing::SentMessage>& messages) {
  std::vector<std::string> texts;
  for (const auto& m : messages) texts.push_back(m.text);
  return texts;
}

/// A fake Bot API server, fake answerers and an in-memory state store, and a bot to start on them.
class BotFixture : public ::testing::Test {
 protected:
  BotConfig Config() const {
    BotConfig config;
    config.token = kToken;
    config.api_url = server_.url();
    config.workers = 4;
    config.rate_limit_per_minute = 0;
    config.poll_timeout = 1s;
    config.shutdown_grace = 3s;
    return config;
  }
  BotDependencies Dependencies() {
    BotDependencies deps;
    deps.answerers = FakeAnswerers(answers_);
    deps.http_clients = [] { return net::MakeCurlHttpClient(); };
    deps.state_store = &store_;
    deps.logger = log_.logger();
    return deps;
  }
  std::unique_ptr<BotRunner> Start() { return Start(Config()); }
  std::unique_ptr<BotRunner> Start(const BotConfig& config) {
    return std::make_unique<BotRunner>(config, Dependencies());
  }
  /// Waits until `done()` holds.
  static bool WaitUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (done()) return true;
      std::this_thread::sleep_for(10ms);
    }
    return false;
  }
  /// Waits until the persisted offset reaches `offset`.
  bool WaitForSavedOffset(std::int64_t offset, std::chrono::milliseconds timeout = 5s) {
    return WaitUntil([&] { return store_.state().offset == offset; }, timeout);
  }

  videobot::testing::FakeBotApi server_{kToken};
  AnswerLog answers_;
  MemoryStateStore store_;
  LogCapture log_{kToken};
};

}  // namespace videobot::telegram::testing
