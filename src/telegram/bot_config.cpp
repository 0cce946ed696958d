#include "telegram/bot_config.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>

#include "common/text.hpp"

namespace videobot::telegram {
namespace {

constexpr std::int64_t kMinResponseBytes = 64 << 10;
constexpr std::int64_t kMaxResponseBytes = 1 << 30;

std::int64_t ParseInteger(std::string_view text, std::string_view variable) {
  text = TrimAscii(text);
  std::int64_t value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) {
    throw ConfigError(fmt::format("{}: «{}» — не целое число", variable, text));
  }
  return value;
}

int ParseBounded(std::string_view text, std::string_view variable, std::int64_t low, std::int64_t high) {
  const std::int64_t value = ParseInteger(text, variable);
  if (value < low || value > high) {
    throw ConfigError(fmt::format("{}: {} вне допустимого диапазона [{}, {}]", variable, value, low, high));
  }
  return static_cast<int>(value);
}

std::string WithoutTrailingSlashes(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

std::vector<std::int64_t> ParseIdList(std::string_view text, std::string_view variable) {
  std::vector<std::int64_t> ids;
  while (!TrimAscii(text).empty()) {
    const auto comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    if (TrimAscii(item).empty()) throw ConfigError(fmt::format("{}: пустой элемент списка", variable));
    ids.push_back(ParseInteger(item, variable));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
    if (TrimAscii(text).empty()) throw ConfigError(fmt::format("{}: пустой элемент списка", variable));
  }
  return ids;
}

BotConfig BotConfig::FromLookup(const std::function<std::optional<std::string>(std::string_view)>& lookup) {
  const auto get = [&](std::string_view name) -> std::optional<std::string> {
    auto value = lookup(name);
    if (value && TrimAscii(*value).empty()) return std::nullopt;
    return value;
  };
  BotConfig config;
  const auto token = get("BOT_TOKEN");
  if (!token) {
    throw ConfigError("BOT_TOKEN не задан: укажите токен бота, выданный @BotFather");
  }
  config.token = std::string(TrimAscii(*token));
  if (config.token.find_first_of(" /?#") != std::string::npos) {
    throw ConfigError("BOT_TOKEN содержит недопустимые символы (пробел, '/', '?' или '#')");
  }
  if (auto url = get("TELEGRAM_API_URL")) config.api_url = WithoutTrailingSlashes(std::string(TrimAscii(*url)));
  if (config.api_url.rfind("http://", 0) != 0 && config.api_url.rfind("https://", 0) != 0) {
    throw ConfigError("TELEGRAM_API_URL должен начинаться с http:// или https://");
  }
  if (auto proxy = get("TELEGRAM_PROXY")) config.proxy_url = std::string(TrimAscii(*proxy));
  if (auto ids = get("ALLOWED_USER_IDS")) config.allowed_user_ids = ParseIdList(*ids, "ALLOWED_USER_IDS");
  if (auto ids = get("ALLOWED_CHAT_IDS")) config.allowed_chat_ids = ParseIdList(*ids, "ALLOWED_CHAT_IDS");
  if (auto ids = get("ADMIN_USER_IDS")) config.admin_user_ids = ParseIdList(*ids, "ADMIN_USER_IDS");
  if (auto v = get("BOT_WORKERS")) config.workers = ParseBounded(*v, "BOT_WORKERS", 1, 256);
  if (auto v = get("BOT_RATE_LIMIT_PER_MINUTE")) {
    config.rate_limit_per_minute = ParseBounded(*v, "BOT_RATE_LIMIT_PER_MINUTE", 0, 1'000'000);
  }
  if (auto v = get("BOT_POLL_TIMEOUT_SECONDS")) {
    config.poll_timeout = std::chrono::seconds(ParseBounded(*v, "BOT_POLL_TIMEOUT_SECONDS", 0, 50));
  }
  if (auto v = get("BOT_STATEMENT_TIMEOUT_MS")) {
    config.statement_timeout = std::chrono::milliseconds(ParseBounded(*v, "BOT_STATEMENT_TIMEOUT_MS", 1, 3'600'000));
  }
  if (auto v = get("BOT_SHUTDOWN_GRACE_SECONDS")) {
    config.shutdown_grace = std::chrono::seconds(ParseBounded(*v, "BOT_SHUTDOWN_GRACE_SECONDS", 0, 3600));
  }
  if (auto v = get("BOT_MAX_RESPONSE_BYTES")) {
    config.max_response_bytes =
        static_cast<std::size_t>(ParseBounded(*v, "BOT_MAX_RESPONSE_BYTES", kMinResponseBytes, kMaxResponseBytes));
  }
  return config;
}

BotConfig BotConfig::FromEnvironment() {
  return FromLookup([](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  });
}

}  // namespace videobot::telegram
