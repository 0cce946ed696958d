// The `bot` command: wires the Telegram bot to its real collaborators — libcurl, the ledger in
// the database, one AnswerService per worker, the status read for /status — and runs it until
// SIGINT or SIGTERM, with the HTTP server (health, metrics, API) beside it when
// VIDEOBOT_HTTP_ADDR is set.
#include <fmt/format.h>
#include <spdlog/logger.h>

#include <functional>
#include <stop_token>
#include <utility>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/database_state_store.hpp"
#include "app/monitoring.hpp"
#include "common/error.hpp"
#include "db/migrations.hpp"
#include "net/http_client.hpp"
#include "service/status.hpp"
#include "telegram/bot.hpp"

namespace videobot::app {
namespace {

/// Extra time, beyond three long polls, before a silent getUpdates makes the bot unready.
constexpr double kPollMarginSeconds = 30;

/// The bot is ready while getUpdates keeps succeeding: a long poll returns at the latest after
/// the poll timeout, so three of them without a success mean Telegram is out of reach.
std::function<std::optional<std::string>()> PollingReadiness(const std::shared_ptr<observe::ProcessMetrics>& metrics,
                                                             std::chrono::seconds poll_timeout) {
  const double limit = 3.0 * static_cast<double>(poll_timeout.count()) + kPollMarginSeconds;
  return [metrics, limit]() -> std::optional<std::string> {
    const auto last = metrics->LastGetUpdatesSuccess();
    if (!last) return "no successful getUpdates yet";
    const double age = observe::WallClockSeconds() - *last;
    if (age > limit) return fmt::format("last successful getUpdates {:.0f} s ago", age);
    return std::nullopt;
  };
}

/// The /status the bot shows, from the service's status of the database. A database without
/// data makes /status say the status is unavailable.
telegram::BotStatus ToBotStatus(const service::Status& status) {
  if (!status.initialised) throw EnvironmentError(status.not_initialised);
  telegram::BotStatus bot_status;
  bot_status.version = status.version;
  bot_status.engine = status.engine;
  if (status.schema_version > 0) bot_status.schema = status.schema_version;
  bot_status.coverage =
      telegram::DataCoverage{status.coverage.videos, status.coverage.snapshots, status.coverage.first_measured,
                             status.coverage.last_measured, status.coverage.loaded_at};
  bot_status.plan_source = status.planner;
  bot_status.database_url = status.database_url;
  return bot_status;
}

/// Reads the status for each /status with a connection of its own.
std::function<telegram::BotStatus()> StatusReader(const AppContext& context, std::string plan_source) {
  service::StatusSettings settings{std::move(plan_source), context.options().database_url, context.dialect()};
  return [&context, settings] {
    auto database = context.OpenDatabase(db::OpenMode::kExisting);
    return ToBotStatus(service::ReadStatus(*database, settings));
  };
}

/// Runs the bot until SIGINT or SIGTERM arrives through `signals`. Returns the process exit status:
/// 0 after a graceful shutdown, 1 when the token is rejected or the bot cannot start.
int RunUntilSignalled(const telegram::BotConfig& config, telegram::BotDependencies dependencies, SignalBlock& signals) {
  const auto logger = dependencies.logger;
  try {
    std::stop_source stop;
    const SignalStopper stopper(signals, stop, logger);
    telegram::Bot bot(config, std::move(dependencies));
    return bot.Run(stop.get_token());
  } catch (const std::exception& error) {
    logger->error("event=fatal error=\"{}\"", error.what());
    return telegram::kBotExitFailure;
  }
}

/// The HTTP clients the bot makes: libcurl with the configured proxy and reply size limit.
std::function<std::unique_ptr<net::HttpClient>()> CurlClients(const telegram::BotConfig& config) {
  net::CurlOptions curl;
  curl.proxy_url = config.proxy_url;
  curl.max_response_bytes = config.max_response_bytes;
  return [curl] { return net::MakeCurlHttpClient(curl); };
}

}  // namespace

int RunBot(const AppContext& context) {
  const auto config = telegram::BotConfig::FromEnvironment();
  const auto settings = ReadMonitoringSettings(context.options());
  {
    // A missing or uninitialised database stops the bot here, with the message that says how to
    // fix it; an existing one is brought up to date (the bot keeps its update offset in it).
    auto database = context.OpenDatabase(db::OpenMode::kExisting);
    db::Migrate(*database);
  }
  // A misconfigured planner (unknown mode, missing key) fails at start-up, not per question.
  const std::string plan_source(context.MakePlanner()->Name());
  auto metrics = std::make_shared<observe::ProcessMetrics>();
  auto logger = MakeProcessLogger("bot", {config.token, settings.api_token}, settings.log_format);
  // Blocked before the HTTP server starts its threads, so only the bot's watcher takes signals.
  SignalBlock signals;
  HttpWiring wiring;
  wiring.metrics = metrics;
  wiring.logger = logger;
  wiring.statement_timeout = config.statement_timeout;
  wiring.rate_limit_per_minute = config.rate_limit_per_minute;
  wiring.extra_readiness = PollingReadiness(metrics, config.poll_timeout);
  auto server = StartHttpServer(context, settings, wiring);
  DatabaseStateStore state_store([&context] { return context.OpenDatabase(db::OpenMode::kExisting); });
  telegram::BotDependencies dependencies;
  dependencies.answerers = MakeAnswererFactory(context, config.statement_timeout, metrics);
  dependencies.http_clients = CurlClients(config);
  dependencies.state_store = &state_store;
  dependencies.logger = logger;
  dependencies.metrics = metrics;
  dependencies.status = StatusReader(context, plan_source);
  const int status = RunUntilSignalled(config, std::move(dependencies), signals);
  if (server) server->Stop();
  return status;
}

}  // namespace videobot::app
