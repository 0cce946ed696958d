#pragma once
// Sends one reply, retrying what can be retried: 429 waits for retry_after, network errors and
// 5xx back off exponentially (bounded); other 4xx answers are final. During shutdown the retries
// continue until the grace period ends.

#include <cstdint>
#include <memory>
#include <string_view>

#include <spdlog/logger.h>

#include "telegram/bot_api.hpp"
#include "telegram/lifecycle.hpp"

namespace videobot::telegram {

/// How a reply ended.
enum class Delivery {
  kSent,       ///< every piece was accepted
  kRejected,   ///< the Bot API refused it for good (blocked by the user, chat not found …)
  kAbandoned,  ///< the shutdown deadline passed before it could be sent
};

/// The stable name of a delivery for logs: "sent", "rejected", "abandoned".
std::string_view DeliveryName(Delivery delivery);

/// Sends `text` to `chat_id` (split into several messages when longer than Telegram allows).
Delivery SendReply(BotApi& api, std::int64_t chat_id, std::string_view text, Lifecycle& lifecycle,
                   spdlog::logger& logger);

}  // namespace videobot::telegram
