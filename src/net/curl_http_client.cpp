#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <mutex>
#include <stdexcept>

#include "net/http_client.hpp"

namespace videobot::net {

std::optional<std::string> HttpResponse::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::string FormatByteSize(std::uint64_t bytes) {
  constexpr std::uint64_t kKib = 1024;
  constexpr std::uint64_t kMib = kKib * 1024;
  constexpr std::uint64_t kGib = kMib * 1024;
  const auto whole_or_tenths = [bytes](std::uint64_t unit, const char* name) {
    if (bytes % unit == 0) return std::to_string(bytes / unit) + " " + name;
    const std::uint64_t tenths = bytes / unit * 10 + ((bytes % unit) * 10 + unit / 2) / unit;
    return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10) + " " + name;
  };
  if (bytes >= kGib) return whole_or_tenths(kGib, "ГиБ");
  if (bytes >= kMib) return whole_or_tenths(kMib, "МиБ");
  if (bytes >= kKib) return whole_or_tenths(kKib, "КиБ");
  return std::to_string(bytes) + " Б";
}

namespace {

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// What one transfer has received so far, and why it was aborted when it passed a limit.
struct ResponseSink {
  enum class Overflow { kNone, kAnnounced, kBody, kHeaders };

  HttpResponse* response = nullptr;
  std::size_t max_body_bytes = 0;
  std::size_t header_bytes = 0;
  std::uint64_t announced_bytes = 0;
  Overflow overflow = Overflow::kNone;
};

// libcurl hands over the body already decoded (gzip, deflate, br), so the limit counts the bytes
// the program would keep. Returning a count other than the one given aborts the transfer with
// CURLE_WRITE_ERROR before anything past the limit is stored.
size_t WriteBody(char* data, size_t size, size_t count, void* user) {
  auto& sink = *static_cast<ResponseSink*>(user);
  const size_t bytes = size * count;
  if (bytes > sink.max_body_bytes - sink.response->body.size()) {
    sink.overflow = ResponseSink::Overflow::kBody;
    return 0;
  }
  sink.response->body.append(data, bytes);
  return bytes;
}

// A Content-Length value; nullopt when it is not a plain decimal number.
std::optional<std::uint64_t> ParseContentLength(std::string_view value) {
  std::uint64_t length = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), length);
  if (error != std::errc() || end != value.data() + value.size() || value.empty()) return std::nullopt;
  return length;
}

size_t WriteHeader(char* data, size_t size, size_t count, void* user) {
  auto& sink = *static_cast<ResponseSink*>(user);
  const size_t bytes = size * count;
  sink.header_bytes += bytes;
  if (sink.header_bytes > kMaxResponseHeaderBytes) {
    sink.overflow = ResponseSink::Overflow::kHeaders;
    return 0;
  }
  Headers& headers = sink.response->headers;
  const std::string_view line(data, bytes);
  // Every response (a proxy's CONNECT reply, "100 Continue", the final one) starts with a status
  // line; only the last response's headers are kept.
  if (line.substr(0, 5) == "HTTP/") {
    headers.clear();
    return bytes;
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
    // A body announced larger than the limit is refused before any of it arrives. With a
    // Content-Encoding the announced length is the compressed size, which a decoded body
    // practically never undercuts.
    if (name == "content-length") {
      const auto announced = ParseContentLength(value);
      if (announced && *announced > sink.max_body_bytes) {
        sink.announced_bytes = *announced;
        sink.overflow = ResponseSink::Overflow::kAnnounced;
        return 0;
      }
    }
    headers.emplace_back(std::move(name), std::string(value));
  }
  return bytes;
}

