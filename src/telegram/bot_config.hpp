#pragma once
// Configuration of the Telegram bot, read from the environment.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace videobot::telegram {

/// A missing or malformed setting. The message names the variable, never the token's value.
class ConfigError : public EnvironmentError {
 public:
  using EnvironmentError::EnvironmentError;
};

/// Everything the bot needs besides its collaborators (answerers, state database, HTTP).
struct BotConfig {
  std::string token;                                 ///< BOT_TOKEN (required)
  std::string api_url = "https://api.telegram.org";  ///< TELEGRAM_API_URL, without trailing slash
  std::string proxy_url;                             ///< TELEGRAM_PROXY: http://, socks5://… ("" for none)
  std::vector<std::int64_t> allowed_user_ids;        ///< ALLOWED_USER_IDS (comma-separated)
  std::vector<std::int64_t> allowed_chat_ids;        ///< ALLOWED_CHAT_IDS (comma-separated)
  std::vector<std::int64_t> admin_user_ids;  ///< ADMIN_USER_IDS: see the database URL in /status (private chats)
  int workers = 4;                           ///< BOT_WORKERS: questions answered in parallel
  int rate_limit_per_minute = 30;            ///< BOT_RATE_LIMIT_PER_MINUTE per chat and per user; 0 = no limit
  std::chrono::seconds poll_timeout{25};     ///< BOT_POLL_TIMEOUT_SECONDS: getUpdates long-poll timeout
  std::chrono::milliseconds statement_timeout{10'000};  ///< BOT_STATEMENT_TIMEOUT_MS: per-query limit
  std::chrono::seconds shutdown_grace{10};              ///< BOT_SHUTDOWN_GRACE_SECONDS: retry budget on shutdown
  /// BOT_MAX_RESPONSE_BYTES: the largest Bot API reply body accepted (decoded); a larger one is
  /// aborted while it downloads, logged and retried. The default holds a getUpdates batch of 100
  /// longest messages several times over.
  std::size_t max_response_bytes = kDefaultMaxResponseBytes;

  /// Default of max_response_bytes: 16 MiB.
  static constexpr std::size_t kDefaultMaxResponseBytes = 16u << 20;

  /// Reads the settings from the process environment. Throws ConfigError when BOT_TOKEN is
  /// missing or a value is malformed.
  static BotConfig FromEnvironment();

  /// Same as FromEnvironment, reading variables through `lookup` (for tests).
  static BotConfig FromLookup(const std::function<std::optional<std::string>(std::string_view)>& lookup);
};

/// Parses "1, 2,-3" into ids. Throws ConfigError naming `variable` on a malformed entry.
std::vector<std::int64_t> ParseIdList(std::string_view text, std::string_view variable);

}  // namespace videobot::telegram
