#pragma once
// Sends one reply, retrying what can be retried: 429 waits for retry_after, network errors and
// 5xx back off exponentially (bounded); other 4xx answers are final. During shutdown the retries
// continue until the grace period ends.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <spdlog/fwd.h>
#include <nlohmann/json.hpp>

#include "telegram/bot_api.hpp"
#include "telegram/lifecycle.hpp"
#include "telegram/message_splitter.hpp"

namespace videobot::telegram {

/// How a reply ended.
enum class Delivery {
  kSent,       ///< every piece was accepted
  kRejected,   ///< the Bot API refused it for good (blocked by the user, chat not found …)
  kAbandoned,  ///< the shutdown deadline passed before it could be sent
};

/// The stable name of a delivery for logs: "sent", "rejected", "abandoned".
std::string_view DeliveryName(Delivery delivery);

/// One reply as the bot means it, before it is cut into messages.
struct OutgoingReply {
  /// The text as plain-text blocks. Unless `plain`, it is sent in HTML parse mode: every block
  /// escaped, preformatted blocks in <pre>.
  std::vector<TextBlock> blocks;
  /// Send as plain text without a parse mode (the one-number answer: exactly the Answerer's text).
  bool plain = false;
  /// The message this reply answers (threaded with reply_parameters); 0: not a reply.
  std::int64_t reply_to_message_id = 0;
  /// Markup for the last message of the reply (the «Как посчитано?» button); null: none.
  nlohmann::json reply_markup = nullptr;
};

/// A reply of one plain-text block, sent as HTML (escaped).
OutgoingReply HtmlReply(std::string text, std::int64_t reply_to_message_id);

/// A reply that is a picture: a chart with a caption.
struct PhotoReply {
  std::string png;  ///< the image's bytes (chart::RenderPng)
  /// The caption as escaped HTML (the key figures); "" for none. Up to kMaxCaptionLength
  /// characters it is the photo's caption; a longer one follows the photo as a message.
  std::string caption_html;
  /// The message this reply answers (threaded with reply_parameters); 0: not a reply.
  std::int64_t reply_to_message_id = 0;
  /// Markup for the reply's last message (e.g. a «Показать числа» button); null: none.
  nlohmann::json reply_markup = nullptr;
};

/// Sends `reply` to `chat_id` as one sendPhoto upload, retrying as SendReply does.
Delivery SendPhotoReply(BotApi& api, std::int64_t chat_id, const PhotoReply& reply, Lifecycle& lifecycle,
                        spdlog::logger& logger);

/// Sends `reply` to `chat_id`, split into several messages when longer than Telegram allows.
Delivery SendReply(BotApi& api, std::int64_t chat_id, const OutgoingReply& reply, Lifecycle& lifecycle,
                   spdlog::logger& logger);

}  // namespace videobot::telegram
