#include "app/cli.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "app/commands.hpp"
#include "app/output.hpp"
#include "app/settings_catalogue.hpp"
#include "common/version.hpp"
#include "telegram/bot_config.hpp"

namespace videobot::app {
namespace {

std::string EnvOr(const char* name, std::string fallback = {}) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : std::move(fallback);
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

// Runs a command: a configuration error leaves with kExitUsage, a rejected input with
// kExitInput, any other failure with kExitEnvironment, each with a message on stderr.
template <typename F>
int Guarded(F&& command) {
  try {
    return command();
  } catch (const ConfigurationError& error) {
    return ReportConfigurationError(error.what());
  } catch (const telegram::ConfigError& error) {
    return ReportConfigurationError(error.what());
  } catch (const std::invalid_argument& error) {
    fmt::print(stderr, "{}\n", error.what());
    return kExitInput;
  } catch (const std::exception& error) {
    return PrintEnvironmentError(error.what());
  }
}

}  // namespace

int ReportConfigurationError(std::string_view what) {
  fmt::print(stderr, "ошибка настройки: {}\nсправка: videobot --help\n", what);
  return kExitUsage;
}

int RunCli(int argc, char** argv) {
  CLI::App app{
      "videobot — отвечает на вопросы о статистике видео одним числом.\n"
      "Answers Russian questions about video statistics with one number."};
  app.set_version_flag("--version", std::string(kVersion));
  app.require_subcommand(1);
  app.fallthrough();

  // Options default to their environment variables after parsing, so --help never prints a
  // value from the environment (DATABASE_URL may carry a password).
  GlobalOptions global;
  app.add_option(
      "--db", global.database_url,
      "sqlite:PATH | postgresql://… | clickhouse://HOST:PORT[,…]/DB[?cluster=NAME] (env DATABASE_URL; default sqlite:videobot.db)");
  app.add_option("--planner", global.planner, "rules | llm | auto | verify (env VIDEOBOT_PLANNER)");
  app.add_option("--now", global.now, "fixed current time, RFC 3339 (env VIDEOBOT_NOW)");
  app.add_option("--tz", global.time_zone, "time zone for days and months: UTC or ±HH:MM (env VIDEOBOT_TZ)");

  std::string file;
  std::vector<std::string> words;
  datagen::GeneratorOptions generator;

  auto* migrate = app.add_subcommand("migrate", "apply pending migrations; idempotent; prints what it applied");
  auto* load = app.add_subcommand("load", "load a videos.json document (FILE or - for stdin)");
  load->add_option("file", file, "FILE or -")->required();
  db::LoadOptions load_options;
  load->add_flag("--replace", load_options.replace,
                 "the file is the whole truth: remove stored videos (and snapshots) it does not list");
  load->add_flag("--allow-empty", load_options.allow_empty,
                 "with --replace: accept a file without videos (empties the data)");
  auto* generate = app.add_subcommand("generate", "write a generated data set (videos.json shape) to stdout");
  generate->add_option("--videos", generator.videos, "number of videos")
      ->capture_default_str()
      ->check(CLI::Range(0, 100'000'000));
  generate->add_option("--creators", generator.creators, "number of creators")
      ->capture_default_str()
      ->check(CLI::Range(1, 10'000'000));
  generate->add_option("--seed", generator.seed, "random seed")->capture_default_str();
  auto* ask = app.add_subcommand("ask", "print the answer: the number, or `key value` lines for a series");
  ask->add_option("question", words, "the question in Russian")->required();
  std::string ask_format = "text";
  ask->add_option("--format", ask_format, "text (the number, or `key value` lines for a series), csv or json")
      ->check(CLI::IsMember({"text", "csv", "json"}))
      ->capture_default_str();
  std::string ask_chart;
  ask->add_option("--chart", ask_chart, "also write a series answer as a 1280x720 PNG line chart to this file");
  auto* plan = app.add_subcommand("plan", "print the validated query plan as JSON");
  plan->add_option("question", words, "the question in Russian")->required();
  auto* run_plan = app.add_subcommand("run-plan", "execute a plan JSON document (FILE or -) and print the number");
  run_plan->add_option("file", file, "FILE or -")->required();
  auto* sql = app.add_subcommand("sql", "print the SQL and its bound parameters for the configured database");
  sql->add_option("question", words, "the question in Russian")->required();
  auto* explain = app.add_subcommand("explain", "explain in Russian how the answer is computed, with the SQL");
  explain->add_option("question", words, "the question in Russian")->required();
  auto* status_command =
      app.add_subcommand("status", "print version, engine, schema version, data coverage and planner mode");
  auto* chat = app.add_subcommand("chat", "interactive prompt answering like the bot");
  auto* bot = app.add_subcommand("bot", "run the Telegram bot (env BOT_TOKEN, TELEGRAM_API_URL …)");
  auto* serve = app.add_subcommand(
      "serve",
      "run the HTTP server without Telegram: /healthz, /readyz, /metrics, POST /v1/ask (env VIDEOBOT_HTTP_ADDR)");
  auto* settings =
      app.add_subcommand("settings", "print every setting (variable, flag, default, meaning) as a Markdown table");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // --help and --version are parse "errors" with status 0: CLI11 prints them.
    if (error.get_exit_code() == 0) return app.exit(error);
    return ReportConfigurationError(error.what());
  }

  if (global.database_url.empty()) global.database_url = EnvOr("DATABASE_URL", "sqlite:videobot.db");
  if (global.planner.empty()) global.planner = EnvOr("VIDEOBOT_PLANNER");
  if (global.now.empty()) global.now = EnvOr("VIDEOBOT_NOW");
  if (global.time_zone.empty()) global.time_zone = EnvOr("VIDEOBOT_TZ");
  global.http_address = EnvOr("VIDEOBOT_HTTP_ADDR");
  global.api_token = EnvOr("VIDEOBOT_API_TOKEN");
  global.log_format = EnvOr("VIDEOBOT_LOG_FORMAT");
  global.sqlite_busy_timeout_ms = EnvOr("VIDEOBOT_SQLITE_BUSY_TIMEOUT_MS");
  if (*generate) return Guarded([&] { return RunGenerate(generator); });
  if (*settings) {
    fmt::print("{}", SettingsMarkdownTable());
    return kExitOk;
  }
  return Guarded([&] {
    const AppContext context(global);
    if (*migrate) return RunMigrate(context);
    if (*load) return RunLoad(context, file, load_options);
    if (*ask) return RunAsk(context, Join(words), ask_format, ask_chart);
    if (*plan) return RunPlan(context, Join(words));
    if (*run_plan) return RunRunPlan(context, file);
    if (*sql) return RunSql(context, Join(words));
    if (*explain) return RunExplain(context, Join(words));
    if (*status_command) return RunStatus(context);
    if (*chat) return RunChat(context);
    if (*bot) return RunBot(context);
    if (*serve) return RunServe(context);
    return kExitUsage;
  });
}

}  // namespace videobot::app
