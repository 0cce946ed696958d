// Answered messages per second through the fake Bot API server on loopback.
//
//   bench_telegram_bot [--chats 50] [--per-chat 20] [--workers 4] [--questions FILE.tsv]
//                      [--binary build/videobot --db sqlite:PATH]
//
// With --binary, the real `videobot bot` process answers (DATABASE_URL=--db, rules planner);
// without it, the bot runs in-process with an answerer that replies at once, which measures the
// adapter alone. All messages are queued at once; the clock runs from the first queued message
// to the last reply the server accepted.
#include <signal.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "fakes/fake_bot_api.hpp"
#include "integration/telegram/bot_process.hpp"
#include "telegram/bot.hpp"
#include "telegram/redaction.hpp"

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr const char* kToken = "100200:BENCH-token";

struct Options {
  int chats = 50;
  int per_chat = 20;
  int workers = 4;
  std::string questions_file;
  std::string binary;
  std::string database_url;
};

class InstantAnswerer final : public videobot::service::Answerer {
 public:
  videobot::service::Reply Answer(std::string_view question) override {
    return {videobot::service::Reply::Kind::kAnswer, std::to_string(question.size()), "ok", "instant"};
  }
  videobot::service::Reply Explain(std::string_view question) override { return Answer(question); }
};

class NullStateStore final : public videobot::telegram::StateStore {
 public:
  videobot::telegram::LedgerState Load(std::int64_t) override { return {}; }
  void Save(std::int64_t, const videobot::telegram::LedgerState&) override {}
};

std::vector<std::string> ReadQuestions(const std::string& path) {
  std::vector<std::string> questions;
  if (path.empty()) return {"Сколько всего видео есть в системе?", "Какое общее количество лайков набрали все видео?"};
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos || line.substr(tab + 1) == "REFUSE") continue;
    questions.push_back(line.substr(0, tab));
  }
  return questions;
}

bool WaitUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (!condition()) {
    if (Clock::now() > deadline) return false;
    std::this_thread::sleep_for(2ms);
  }
  return true;
}

int Usage() {
  std::fprintf(stderr,
               "usage: bench_telegram_bot [--chats N] [--per-chat N] [--workers N] [--questions FILE.tsv]\n"
               "                          [--binary PATH --db URL]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return Usage();
    const std::string value = argv[++i];
    if (arg == "--chats") {
      options.chats = std::stoi(value);
    } else if (arg == "--per-chat") {
      options.per_chat = std::stoi(value);
    } else if (arg == "--workers") {
      options.workers = std::stoi(value);
    } else if (arg == "--questions") {
      options.questions_file = value;
    } else if (arg == "--binary") {
      options.binary = value;
    } else if (arg == "--db") {
      options.database_url = value;
    } else {
      return Usage();
    }
  }
  if (!options.binary.empty() && options.database_url.empty()) return Usage();
  const auto questions = ReadQuestions(options.questions_file);
  if (questions.empty()) return Usage();

  videobot::testing::FakeBotApi server(kToken);
  std::unique_ptr<videobot::testing::BotProcess> process;
  std::unique_ptr<videobot::telegram::Bot> bot;
  NullStateStore store;
  std::stop_source stop;
  std::thread runner;
  const std::string log_path = "/tmp/bench_telegram_bot." + std::to_string(getpid()) + ".log";
  if (!options.binary.empty()) {
    process = std::make_unique<videobot::testing::BotProcess>(
        std::vector<std::string>{options.binary, "bot"},
        std::vector<std::string>{"BOT_TOKEN=" + std::string(kToken), "TELEGRAM_API_URL=" + server.url(),
                                 "DATABASE_URL=" + options.database_url, "VIDEOBOT_PLANNER=rules",
                                 "BOT_WORKERS=" + std::to_string(options.workers), "BOT_RATE_LIMIT_PER_MINUTE=0",
                                 "BOT_POLL_TIMEOUT_SECONDS=2"},
        log_path);
  } else {
    videobot::telegram::BotConfig config;
    config.token = kToken;
    config.api_url = server.url();
    config.workers = options.workers;
    config.rate_limit_per_minute = 0;
    config.poll_timeout = 2s;
    videobot::telegram::BotDependencies deps;
    deps.answerers = [] { return std::make_unique<InstantAnswerer>(); };
    deps.http_clients = [] { return videobot::net::MakeCurlHttpClient(); };
    deps.state_store = &store;
    deps.logger = videobot::telegram::MakeRedactingLogger(
        "bench", kToken,
        std::getenv("BENCH_LOG")
            ? std::static_pointer_cast<spdlog::sinks::sink>(std::make_shared<spdlog::sinks::stderr_sink_mt>())
            : std::static_pointer_cast<spdlog::sinks::sink>(std::make_shared<spdlog::sinks::null_sink_mt>()));
    bot = std::make_unique<videobot::telegram::Bot>(config, std::move(deps));
    runner = std::thread([&] { bot->Run(stop.get_token()); });
  }
  if (!WaitUntil([&] { return !server.RequestedOffsets().empty(); }, 30s)) {
    std::fprintf(stderr, "the bot never polled (log: %s)\n", log_path.c_str());
    return 1;
  }

  const std::size_t total = static_cast<std::size_t>(options.chats) * static_cast<std::size_t>(options.per_chat);
  const auto start = Clock::now();
  std::size_t q = 0;
  for (int i = 0; i < options.per_chat; ++i) {
    for (int chat = 1; chat <= options.chats; ++chat) server.PushText(chat, questions[q++ % questions.size()]);
  }
  const bool done = server.WaitForSent(total, 600s);
  const auto elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  const auto sent = server.Sent();

  // Per-chat order and exactly one reply per message.
  bool ordered = sent.size() == total;
  std::map<std::int64_t, int> per_chat;
  for (const auto& message : sent) ++per_chat[message.chat_id];
  for (const auto& [chat, count] : per_chat) ordered = ordered && count == options.per_chat;

  if (process) {
    process->Signal(SIGTERM);
    process->Wait(30s);
  } else {
    stop.request_stop();
    runner.join();
  }
  std::printf(
      "mode=%s workers=%d chats=%d per_chat=%d messages=%zu replies=%zu seconds=%.3f "
      "messages_per_second=%.1f complete=%s\n",
      process ? "process" : "in-process", options.workers, options.chats, options.per_chat, total, sent.size(), elapsed,
      static_cast<double>(sent.size()) / elapsed, done && ordered ? "yes" : "no");
  if (process) std::remove(log_path.c_str());
  return done && ordered ? 0 : 1;
}
