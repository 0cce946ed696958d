#include "app/monitoring.hpp"

#include <pthread.h>

#include <spdlog/logger.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <ctime>
#include <stdexcept>

#include "app/cli.hpp"
#include "db/database.hpp"
#include "telegram/redaction.hpp"

namespace videobot::app {
namespace {

// An Answerer that owns the parts its AnswerService borrows.
class OwningAnswerer final : public service::Answerer {
 public:
  explicit OwningAnswerer(ServiceBundle bundle) : bundle_(std::move(bundle)) {}
  service::Reply Answer(std::string_view question) override { return bundle_.service->Answer(question); }
  service::Reply Explain(std::string_view question) override { return bundle_.service->Explain(question); }

 private:
  ServiceBundle bundle_;
};

}  // namespace

MonitoringSettings ReadMonitoringSettings(const GlobalOptions& options) {
  MonitoringSettings settings;
  if (!options.http_address.empty()) {
    settings.http_address = http::ParseListenAddress(options.http_address);
    if (!settings.http_address) {
      throw ConfigurationError(
          "VIDEOBOT_HTTP_ADDR: нужно HOST:PORT, например 127.0.0.1:8080, [::1]:8080 или 127.0.0.1:0 (любой свободный порт)");
    }
  }
  settings.api_token = options.api_token;
  if (settings.api_token.find_first_of(" \t\r\n") != std::string::npos) {
    throw ConfigurationError("VIDEOBOT_API_TOKEN: не должен содержать пробелов");
  }
  const auto format = observe::ParseLogFormat(options.log_format);
  if (!format) throw ConfigurationError("VIDEOBOT_LOG_FORMAT: нужно text или json (по умолчанию text)");
  settings.log_format = *format;
  return settings;
}

std::shared_ptr<spdlog::logger> MakeProcessLogger(std::string name, std::vector<std::string> secrets,
                                                  observe::LogFormat format) {
  auto stderr_sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  stderr_sink->set_formatter(observe::MakeLogFormatter(format));
  return telegram::MakeRedactingLogger(std::move(name), std::move(secrets), std::move(stderr_sink));
}

service::AnswererFactory MakeAnswererFactory(const AppContext& context, std::chrono::milliseconds statement_timeout,
                                             const std::shared_ptr<observe::ProcessMetrics>& metrics) {
  return [&context, statement_timeout, metrics]() -> std::unique_ptr<service::Answerer> {
    auto bundle = MakeService(context);
    bundle.database->SetStatementTimeout(statement_timeout);
    if (metrics) {
      bundle.service->SetQueryTimer(
          [metrics](std::chrono::duration<double> elapsed) { metrics->db_query_duration.Observe(elapsed.count()); });
    }
    return std::make_unique<OwningAnswerer>(std::move(bundle));
  };
}

std::unique_ptr<http::ApiServer> StartHttpServer(const AppContext& context, const MonitoringSettings& settings,
                                                 const HttpWiring& wiring) {
  if (!settings.http_address) return nullptr;
  auto probe = std::make_shared<http::DatabaseProbe>(
      [&context] { return context.OpenDatabase(db::OpenMode::kExisting); }, wiring.metrics);
  // /metrics shows the data as it is at scrape time (a serve process does not load). Weak: the
  // probe holds the metrics, so a strong reference here would keep both alive forever.
  wiring.metrics->registry().AddScrapeHook([weak = std::weak_ptr<http::DatabaseProbe>(probe)] {
    if (const auto alive = weak.lock()) alive->Check();
  });
  http::ServerConfig config;
  config.address = *settings.http_address;
  config.api_token = settings.api_token;
  config.rate_limit_per_minute = wiring.rate_limit_per_minute;
  http::ServerDependencies dependencies;
  dependencies.answerers = MakeAnswererFactory(context, wiring.statement_timeout, wiring.metrics);
  dependencies.readiness = [probe, extra = wiring.extra_readiness]() -> http::Readiness {
    http::Readiness readiness = probe->Check();
    if (!readiness.ready || !extra) return readiness;
    if (auto reason = extra()) return {false, *reason};
    return readiness;
  };
  dependencies.metrics = wiring.metrics;
  dependencies.logger = wiring.logger;
  auto server = std::make_unique<http::ApiServer>(std::move(config), std::move(dependencies));
  server->Start();
  return server;
}

SignalBlock::SignalBlock() {
  sigemptyset(&stop_signals_);
  sigaddset(&stop_signals_, SIGINT);
  sigaddset(&stop_signals_, SIGTERM);
  sigset_t blocked = stop_signals_;
  sigaddset(&blocked, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &blocked, &previous_);
}

SignalBlock::~SignalBlock() {
  // Consume a stop signal that arrived late: unblocking it would kill the process after a clean stop.
  const timespec now{0, 0};
  while (sigtimedwait(&stop_signals_, nullptr, &now) > 0) {
  }
  pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

int SignalBlock::WaitForStop() {
  while (true) {
    int signal = 0;
    if (sigwait(&stop_signals_, &signal) == 0) return signal;
  }
}

int SignalBlock::WaitForStop(std::chrono::milliseconds timeout) {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout);
  timespec wait{};
  wait.tv_sec = seconds.count();
  wait.tv_nsec = std::chrono::nanoseconds(timeout - seconds).count();
  const int signal = sigtimedwait(&stop_signals_, nullptr, &wait);
  return signal > 0 ? signal : 0;
}

SignalStopper::SignalStopper(SignalBlock& signals, std::stop_source stop, std::shared_ptr<spdlog::logger> logger)
    : signals_(signals), stop_(std::move(stop)), logger_(std::move(logger)) {
  watcher_ = std::thread([this] { Watch(); });
}

SignalStopper::~SignalStopper() {
  done_ = true;
  watcher_.join();
}

void SignalStopper::Watch() {
  constexpr std::chrono::milliseconds kTick{100};
  while (!done_) {
    const int signal = signals_.WaitForStop(kTick);
    if (signal == 0) continue;
    if (stop_.stop_requested()) {
      logger_->info("event=signal signal={} (already stopping)", signal);
    } else {
      logger_->info("event=signal signal={} stopping: finishing the questions in progress", signal);
      stop_.request_stop();
    }
  }
}

}  // namespace videobot::app
