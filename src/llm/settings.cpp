#include "llm/settings.hpp"

#include <fmt/format.h>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "common/text.hpp"

namespace videobot::llm {
namespace {

constexpr double kMaxTimeoutSeconds = 600;
constexpr std::size_t kMinResponseLimit = 1u << 10;
constexpr std::size_t kMaxResponseLimit = 1u << 30;

bool StartsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// The user:password part of a URL (between "scheme://" and "@" before the host), or "".
std::string_view UserInfo(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  const std::string_view rest = url.substr(scheme_end + 3);
  const auto authority_end = rest.find_first_of("/?#");
  const std::string_view authority = rest.substr(0, authority_end);
  const auto at = authority.rfind('@');
  if (at == std::string_view::npos) return {};
  return authority.substr(0, at);
}

std::string_view ProxyPassword(std::string_view url) {
  const std::string_view user_info = UserInfo(url);
  const auto colon = user_info.find(':');
  if (colon == std::string_view::npos) return {};
  return user_info.substr(colon + 1);
}

void ReplaceAll(std::string& text, std::string_view needle, std::string_view replacement) {
  if (needle.empty()) return;
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + replacement.size())) {
    text.replace(pos, needle.size(), replacement);
  }
}

Status CheckBaseUrl(std::string_view url) {
  if (!StartsWith(url, "http://") && !StartsWith(url, "https://")) {
    return Fail(ErrorCode::kUsage, "LLM_BASE_URL должен начинаться с http:// или https://", "LLM_BASE_URL");
  }
  return Ok{};
}

Status CheckProxyUrl(std::string_view url) {
  for (std::string_view scheme : {"http://", "https://", "socks5://", "socks5h://"}) {
    if (StartsWith(url, scheme) && url.size() > scheme.size()) return Ok{};
  }
  return Fail(ErrorCode::kUsage, "LLM_PROXY_URL должен начинаться с http://, https://, socks5:// или socks5h://",
              "LLM_PROXY_URL");
}

Result<std::chrono::milliseconds> ParseTimeout(const std::string& text) {
  char* end = nullptr;
  const double seconds = std::strtod(text.c_str(), &end);
  const bool parsed = end != text.c_str() && TrimAscii(std::string_view(end)).empty();
  if (!parsed || !(seconds > 0) || seconds > kMaxTimeoutSeconds) {
    return Fail(ErrorCode::kUsage, "LLM_TIMEOUT_S должен быть числом секунд от 0 до 600", "LLM_TIMEOUT_S");
  }
  return std::chrono::milliseconds(std::llround(seconds * 1000));
}

Result<std::size_t> ParseResponseLimit(const std::string& text) {
  std::uint64_t bytes = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), bytes);
  if (error != std::errc() || end != text.data() + text.size() || bytes < kMinResponseLimit ||
      bytes > kMaxResponseLimit) {
    return Fail(ErrorCode::kUsage,
                fmt::format("LLM_MAX_RESPONSE_BYTES должен быть целым числом байт от {} до {}", kMinResponseLimit,
                            kMaxResponseLimit),
                "LLM_MAX_RESPONSE_BYTES");
  }
  return std::size_t{bytes};  // within kMaxResponseLimit; a brace initialiser refuses to narrow
}

}  // namespace

std::string MaskUrlCredentials(std::string_view url) {
  const std::string_view password = ProxyPassword(url);
  if (password.empty()) return std::string(url);
  const auto offset = static_cast<std::size_t>(password.data() - url.data());
  std::string masked(url);
  masked.replace(offset, password.size(), "***");
  return masked;
}

std::string RedactSecrets(std::string text, const Settings& settings) {
  ReplaceAll(text, settings.api_key, "***");
  ReplaceAll(text, ProxyPassword(settings.proxy_url), "***");
  return text;
}

std::string Settings::Describe() const {
  return fmt::format("model {} at {}, proxy {}, timeout {} ms, response limit {} bytes, API key {}", model,
                     MaskUrlCredentials(base_url),
                     proxy_url.empty() ? std::string("none") : MaskUrlCredentials(proxy_url), timeout.count(),
                     max_response_bytes, HasKey() ? "set" : "not set");
}

Result<Settings> Settings::FromEnvironment() {
  return FromEnvironment([](const char* name) -> std::optional<std::string> {
    const char* value = std::getenv(name);
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  });
}

Result<Settings> Settings::FromEnvironment(const Lookup& lookup) {
  Settings settings;
  auto get = [&](const char* name) -> std::optional<std::string> {
    auto value = lookup(name);
    if (!value) return std::nullopt;
    std::string trimmed(TrimAscii(*value));
    if (trimmed.empty()) return std::nullopt;
    return trimmed;
  };
  if (auto url = get("LLM_BASE_URL")) {
    if (auto status = CheckBaseUrl(*url); !status) return Unexpected{status.error()};
    while (!url->empty() && url->back() == '/') url->pop_back();
    settings.base_url = *url;
  }
  if (auto key = get("LLM_API_KEY")) settings.api_key = *key;
  if (auto model = get("LLM_MODEL")) settings.model = *model;
  if (auto proxy = get("LLM_PROXY_URL")) {
    if (auto status = CheckProxyUrl(*proxy); !status) return Unexpected{status.error()};
    settings.proxy_url = *proxy;
  }
  if (auto timeout = get("LLM_TIMEOUT_S")) {
    auto parsed = ParseTimeout(*timeout);
    if (!parsed) return Unexpected{parsed.error()};
    settings.timeout = *parsed;
  }
  if (auto limit = get("LLM_MAX_RESPONSE_BYTES")) {
    auto parsed = ParseResponseLimit(*limit);
    if (!parsed) return Unexpected{parsed.error()};
    settings.max_response_bytes = *parsed;
  }
  return settings;
}

}  // namespace videobot::llm
