#pragma once
// Settings shared by all commands (global options and environment), and the factories that
// turn them into the pipeline's parts. Wiring lives here and in the command files only.

#include <memory>
#include <optional>
#include <string>

#include "common/time.hpp"
#include "db/database.hpp"
#include "plan/plan_source.hpp"
#include "service/answer_service.hpp"

namespace videobot::app {

struct GlobalOptions {
  std::string database_url;            ///< --db / DATABASE_URL; default sqlite:videobot.db
  std::string planner;                 ///< --planner / VIDEOBOT_PLANNER; "" = default for the settings
  std::string now;                     ///< --now / VIDEOBOT_NOW (RFC 3339); "" = the system clock
  std::string time_zone;               ///< --tz / VIDEOBOT_TZ ("UTC", "+03:00"); "" = UTC
  std::string http_address;            ///< VIDEOBOT_HTTP_ADDR ("127.0.0.1:8080"); "" = no HTTP server
  std::string api_token;               ///< VIDEOBOT_API_TOKEN; "" = POST /v1/ask disabled
  std::string log_format;              ///< VIDEOBOT_LOG_FORMAT: text | json; "" = text
  std::string sqlite_busy_timeout_ms;  ///< VIDEOBOT_SQLITE_BUSY_TIMEOUT_MS; "" = db::kDefaultSqliteBusyTimeout
};

/// Everything a command needs, built once from GlobalOptions.
class AppContext {
 public:
  /// Throws std::invalid_argument with an English message for a malformed --now, --tz or
  /// VIDEOBOT_SQLITE_BUSY_TIMEOUT_MS, or a database URL of an unsupported form (db::CheckUrlForm).
  explicit AppContext(GlobalOptions options);

  /// Opens the configured database: kCreate for the commands that build it (migrate, load),
  /// kExisting for every command that reads (a missing or uninitialised database is then a
  /// db::NotInitialisedError and no file is created). Throws db::DatabaseError.
  [[nodiscard]] std::unique_ptr<db::Database> OpenDatabase(db::OpenMode mode) const;

  /// The configured plan source (rules, llm, auto, verify). Throws std::invalid_argument for an
  /// unknown mode or a missing API key.
  [[nodiscard]] std::unique_ptr<plan::PlanSource> MakePlanner() const;

  /// "Now" and the time zone, for planning and compiling.
  [[nodiscard]] plan::TimeContext TimeNow() const { return plan::TimeContext{clock_->Now(), offset_}; }

  /// The SQL dialect of the configured database URL (no connection needed).
  [[nodiscard]] sql::Dialect dialect() const;

  [[nodiscard]] const Clock& clock() const { return *clock_; }
  [[nodiscard]] UtcOffset offset() const { return offset_; }
  [[nodiscard]] const GlobalOptions& options() const { return options_; }

 private:
  GlobalOptions options_;
  std::unique_ptr<Clock> clock_;
  UtcOffset offset_;
  db::ConnectionOptions connection_;
};

/// An AnswerService together with the parts it borrows.
struct ServiceBundle {
  std::unique_ptr<plan::PlanSource> planner;
  std::unique_ptr<db::Database> database;
  std::unique_ptr<service::AnswerService> service;
};

/// Builds a planner, opens the existing database and wires a service. Throws like the factories
/// above.
ServiceBundle MakeService(const AppContext& context);

}  // namespace videobot::app
