#include "telegram/bot_api_error.hpp"

#include <fmt/format.h>

namespace videobot::telegram {
namespace {

std::string Describe(const std::string& method, int error_code, const std::string& description,
                     const std::optional<std::chrono::seconds>& retry_after) {
  std::string text = fmt::format("Bot API {}: ошибка {}: {}", method, error_code, description);
  if (retry_after) text += fmt::format(" (повтор через {} с)", retry_after->count());
  return text;
}

}  // namespace

BotApiError::BotApiError(std::string method, int error_code, std::string description,
                         std::optional<std::chrono::seconds> retry_after)
    : EnvironmentError(Describe(method, error_code, description, retry_after)),
      method_(std::move(method)),
      error_code_(error_code),
      description_(std::move(description)),
      retry_after_(retry_after) {}

bool BotApiError::IsTransient() const {
  return IsRateLimited() || error_code_ >= 500 || error_code_ == 409 || error_code_ == 0;
}

}  // namespace videobot::telegram
