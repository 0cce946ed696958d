#include "app/context.hpp"

#include <charconv>
#include <stdexcept>

#include "app/cli.hpp"
#include "app/planner_factory.hpp"
#include "db/connection_url.hpp"
#include "db/migrations.hpp"
#include "llm/settings.hpp"
#include "nl/grounding.hpp"
#include "nl/rule_parser.hpp"

namespace videobot::app {
namespace {

std::unique_ptr<Clock> MakeClock(const std::string& now) {
  if (now.empty()) return std::make_unique<SystemClock>();
  auto instant = ParseTimestamp(now);
  if (!instant) {
    throw ConfigurationError("--now/VIDEOBOT_NOW: нужно время в формате RFC 3339, например 2025-12-01T12:00:00Z");
  }
  return std::make_unique<FixedClock>(*instant);
}

UtcOffset MakeOffset(const std::string& zone) {
  if (zone.empty()) return UtcOffset{0};
  auto offset = ParseUtcOffset(zone);
  if (!offset) throw ConfigurationError("--tz/VIDEOBOT_TZ: нужно UTC или смещение вида +03:00");
  return *offset;
}

// The longest accepted busy timeout: an hour (a load of a very large file on a slow disk).
constexpr std::int64_t kMaxBusyTimeoutMs = 3'600'000;

db::ConnectionOptions MakeConnectionOptions(const std::string& busy_timeout_ms) {
  db::ConnectionOptions options;
  if (busy_timeout_ms.empty()) return options;
  std::int64_t value = -1;
  const char* end = busy_timeout_ms.data() + busy_timeout_ms.size();
  const auto [ptr, error] = std::from_chars(busy_timeout_ms.data(), end, value);
  if (error != std::errc() || ptr != end || value < 0 || value > kMaxBusyTimeoutMs) {
    throw ConfigurationError("VIDEOBOT_SQLITE_BUSY_TIMEOUT_MS: нужно целое число миллисекунд от 0 до " +
                             std::to_string(kMaxBusyTimeoutMs) + ", задано «" + busy_timeout_ms + "»");
  }
  options.sqlite_busy_timeout = std::chrono::milliseconds(value);
  return options;
}

}  // namespace

AppContext::AppContext(GlobalOptions options)
    : options_(std::move(options)),
      clock_(MakeClock(options_.now)),
      offset_(MakeOffset(options_.time_zone)),
      connection_(MakeConnectionOptions(options_.sqlite_busy_timeout_ms)) {
  if (options_.database_url.empty()) options_.database_url = "sqlite:videobot.db";
  if (auto problem = db::CheckUrlForm(options_.database_url))
    throw ConfigurationError("--db/DATABASE_URL: " + *problem);
}

sql::Dialect AppContext::dialect() const { return db::UrlDialect(options_.database_url); }

std::unique_ptr<db::Database> AppContext::OpenDatabase(db::OpenMode mode) const {
  return db::Open(options_.database_url, mode, connection_);
}

std::unique_ptr<plan::PlanSource> AppContext::MakePlanner() const {
  // The model's plans are checked against the question's ids, numbers and dates, read by the
  // parser's recognisers.
  auto planner = MakePlannerRouter(options_.planner, std::make_unique<nl::RuleParser>(),
                                   llm::Settings::FromEnvironment(), nl::ExtractQuestionLiterals);
  if (!planner) throw ConfigurationError("--planner/VIDEOBOT_PLANNER: " + planner.error().message);
  return std::move(*planner);
}

ServiceBundle MakeService(const AppContext& context) {
  ServiceBundle bundle;
  bundle.planner = context.MakePlanner();
  bundle.database = context.OpenDatabase(db::OpenMode::kCurrent);
  bundle.service =
      std::make_unique<service::AnswerService>(*bundle.planner, *bundle.database, context.clock(), context.offset());
  return bundle;
}

}  // namespace videobot::app
