// The `serve` command: the HTTP server alone (health, readiness, metrics, /v1/ask), no Telegram,
// until SIGINT or SIGTERM.
#include <fmt/format.h>

#include <spdlog/logger.h>
#include <charconv>
#include <cstdlib>
#include <stdexcept>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/monitoring.hpp"
#include "common/text.hpp"

namespace videobot::app {
namespace {

/// An integer environment variable within [low, high], or `fallback` when unset.
int BoundedEnv(const char* name, int fallback, int low, int high) {
  const char* raw = std::getenv(name);
  if (raw == nullptr || TrimAscii(raw).empty()) return fallback;
  const std::string_view text = TrimAscii(raw);
  int value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < low || value > high) {
    throw ConfigurationError(fmt::format("{}: нужно целое число от {} до {}", name, low, high));
  }
  return value;
}

}  // namespace

int RunServe(const AppContext& context) {
  const auto settings = ReadMonitoringSettings(context.options());
  if (!settings.http_address) {
    throw ConfigurationError("serve: задайте в VIDEOBOT_HTTP_ADDR адрес для приёма запросов, например 127.0.0.1:8080");
  }
  // A misconfigured planner (unknown mode, missing key) fails at start-up, not per question: it
  // is built here only to be checked.
  static_cast<void>(context.MakePlanner());
  HttpWiring wiring;
  // The same limits as the bot, from the same settings.
  wiring.statement_timeout = std::chrono::milliseconds(BoundedEnv("BOT_STATEMENT_TIMEOUT_MS", 10'000, 1, 3'600'000));
  wiring.rate_limit_per_minute = BoundedEnv("BOT_RATE_LIMIT_PER_MINUTE", 30, 0, 1'000'000);
  wiring.metrics = std::make_shared<observe::ProcessMetrics>();
  wiring.logger = MakeProcessLogger("serve", {settings.api_token}, settings.log_format);
  SignalBlock signals;
  auto server = StartHttpServer(context, settings, wiring);
  const int signal = signals.WaitForStop();
  wiring.logger->info("event=signal signal={} stopping", signal);
  server->Stop();
  wiring.logger->info("event=stopped");
  return kExitOk;
}

}  // namespace videobot::app
