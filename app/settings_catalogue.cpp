#include "app/settings_catalogue.hpp"

#include <fmt/format.h>

#include "db/database.hpp"
#include "llm/settings.hpp"
#include "telegram/bot_config.hpp"

namespace videobot::app {
namespace {

std::string Code(std::string_view text) { return "`" + std::string(text) + "`"; }

std::string Bytes(std::size_t bytes) { return fmt::format("`{}` ({} MiB)", bytes, bytes >> 20); }

std::vector<Setting> Build() {
  const llm::Settings llm;
  const telegram::BotConfig bot;
  const char* kReaders = "ask, plan, sql, run-plan, chat, bot, serve";
  return {
      {"DATABASE_URL", "--db", Code("sqlite:videobot.db"),
       "The database: `sqlite:PATH` (embedded), a libpq URI / conninfo (`postgresql://user@host:5432/db`) or ClickHouse (`clickhouse://host:8123/db`, several hosts and `?cluster=NAME` for shards).",
       "all but generate"},
      {"VIDEOBOT_PLANNER", "--planner", "`rules` without an LLM key, `auto` with one",
       "How questions become plans: `rules` (offline parser), `llm`, `auto` (rules, then the model when the rules "
       "decline), `verify` (both must agree).",
       kReaders},
      {"VIDEOBOT_NOW", "--now", "the system clock",
       "A fixed \"now\" (RFC 3339) for relative periods such as «вчера»; for tests and reproducible answers.",
       kReaders},
      {"VIDEOBOT_TZ", "--tz", Code("UTC"), "Time zone of calendar days and months: `UTC` or a fixed offset `±HH:MM`.",
       kReaders},
      {"VIDEOBOT_SQLITE_BUSY_TIMEOUT_MS", "", Code(std::to_string(db::kDefaultSqliteBusyTimeout.count())),
       "SQLite only: how long a statement waits for a lock held by another connection (a load, a migration) "
       "before failing with «database is locked»; `0` fails at once.",
       "all but generate"},
      {"VIDEOBOT_HTTP_ADDR", "", "off",
       "`host:port` to serve `/healthz`, `/readyz`, `/metrics` and `POST /v1/ask` on (docs/monitoring.md).",
       "bot, serve"},
      {"VIDEOBOT_API_TOKEN", "", "off (no `/v1/ask`)",
       "Bearer token that enables `POST /v1/ask` on the HTTP address; a secret.", "bot, serve"},
      {"VIDEOBOT_LOG_FORMAT", "", Code("text"), "Log line format: `text` or `json` (one JSON object per line).",
       "bot, serve"},
      {"LLM_BASE_URL", "", Code(llm.base_url), "OpenAI-compatible API of the language model.", kReaders},
      {"LLM_API_KEY", "", "unset", "API key of the model; a secret. Setting it makes `auto` the default planner.",
       kReaders},
      {"LLM_MODEL", "", Code(llm.model), "Model name sent with every request.", kReaders},
      {"LLM_PROXY_URL", "", "none",
       "HTTP or SOCKS5 proxy for the model's traffic only (`http://`, `https://`, `socks5://`, `socks5h://`).",
       kReaders},
      {"LLM_TIMEOUT_S", "", Code(fmt::format("{}", static_cast<double>(llm.timeout.count()) / 1000)),
       "Seconds one question may spend with the model, retries included (up to 600).", kReaders},
      {"LLM_MAX_RESPONSE_BYTES", "", Bytes(llm.max_response_bytes),
       "Largest model reply accepted, after decoding (1 KiB … 1 GiB).", kReaders},
      {"BOT_TOKEN", "", "required", "Telegram bot token from @BotFather; a secret.", "bot"},
      {"TELEGRAM_API_URL", "", Code(bot.api_url), "Bot API base URL (a local Bot API server or a test double).", "bot"},
      {"TELEGRAM_PROXY", "", "none", "HTTP or SOCKS5 proxy for the Bot API traffic.", "bot"},
      {"ALLOWED_USER_IDS", "", "everyone (both lists empty)",
       "Comma-separated Telegram user ids allowed to ask in private chats (in groups too when ALLOWED_CHAT_IDS "
       "is empty).",
       "bot"},
      {"ALLOWED_CHAT_IDS", "", "everyone (both lists empty)",
       "Comma-separated chat ids allowed to ask; when set, a group is answered only if it is listed itself.", "bot"},
      {"ADMIN_USER_IDS", "", "nobody",
       "Comma-separated user ids who see the database URL (password masked) in `/status`, in private chats.", "bot"},
      {"BOT_WORKERS", "", Code(std::to_string(bot.workers)), "Questions answered in parallel (1 … 256).", "bot"},
      {"BOT_RATE_LIMIT_PER_MINUTE", "", Code(std::to_string(bot.rate_limit_per_minute)),
       "Questions per chat (bot) or per client address (`POST /v1/ask`) per minute; `0` disables the limit.",
       "bot, serve"},
      {"BOT_POLL_TIMEOUT_SECONDS", "", Code(std::to_string(bot.poll_timeout.count())),
       "Long-poll timeout of `getUpdates` (0 … 50).", "bot"},
      {"BOT_STATEMENT_TIMEOUT_MS", "", Code(std::to_string(bot.statement_timeout.count())),
       "Longest a question's SQL may run before the bot (or `POST /v1/ask`) answers that it took too long.",
       "bot, serve"},
      {"BOT_SHUTDOWN_GRACE_SECONDS", "", Code(std::to_string(bot.shutdown_grace.count())),
       "On SIGTERM, how long in-flight answers and the last offset save may take.", "bot"},
      {"BOT_MAX_RESPONSE_BYTES", "", Bytes(bot.max_response_bytes),
       "Largest Bot API reply accepted, after decoding (64 KiB … 1 GiB).", "bot"},
  };
}

// A table cell: pipes would end the cell early.
std::string Cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out.empty() ? "—" : out;
}

}  // namespace

const std::vector<Setting>& SettingsCatalogue() {
  static const std::vector<Setting> catalogue = Build();
  return catalogue;
}

std::string SettingsMarkdownTable() {
  std::string table =
      "| environment variable | flag | default | meaning | commands |\n| --- | --- | --- | --- | --- |\n";
  for (const Setting& setting : SettingsCatalogue()) {
    table +=
        fmt::format("| `{}` | {} | {} | {} | {} |\n", setting.variable, setting.flag.empty() ? "—" : Code(setting.flag),
                    Cell(setting.fallback), Cell(setting.meaning), Cell(setting.commands));
  }
  return table;
}

}  // namespace videobot::app
