#pragma once
// A typed Bot API failure, built from the response's ok/error_code/description/parameters.

#include <chrono>
#include <optional>
#include <string>

#include "common/error.hpp"

namespace videobot::telegram {

/// The Bot API answered with `"ok": false`, or with something that is not a Bot API response.
/// The message never contains the token.
class BotApiError : public EnvironmentError {
 public:
  /// error_code 0 means the response was not a Bot API JSON object.
  BotApiError(std::string method, int error_code, std::string description,
              std::optional<std::chrono::seconds> retry_after);

  const std::string& method() const { return method_; }
  int error_code() const { return error_code_; }
  const std::string& description() const { return description_; }
  /// parameters.retry_after of a 429 answer: how long to wait before the next request.
  std::optional<std::chrono::seconds> retry_after() const { return retry_after_; }

  /// True for 429 (flood control): retry after retry_after().
  bool IsRateLimited() const { return error_code_ == 429 || retry_after_.has_value(); }
  /// True for failures worth retrying: 429, 5xx, 409 (another getUpdates) and malformed answers.
  bool IsTransient() const;
  /// True when the token is wrong (401 Unauthorized, 404 Not Found on getMe).
  bool IsUnauthorized() const { return error_code_ == 401 || error_code_ == 404; }

 private:
  std::string method_;
  int error_code_;
  std::string description_;
  std::optional<std::chrono::seconds> retry_after_;
};

}  // namespace videobot::telegram
