// RunBot: the bot with its real collaborators, stopped by SIGINT or SIGTERM.
#include <pthread.h>
#include <signal.h>

#include <spdlog/logger.h>
#include <atomic>
#include <ctime>
#include <thread>

#include "telegram/bot.hpp"
#include "telegram/redaction.hpp"

namespace videobot::telegram {
namespace {

/// Blocks SIGINT, SIGTERM (and SIGPIPE) in the calling thread, hence in every thread it starts,
/// and turns their arrival into a stop request: a signal watcher thread takes them with
/// sigtimedwait, so no async-signal-safety concerns arise.
class SignalStopper {
 public:
  SignalStopper(std::stop_source stop, std::shared_ptr<spdlog::logger> logger)
      : stop_(std::move(stop)), logger_(std::move(logger)) {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    sigset_t blocked = signals_;
    sigaddset(&blocked, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &blocked, &previous_);
    watcher_ = std::thread([this] { Watch(); });
  }
  ~SignalStopper() {
    done_ = true;
    watcher_.join();
    // Consume a signal that arrived after the watcher's last look: unblocking it would kill the
    // process after a clean shutdown.
    const timespec now{0, 0};
    while (sigtimedwait(&signals_, nullptr, &now) > 0) {
    }
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  SignalStopper(const SignalStopper&) = delete;
  SignalStopper& operator=(const SignalStopper&) = delete;

 private:
  void Watch() {
    const timespec tick{0, 100'000'000};
    while (!done_) {
      const int signal = sigtimedwait(&signals_, nullptr, &tick);
      if (signal == SIGINT || signal == SIGTERM) {
        if (stop_.stop_requested()) {
          logger_->info("event=signal signal={} (already stopping)", signal);
        } else {
          logger_->info("event=signal signal={} stopping: finishing the questions in progress", signal);
          stop_.request_stop();
        }
      }
    }
  }

  std::stop_source stop_;
  std::shared_ptr<spdlog::logger> logger_;
  sigset_t signals_{};
  sigset_t previous_{};
  std::atomic<bool> done_{false};
  std::thread watcher_;
};

}  // namespace

int RunBot(const BotConfig& config, service::AnswererFactory answerers, StateStore& state_store,
           std::function<std::unique_ptr<db::Database>()> open_status_db, RunBotOptions options) {
  auto logger = options.logger ? options.logger : MakeRedactingStderrLogger("bot", config.token);
  try {
    net::CurlOptions curl;
    curl.proxy_url = config.proxy_url;
    curl.max_response_bytes = config.max_response_bytes;
    BotDependencies dependencies;
    dependencies.answerers = std::move(answerers);
    dependencies.http_clients = [curl] { return net::MakeCurlHttpClient(curl); };
    dependencies.state_store = &state_store;
    dependencies.logger = logger;
    dependencies.metrics = std::move(options.metrics);
    dependencies.status = [open_status_db, plan_source = options.plan_source, url = options.database_url] {
      auto database = open_status_db();
      return ReadBotStatus(*database, plan_source, url);
    };
    std::stop_source stop;
    SignalStopper signals(stop, logger);
    Bot bot(config, std::move(dependencies));
    return bot.Run(stop.get_token());
  } catch (const std::exception& error) {
    logger->error("event=fatal error=\"{}\"", error.what());
    return kBotExitFailure;
  }
}

}  // namespace videobot::telegram
