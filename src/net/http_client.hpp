#pragma once
// A small HTTP client interface. The real implementation (CurlHttpClient) speaks HTTP/1.1 and
// HTTPS through libcurl; tests use it against loopback servers or substitute a fake.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"

namespace videobot::net {

using Headers = std::vector<std::pair<std::string, std::string>>;

/// One part of a multipart/form-data body: a plain field, or a file when `filename` is set.
struct FormPart {
  std::string name;          ///< the form field's name
  std::string data;          ///< its value or the file's bytes (any bytes)
  std::string filename;      ///< "" for a plain field
  std::string content_type;  ///< e.g. "image/png"; "" for the default
};

struct HttpRequest {
  std::string method = "GET";  ///< "GET" or "POST"
  std::string url;
  Headers headers;  ///< e.g. {"Content-Type", "application/json"}
  std::string body;
  /// When not empty, a POST sends these parts as multipart/form-data (with its own Content-Type
  /// and boundary) and `body` is ignored.
  std::vector<FormPart> form;
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
  NetworkError(std::string message, bool timed_out) : EnvironmentError(std::move(message)), timed_out_(timed_out) {}
  bool timed_out() const { return timed_out_; }

 private:
  bool timed_out_;
};

/// A response larger than the client's limit (CurlOptions::max_response_bytes): its announced
/// Content-Length, its decoded body or its headers passed the limit, and the transfer was
/// aborted. Callers that retry network failures may retry it; the message never contains the URL.
class ResponseTooLargeError : public NetworkError {
 public:
  ResponseTooLargeError(std::string message, std::size_t limit_bytes)
      : NetworkError(std::move(message), false), limit_bytes_(limit_bytes) {}
  /// The limit that was passed, in bytes.
  std::size_t limit_bytes() const { return limit_bytes_; }

 private:
  std::size_t limit_bytes_;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  /// Performs the request. Any HTTP status is a response; transport failures throw NetworkError,
  /// a response over the client's size limit throws ResponseTooLargeError.
  virtual HttpResponse Send(const HttpRequest& request) = 0;
};

/// The default limit of a response body (decoded), when a client does not choose its own.
inline constexpr std::size_t kDefaultMaxResponseBytes = 16u << 20;

/// The limit of a response's header section (every header line together).
inline constexpr std::size_t kMaxResponseHeaderBytes = 256u << 10;

struct CurlOptions {
  std::string proxy_url;  ///< "" for none; http://, https://, socks5://, socks5h:// with optional user:pass@
  std::chrono::milliseconds connect_timeout{10'000};
  std::string user_agent = "videobot";
  /// The largest response body accepted, counted after decoding (gzip, deflate, br): a transfer
  /// is aborted as soon as it passes the limit, or before the body when its Content-Length
  /// announces more. Must be positive.
  std::size_t max_response_bytes = kDefaultMaxResponseBytes;
};

/// `bytes` for people, in Russian binary units: "512 Б", "64 КиБ", "4 МиБ", "1,5 ГиБ".
std::string FormatByteSize(std::uint64_t bytes);

/// Creates a libcurl-backed client. One client keeps one connection pool (keep-alive); a client
/// must not be used from two threads at once — create one per thread.
std::unique_ptr<HttpClient> MakeCurlHttpClient(CurlOptions options = {});

}  // namespace videobot::net
