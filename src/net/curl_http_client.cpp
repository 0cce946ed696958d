#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>

#include "net/http_client.hpp"

namespace videobot::net {

std::optional<std::string> HttpResponse::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return std::nullopt;
}

namespace {

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t WriteBody(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

size_t WriteHeader(char* data, size_t size, size_t count, void* user) {
  const std::string_view line(data, size * count);
  // Every response (a proxy's CONNECT reply, "100 Continue", the final one) starts with a status
  // line; only the last response's headers are kept.
  if (line.substr(0, 5) == "HTTP/") {
    static_cast<Headers*>(user)->clear();
    return size * count;
  }
  const auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
      value.remove_suffix(1);
    }
    static_cast<Headers*>(user)->emplace_back(std::move(name), std::string(value));
  }
  return size * count;
}

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

class CurlHttpClient final : public HttpClient {
 public:
  explicit CurlHttpClient(CurlOptions options) : options_(std::move(options)) {
    InitCurlOnce();
    handle_ = curl_easy_init();
    if (handle_ == nullptr) throw NetworkError("не удалось инициализировать libcurl", false);
  }
  ~CurlHttpClient() override { curl_easy_cleanup(handle_); }
  CurlHttpClient(const CurlHttpClient&) = delete;
  CurlHttpClient& operator=(const CurlHttpClient&) = delete;

  HttpResponse Send(const HttpRequest& request) override {
    // Reset clears per-request options but keeps the connection cache (keep-alive).
    curl_easy_reset(handle_);
    HttpResponse response;
    std::unique_ptr<curl_slist, SlistDeleter> headers;
    for (const auto& [name, value] : request.headers) {
      const std::string line = name + ": " + value;
      headers.reset(curl_slist_append(headers.release(), line.c_str()));
    }
    // No "Expect: 100-continue" on larger POST bodies: it costs a round trip, and a server or
    // proxy that ignores it stalls every request for a second.
    if (request.method == "POST") headers.reset(curl_slist_append(headers.release(), "Expect:"));
    curl_easy_setopt(handle_, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(handle_, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(handle_, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(handle_, CURLOPT_NOSIGNAL, 1L);
    // libcurl reads a timeout of 0 as "no timeout": an exhausted deadline must still time out.
    curl_easy_setopt(handle_, CURLOPT_TIMEOUT_MS, std::max(1L, static_cast<long>(request.timeout.count())));
    curl_easy_setopt(handle_, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
    curl_easy_setopt(handle_, CURLOPT_WRITEFUNCTION, WriteBody);
    curl_easy_setopt(handle_, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(handle_, CURLOPT_HEADERFUNCTION, WriteHeader);
    curl_easy_setopt(handle_, CURLOPT_HEADERDATA, &response.headers);
    curl_easy_setopt(handle_, CURLOPT_ACCEPT_ENCODING, "");
    // Only the configured proxy is used; environment proxies (http_proxy …) are ignored so
    // that one client's proxy never leaks into another's traffic.
    curl_easy_setopt(handle_, CURLOPT_PROXY, options_.proxy_url.c_str());
    // Without this, libcurl would still read NO_PROXY from the environment and silently bypass
    // the configured proxy for matching hosts.
    curl_easy_setopt(handle_, CURLOPT_NOPROXY, "");
    if (request.method == "POST") {
      curl_easy_setopt(handle_, CURLOPT_POST, 1L);
      curl_easy_setopt(handle_, CURLOPT_POSTFIELDS, request.body.data());
      curl_easy_setopt(handle_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    } else {
      curl_easy_setopt(handle_, CURLOPT_HTTPGET, 1L);
    }
    const CURLcode code = curl_easy_perform(handle_);
    if (code != CURLE_OK) {
      // curl_easy_strerror gives a fixed text per code: it never contains the URL.
      throw NetworkError(std::string("ошибка сети: ") + curl_easy_strerror(code), code == CURLE_OPERATION_TIMEDOUT);
    }
    curl_easy_getinfo(handle_, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
  }

 private:
  CurlOptions options_;
  CURL* handle_ = nullptr;
};

}  // namespace

std::unique_ptr<HttpClient> MakeCurlHttpClient(CurlOptions options) {
  return std::make_unique<CurlHttpClient>(std::move(options));
}

}  // namespace videobot::net
