// The `bot` command: runs the Telegram bot with one AnswerService per worker.
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "db/migrations.hpp"
#include "telegram/bot.hpp"

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

int RunBot(const AppContext& context) {
  const auto config = telegram::BotConfig::FromEnvironment();
  {
    // A missing or uninitialised database stops the bot here, with the message that says how to
    // fix it; an existing one is brought up to date (the bot keeps its update offset in it).
    auto database = context.OpenDatabase(db::OpenMode::kExisting);
    db::Migrate(*database);
  }
  service::AnswererFactory answerers = [&context, &config]() -> std::unique_ptr<service::Answerer> {
    auto bundle = MakeService(context);
    bundle.database->SetStatementTimeout(config.statement_timeout);
    return std::make_unique<OwningAnswerer>(std::move(bundle));
  };
  // A misconfigured planner (unknown mode, missing key) fails at start-up, not per question.
  context.MakePlanner();
  auto open_state_db = [&context] { return context.OpenDatabase(db::OpenMode::kExisting); };
  return telegram::RunBot(config, answerers, open_state_db);
}

}  // namespace videobot::app
