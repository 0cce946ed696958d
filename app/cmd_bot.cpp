// The `bot` command: runs the Telegram bot with one AnswerService per worker, and the HTTP
// server (health, metrics, API) beside it when VIDEOBOT_HTTP_ADDR is set.
#include <fmt/format.h>

#include <utility>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/monitoring.hpp"
#include "db/bot_state_store.hpp"
#include "db/migrations.hpp"
#include "telegram/bot.hpp"

namespace videobot::app {
namespace {

/// Extra time, beyond three long polls, before a silent getUpdates makes the bot unready.
constexpr double kPollMarginSeconds = 30;

/// The bot is ready while getUpdates keeps succeeding: a long poll returns at the latest after
/// the poll timeout, so three of them without a success mean Telegram is out of reach.
std::function<std::optional<std::string>()> PollingReadiness(std::shared_ptr<observe::ProcessMetrics> metrics,
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

/// The bot's ledger kept in the database's bot_state table: db's store behind the bot's interface.
class DatabaseStateStore final : public telegram::StateStore {
 public:
  explicit DatabaseStateStore(db::BotStateStore::Opener open) : store_(std::move(open)) {}

  telegram::LedgerState Load(std::int64_t bot_id) override {
    db::BotLedger ledger = store_.Load(bot_id);
    return telegram::LedgerState{ledger.offset, std::move(ledger.done_ids)};
  }

  void Save(std::int64_t bot_id, const telegram::LedgerState& state) override {
    store_.Save(bot_id, db::BotLedger{state.offset, state.done_ids});
  }

 private:
  db::BotStateStore store_;
};

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
  const SignalBlock signals;
  HttpWiring wiring;
  wiring.metrics = metrics;
  wiring.logger = logger;
  wiring.statement_timeout = config.statement_timeout;
  wiring.rate_limit_per_minute = config.rate_limit_per_minute;
  wiring.extra_readiness = PollingReadiness(metrics, config.poll_timeout);
  auto server = StartHttpServer(context, settings, wiring);
  auto open_state_db = [&context] { return context.OpenDatabase(db::OpenMode::kExisting); };
  DatabaseStateStore state_store(open_state_db);
  const int status = telegram::RunBot(
      config, MakeAnswererFactory(context, config.statement_timeout, metrics), state_store, open_state_db,
      telegram::RunBotOptions{logger, metrics, plan_source, context.options().database_url});
  if (server) server->Stop();
  return status;
}

}  // namespace videobot::app
