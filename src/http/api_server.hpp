#pragma once
// The HTTP server of `serve` and `bot`: /healthz, /readyz, /metrics and, with an API token,
// POST /v1/ask. A thin adapter: answers come from service::Answerer, readiness from a callback.

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <spdlog/fwd.h>

#include "http/listen_address.hpp"
#include "http/readiness.hpp"
#include "observe/process_metrics.hpp"
#include "service/answerer.hpp"

namespace videobot::http {

/// The largest request body accepted (a larger one is 413).
inline constexpr std::size_t kMaxRequestBodyBytes = 64u << 10;

struct ServerConfig {
  ListenAddress address;           ///< VIDEOBOT_HTTP_ADDR
  std::string api_token;           ///< VIDEOBOT_API_TOKEN; "" disables /v1/ask (404)
  int rate_limit_per_minute = 30;  ///< /v1/ask requests per client address; 0 = no limit
  int threads = 8;                 ///< requests served at once
};

struct ServerDependencies {
  /// Answerers for /v1/ask (each with its own database connection). Required with an API token.
  service::AnswererFactory answerers;
  /// Whether the process can answer now (/readyz). Required.
  std::function<Readiness()> readiness;
  /// Rendered by /metrics; questions of /v1/ask are counted in it. Required.
  std::shared_ptr<observe::ProcessMetrics> metrics;
  /// One line per request. Required.
  std::shared_ptr<spdlog::logger> logger;
};

class ApiServer {
 public:
  ApiServer(ServerConfig config, ServerDependencies dependencies);
  /// Stops the server if it runs.
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  /// Binds the address, logs `event=http_listening addr=HOST:PORT` with the bound port and serves
  /// on threads of its own. Throws EnvironmentError when the address cannot be bound.
  void Start();
  /// The bound port (after Start).
  int port() const;
  /// Stops accepting, finishes the requests in progress and joins the threads. Idempotent.
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

/// True when `authorization` is "Bearer <token>" with exactly `token` (non-empty); the
/// comparison takes the same time wherever the first difference is.
bool BearerTokenMatches(std::string_view authorization, std::string_view token);

}  // namespace videobot::http
