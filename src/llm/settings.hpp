#pragma once
// Settings of the OpenAI-compatible model client, read from the environment.

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace videobot::llm {

/// Where and how to reach the model. `api_key` and any proxy password are secrets: nothing in
/// this module writes them into a message, a log line or a description.
struct Settings {
  std::string base_url = "https://api.openai.com/v1";  ///< without a trailing slash
  std::string api_key;                                 ///< "" for servers that need none
  std::string model = "gpt-4o-mini";
  std::string proxy_url;  ///< "" or http://, https://, socks5://, socks5h:// with optional user:password@
  std::chrono::milliseconds timeout{15'000};  ///< deadline for one question, retries and repair included
  std::size_t cache_capacity = 1024;          ///< plans kept in the in-memory cache (0 disables it)
  /// The largest reply body accepted from the model, counted after decoding (gzip, deflate, br);
  /// a larger reply is aborted while it downloads and fails with kResponseTooLarge. A plan is a
  /// few KiB, so the default leaves ample room for chatty servers.
  std::size_t max_response_bytes = kDefaultMaxResponseBytes;

  /// Default of max_response_bytes: 4 MiB.
  static constexpr std::size_t kDefaultMaxResponseBytes = 4u << 20;

  /// True when an API key is configured.
  bool HasKey() const { return !api_key.empty(); }

  /// One line for logs and `--help`: base URL, model, proxy (credentials masked), timeout and
  /// whether a key is set. Never contains a secret.
  std::string Describe() const;

  /// Reads LLM_BASE_URL, LLM_API_KEY, LLM_MODEL, LLM_PROXY_URL, LLM_TIMEOUT_S (seconds,
  /// fractions allowed) and LLM_MAX_RESPONSE_BYTES (an integer number of bytes); unset or empty
  /// variables keep the defaults. Fails with kUsage naming the variable (never its value) when a
  /// URL has an unsupported scheme, the timeout is not a number in (0, 600] or the response
  /// limit is not an integer in [1 KiB, 1 GiB].
  static Result<Settings> FromEnvironment();

  /// Looks a variable up by name; nullopt when unset.
  using Lookup = std::function<std::optional<std::string>(const char* name)>;

  /// As FromEnvironment(), reading variables through `lookup` (for tests).
  static Result<Settings> FromEnvironment(const Lookup& lookup);
};

/// `url` with the password of any user:password@ part replaced by "***".
std::string MaskUrlCredentials(std::string_view url);

/// `text` with every occurrence of the settings' secrets (API key, proxy password) replaced by
/// "***". Applied to every message built from a server's reply.
std::string RedactSecrets(std::string text, const Settings& settings);

}  // namespace videobot::llm
