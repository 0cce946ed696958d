#pragma once
// Sends chat-completions requests: retries with back-off on 429 and 5xx (honouring
// Retry-After), all within the caller's deadline; maps every failure to a Russian Error.

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "llm/settings.hpp"
#include "net/http_client.hpp"

namespace videobot::llm {

/// Makes a new HTTP client (the transport keeps a small pool, one client per concurrent call).
using HttpClientFactory = std::function<std::unique_ptr<net::HttpClient>()>;

/// A factory of libcurl clients that use the settings' proxy (and no other) and response limit.
HttpClientFactory MakeCurlClientFactory(const Settings& settings);

/// How often and how patiently a request is retried.
struct RetryPolicy {
  int max_attempts = 4;                            ///< including the first
  std::chrono::milliseconds initial_backoff{250};  ///< doubled after each retry
  std::chrono::milliseconds max_backoff{4'000};    ///< cap of the doubling (Retry-After is not capped)
};

/// The delay a Retry-After header value asks for (delta-seconds, fractions accepted); nullopt
/// when absent or not a number (HTTP dates are not honoured).
std::optional<std::chrono::milliseconds> ParseRetryAfter(const std::optional<std::string>& value);

/// POSTs to {base_url}/chat/completions. Thread-safe.
class ChatTransport {
 public:
  using Clock = std::chrono::steady_clock;

  ChatTransport(Settings settings, HttpClientFactory factory, RetryPolicy policy = {});

  /// Sends `body` (JSON) and returns the 2xx response body. Retries 429/5xx and transport
  /// failures while the next attempt can still start before `deadline`. Fails with
  /// kLlmUnavailable (network error, deadline, rejected key, exhausted retries, other HTTP
  /// errors) or kResponseTooLarge (a reply over Settings::max_response_bytes, not retried).
  /// Messages never contain the API key or the proxy password.
  Result<std::string> Post(const std::string& body, Clock::time_point deadline);

  /// Number of HTTP attempts made so far (for tests and logs).
  int attempts() const;

 private:
  std::unique_ptr<net::HttpClient> Lease();
  void Return(std::unique_ptr<net::HttpClient> client);
  net::HttpRequest MakeRequest(const std::string& body, std::chrono::milliseconds timeout) const;

  Settings settings_;
  HttpClientFactory factory_;
  RetryPolicy policy_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<net::HttpClient>> idle_;
  int attempts_ = 0;
};

}  // namespace videobot::llm