// The Russian explanation of an aborted oversized transfer; never the URL.
std::string OverflowMessage(const ResponseSink& sink) {
  const std::string limit = FormatByteSize(sink.max_body_bytes);
  switch (sink.overflow) {
    case ResponseSink::Overflow::kAnnounced:
      return "сервер объявил ответ в " + FormatByteSize(sink.announced_bytes) + " — больше допустимых " + limit +
             "; передача прервана";
    case ResponseSink::Overflow::kBody:
      return "ответ сервера больше допустимых " + limit + " (считая после распаковки); передача прервана";
    case ResponseSink::Overflow::kHeaders:
      return "заголовки ответа сервера больше допустимых " + FormatByteSize(kMaxResponseHeaderBytes) +
             "; передача прервана";
    case ResponseSink::Overflow::kNone: break;
  }
  return "ответ сервера слишком большой";
}

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

struct MimeDeleter {
  void operator()(curl_mime* mime) const { curl_mime_free(mime); }
};

/// The multipart/form-data body of `parts`; libcurl copies every datum, so `parts` may go.
std::unique_ptr<curl_mime, MimeDeleter> MakeMime(CURL* handle, const std::vector<FormPart>& parts) {
  std::unique_ptr<curl_mime, MimeDeleter> mime(curl_mime_init(handle));
  if (!mime) throw NetworkError("не удалось подготовить multipart-запрос", false);
  for (const FormPart& part : parts) {
    curl_mimepart* field = curl_mime_addpart(mime.get());
    curl_mime_name(field, part.name.c_str());
    curl_mime_data(field, part.data.data(), part.data.size());
    if (!part.filename.empty()) curl_mime_filename(field, part.filename.c_str());
    if (!part.content_type.empty()) curl_mime_type(field, part.content_type.c_str());
  }
  return mime;
}

class CurlHttpClient final : public HttpClient {
 public:
  explicit CurlHttpClient(CurlOptions options) : options_(std::move(options)) {
    if (options_.max_response_bytes == 0)
      throw std::invalid_argument("CurlOptions::max_response_bytes must be positive");
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
    ResponseSink sink{&response, options_.max_response_bytes};
    std::unique_ptr<curl_slist, SlistDeleter> headers;
    for (const auto& [name, value] : request.headers) {
      std::string line = name;
      line.append(": ").append(value);
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
    curl_easy_setopt(handle_, CURLOPT_TIMEOUT_MS, std::max(1L, long{request.timeout.count()}));
    curl_easy_setopt(handle_, CURLOPT_CONNECTTIMEOUT_MS, long{options_.connect_timeout.count()});
    curl_easy_setopt(handle_, CURLOPT_WRITEFUNCTION, WriteBody);
    curl_easy_setopt(handle_, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(handle_, CURLOPT_HEADERFUNCTION, WriteHeader);
    curl_easy_setopt(handle_, CURLOPT_HEADERDATA, &sink);
    curl_easy_setopt(handle_, CURLOPT_ACCEPT_ENCODING, "");
    // Only the configured proxy is used; environment proxies (http_proxy …) are ignored so
    // that one client's proxy never leaks into another's traffic.
    curl_easy_setopt(handle_, CURLOPT_PROXY, options_.proxy_url.c_str());
    // Without this, libcurl would still read NO_PROXY from the environment and silently bypass
    // the configured proxy for matching hosts.
    curl_easy_setopt(handle_, CURLOPT_NOPROXY, "");
    std::unique_ptr<curl_mime, MimeDeleter> mime;
    if (request.method == "POST" && !request.form.empty()) {
      mime = MakeMime(handle_, request.form);
      curl_easy_setopt(handle_, CURLOPT_MIMEPOST, mime.get());
    } else if (request.method == "POST") {
      curl_easy_setopt(handle_, CURLOPT_POST, 1L);
      curl_easy_setopt(handle_, CURLOPT_POSTFIELDS, request.body.data());
      curl_easy_setopt(handle_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    } else {
      curl_easy_setopt(handle_, CURLOPT_HTTPGET, 1L);
    }
    const CURLcode code = curl_easy_perform(handle_);
    if (code != CURLE_OK && sink.overflow != ResponseSink::Overflow::kNone) {
      throw ResponseTooLargeError(OverflowMessage(sink), options_.max_response_bytes);
    }
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
