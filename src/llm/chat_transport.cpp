#include "llm/chat_transport.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <thread>

#include "common/text.hpp"
#include "common/utf8.hpp"

namespace videobot::llm {
namespace {

using std::chrono::milliseconds;

constexpr std::size_t kMaxDetailBytes = 200;
constexpr std::size_t kMaxIdleClients = 8;

bool IsRetryable(long status) { return status == 408 || status == 429 || status >= 500; }

// The server's own explanation (`error.message` of an OpenAI error body, else the start of the
// body), shortened on a UTF-8 boundary. Secrets are redacted by the caller.
std::string ServerDetail(const std::string& body) {
  std::string detail;
  const auto document = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (document.is_object() && document.contains("error")) {
    const auto& error = document.at("error");
    if (error.is_object() && error.contains("message") && error.at("message").is_string()) {
      detail = error.at("message").get<std::string>();
    } else if (error.is_string()) {
      detail = error.get<std::string>();
    }
  }
  if (detail.empty()) detail = std::string(TrimAscii(body));
  if (detail.size() > kMaxDetailBytes) {
    detail = detail.substr(0, Utf8CutBefore(detail, kMaxDetailBytes)) + "…";
  }
  if (!IsValidUtf8(detail)) return {};
  return detail;
}

std::string StatusMessage(long status, const std::string& body) {
  std::string message;
  if (status == 401 || status == 403) {
    message = fmt::format("Языковая модель не приняла ключ доступа (HTTP {}): проверьте LLM_API_KEY", status);
  } else if (status == 429) {
    message = "Языковая модель перегружена или исчерпан лимит запросов (HTTP 429); попробуйте позже";
  } else if (status >= 500) {
    message = fmt::format("Сервер языковой модели вернул ошибку (HTTP {}); попробуйте позже", status);
  } else {
    message = fmt::format("Сервер языковой модели отклонил запрос (HTTP {})", status);
  }
  if (const std::string detail = ServerDetail(body); !detail.empty()) message += ": " + detail;
  return message;
}

milliseconds Remaining(ChatTransport::Clock::time_point deadline) {
  return std::chrono::duration_cast<milliseconds>(deadline - ChatTransport::Clock::now());
}

Unexpected DeadlineFailure(const Settings& settings) {
  return Fail(ErrorCode::kLlmUnavailable,
              fmt::format("Языковая модель не ответила за {:.1f} с; попробуйте позже или спросите проще",
                          static_cast<double>(settings.timeout.count()) / 1000.0));
}

// An oversized reply is never retried: it cannot be a plan, and another one would cost as much.
Unexpected TooLargeFailure(const net::ResponseTooLargeError& error) {
  return Fail(ErrorCode::kResponseTooLarge,
              fmt::format("Языковая модель прислала слишком большой ответ (больше {}), поэтому ответа не будет; "
                          "попробуйте позже или задайте вопрос иначе",
                          net::FormatByteSize(error.limit_bytes())));
}

}  // namespace

HttpClientFactory MakeCurlClientFactory(const Settings& settings) {
  net::CurlOptions options;
  options.proxy_url = settings.proxy_url;
  options.connect_timeout = std::min(settings.timeout, milliseconds(10'000));
  options.max_response_bytes = settings.max_response_bytes;
  return [options] { return net::MakeCurlHttpClient(options); };
}

std::optional<milliseconds> ParseRetryAfter(const std::optional<std::string>& value) {
  if (!value) return std::nullopt;
  const std::string text(TrimAscii(*value));
  char* end = nullptr;
  const double seconds = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(seconds) || seconds < 0) {
    return std::nullopt;
  }
  return milliseconds(static_cast<std::int64_t>(std::min(seconds, 86'400.0) * 1000));
}

ChatTransport::ChatTransport(Settings settings, HttpClientFactory factory, RetryPolicy policy)
    : settings_(std::move(settings)), factory_(std::move(factory)), policy_(policy) {}

int ChatTransport::attempts() const {
  std::lock_guard lock(mutex_);
  return attempts_;
}

std::unique_ptr<net::HttpClient> ChatTransport::Lease() {
  {
    std::lock_guard lock(mutex_);
    ++attempts_;
    if (!idle_.empty()) {
      auto client = std::move(idle_.back());
      idle_.pop_back();
      return client;
    }
  }
  return factory_();
}

void ChatTransport::Return(std::unique_ptr<net::HttpClient> client) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < kMaxIdleClients) idle_.push_back(std::move(client));
}

net::HttpRequest ChatTransport::MakeRequest(const std::string& body, milliseconds timeout) const {
  net::HttpRequest request;
  request.method = "POST";
  request.url = settings_.base_url + "/chat/completions";
  request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
  if (settings_.HasKey()) request.headers.emplace_back("Authorization", "Bearer " + settings_.api_key);
  request.body = body;
  request.timeout = timeout;
  return request;
}

Result<std::string> ChatTransport::Post(const std::string& body, Clock::time_point deadline) {
  milliseconds backoff = policy_.initial_backoff;
  std::string last_failure;
  for (int attempt = 1;; ++attempt) {
    const milliseconds remaining = Remaining(deadline);
    if (remaining <= milliseconds(0)) return DeadlineFailure(settings_);
    std::optional<milliseconds> wait;
    try {
      auto client = Lease();
      const net::HttpResponse response = client->Send(MakeRequest(body, remaining));
      Return(std::move(client));
      if (response.status >= 200 && response.status < 300) return response.body;
      last_failure = RedactSecrets(StatusMessage(response.status, response.body), settings_);
      if (!IsRetryable(response.status)) return Fail(ErrorCode::kLlmUnavailable, last_failure);
      wait = ParseRetryAfter(response.Header("retry-after"));
    } catch (const net::ResponseTooLargeError& error) {
      return TooLargeFailure(error);
    } catch (const net::NetworkError& error) {
      if (error.timed_out() || Remaining(deadline) <= milliseconds(0)) return DeadlineFailure(settings_);
      last_failure = RedactSecrets(std::string("Языковая модель недоступна: ") + error.what(), settings_);
    } catch (const EnvironmentError& error) {
      return Fail(ErrorCode::kLlmUnavailable,
                  RedactSecrets(std::string("Языковая модель недоступна: ") + error.what(), settings_));
    }
    if (attempt >= policy_.max_attempts) return Fail(ErrorCode::kLlmUnavailable, last_failure);
    // Retry-After is honoured as given; only the client's own back-off is capped.
    const milliseconds pause = wait.value_or(backoff);
    // A retry that could not even start before the deadline is not worth waiting for.
    if (pause >= Remaining(deadline)) {
      return Fail(ErrorCode::kLlmUnavailable, last_failure + "; повтор не успевает до истечения времени ожидания");
    }
    std::this_thread::sleep_for(pause);
    backoff = std::min(backoff * 2, policy_.max_backoff);
  }
}

}  // namespace videobot::llm
