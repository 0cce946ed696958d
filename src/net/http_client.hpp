#pragma once
// A small HTTP client interface. The real implementation (CurlHttpClient) speaks HTTP/1.1 and
// HTTPS through libcurl; tests use it against loopback servers or substitute a fake.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"

namespace videobot::net {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "GET";  ///< "GET" or "POST"
  std::string url;
  Headers headers;             ///< e.g. {"Content-Type", "application/json"}
  std::string body;
  std::chrono::milliseconds timeout{30'000};  ///< whole-transfer deadline
};

struct HttpResponse {
  long status = 0;
  Headers headers;  ///< header names in lower case
  std::string body;

  /// The value of header `name` (lower case), if present.
  std::optional<std::string> Header(std::string_view name) const;
};

/// A transport failure: connection refused, timeout, TLS error, proxy error. The message never
/// contains the request URL (it may carry a secret such as a bot token).
class NetworkError : public EnvironmentError {
 public:
  NetworkError(std::string message, bool timed_out)
      : EnvironmentError(std::move(message)), timed_out_(timed_out) {}
  bool timed_out() const { return timed_out_; }

 private:
  bool timed_out_;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  /// Performs the request. Any HTTP status is a response; transport failures throw NetworkError.
  virtual HttpResponse Send(const HttpRequest& request) = 0;
};

struct CurlOptions {
  std::string proxy_url;          ///< "" for none; http://, https://, socks5://, socks5h:// with optional user:pass@
  std::chrono::milliseconds connect_timeout{10'000};
  std::string user_agent = "videobot";
};

/// Creates a libcurl-backed client. One client keeps one connection pool (keep-alive); a client
/// must not be used from two threads at once — create one per thread.
std::unique_ptr<HttpClient> MakeCurlHttpClient(CurlOptions options = {});

}  // namespace videobot::net
