#pragma once
// Wiring shared by `bot` and `serve`: the logging and HTTP settings, the process logger, the
// Answerers (with their query timer), the HTTP server, and signals taken by a waiting thread.

#include <signal.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include <spdlog/fwd.h>

#include "app/context.hpp"
#include "http/api_server.hpp"
#include "observe/log_format.hpp"
#include "observe/process_metrics.hpp"
#include "service/answerer.hpp"

namespace videobot::app {

/// VIDEOBOT_HTTP_ADDR, VIDEOBOT_API_TOKEN and VIDEOBOT_LOG_FORMAT, checked.
struct MonitoringSettings {
  std::optional<http::ListenAddress> http_address;  ///< nullopt: no HTTP server
  std::string api_token;                            ///< "": /v1/ask disabled
  observe::LogFormat log_format = observe::LogFormat::kText;
};

/// Parses the settings. Throws std::invalid_argument with an English message naming the variable
/// and the accepted values.
MonitoringSettings ReadMonitoringSettings(const GlobalOptions& options);

/// A stderr logger in `format` that redacts each of `secrets` before formatting.
std::shared_ptr<spdlog::logger> MakeProcessLogger(std::string name, std::vector<std::string> secrets,
                                                  observe::LogFormat format);

/// Answerers over the configured planner and database, each with its own connection, queries
/// limited to `statement_timeout` and timed into `metrics` (may be null).
service::AnswererFactory MakeAnswererFactory(const AppContext& context, std::chrono::milliseconds statement_timeout,
                                             const std::shared_ptr<observe::ProcessMetrics>& metrics);

/// What the HTTP server needs besides the settings.
struct HttpWiring {
  std::shared_ptr<observe::ProcessMetrics> metrics;
  std::shared_ptr<spdlog::logger> logger;
  std::chrono::milliseconds statement_timeout{10'000};
  int rate_limit_per_minute = 30;
  /// A further readiness condition (the bot's polling); returns the reason when not ready.
  std::function<std::optional<std::string>()> extra_readiness;
};

/// Starts the HTTP server when the settings name an address (nullptr otherwise). Its readiness
/// reads the database's coverage; /metrics refreshes the data gauges from it. Throws
/// EnvironmentError when the address cannot be bound.
std::unique_ptr<http::ApiServer> StartHttpServer(const AppContext& context, const MonitoringSettings& settings,
                                                 const HttpWiring& wiring);

/// Blocks SIGINT, SIGTERM and SIGPIPE in the calling thread (and so in every thread it starts
/// afterwards) until destruction; WaitForStop takes SIGINT/SIGTERM synchronously.
class SignalBlock {
 public:
  SignalBlock();
  ~SignalBlock();
  SignalBlock(const SignalBlock&) = delete;
  SignalBlock& operator=(const SignalBlock&) = delete;

  /// Waits for SIGINT or SIGTERM and returns its number.
  int WaitForStop();

  /// Waits at most `timeout` for SIGINT or SIGTERM: its number, or 0 when none came.
  int WaitForStop(std::chrono::milliseconds timeout);

 private:
  sigset_t stop_signals_{};
  sigset_t previous_{};
};

/// Turns SIGINT and SIGTERM, taken from `signals` by a watcher thread, into a stop request on
/// `stop` (a signal while already stopping is only logged), so no async-signal-safety concerns
/// arise. `signals` must outlive it; the watcher ends on destruction.
class SignalStopper {
 public:
  SignalStopper(SignalBlock& signals, std::stop_source stop, std::shared_ptr<spdlog::logger> logger);
  ~SignalStopper();
  SignalStopper(const SignalStopper&) = delete;
  SignalStopper& operator=(const SignalStopper&) = delete;

 private:
  void Watch();

  SignalBlock& signals_;
  std::stop_source stop_;
  std::shared_ptr<spdlog::logger> logger_;
  std::atomic<bool> done_{false};
  std::thread watcher_;
};

}  // namespace videobot::app
