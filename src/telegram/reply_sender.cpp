#include "telegram/reply_sender.hpp"

#include <spdlog/logger.h>
#include <functional>

#include "common/text.hpp"

#include "net/http_client.hpp"
#include "telegram/backoff.hpp"
#include "telegram/message_splitter.hpp"

namespace videobot::telegram {
namespace {

constexpr auto kRetryInitial = std::chrono::milliseconds(250);
constexpr auto kRetryMax = std::chrono::seconds(30);

/// Calls `send` until it succeeds, retrying rate limits, transient errors and network failures.
Delivery SendWithRetries(const std::function<void()>& send, std::int64_t chat_id, Lifecycle& lifecycle,
                         spdlog::logger& logger) {
  Backoff backoff(kRetryInitial, kRetryMax);
  while (true) {
    if (lifecycle.PastDeadline()) return Delivery::kAbandoned;
    std::chrono::milliseconds wait{0};
    try {
      send();
      return Delivery::kSent;
    } catch (const BotApiError& error) {
      if (error.IsRateLimited()) {
        wait = error.retry_after().value_or(std::chrono::seconds(1));
        logger.warn("event=send_rate_limited chat_id={} retry_after_s={}", chat_id,
                    std::chrono::duration_cast<std::chrono::seconds>(wait).count());
      } else if (error.IsTransient()) {
        wait = backoff.Next();
        logger.warn("event=send_retry chat_id={} error=\"{}\" retry_ms={}", chat_id, error.what(), wait.count());
      } else {
        logger.warn("event=send_rejected chat_id={} error=\"{}\"", chat_id, error.what());
        return Delivery::kRejected;
      }
    } catch (const net::NetworkError& error) {
      wait = backoff.Next();
      logger.warn("event=send_retry chat_id={} error=\"{}\" retry_ms={}", chat_id, error.what(), wait.count());
    }
    if (!lifecycle.WaitUntil(Lifecycle::Clock::now() + wait)) return Delivery::kAbandoned;
  }
}

Delivery SendPiece(BotApi& api, std::int64_t chat_id, std::string_view text, const SendOptions& options,
                   Lifecycle& lifecycle, spdlog::logger& logger) {
  return SendWithRetries([&] { api.SendMessage(chat_id, text, options); }, chat_id, lifecycle, logger);
}

}  // namespace

std::string_view DeliveryName(Delivery delivery) {
  switch (delivery) {
    case Delivery::kSent: return "sent";
    case Delivery::kRejected: return "rejected";
    case Delivery::kAbandoned: return "abandoned";
  }
  return "unknown";
}

OutgoingReply HtmlReply(std::string text, std::int64_t reply_to_message_id) {
  OutgoingReply reply;
  reply.blocks.push_back({std::move(text), false});
  reply.reply_to_message_id = reply_to_message_id;
  return reply;
}

Delivery SendReply(BotApi& api, std::int64_t chat_id, const OutgoingReply& reply, Lifecycle& lifecycle,
                   spdlog::logger& logger) {
  std::vector<std::string> pieces;
  if (reply.plain) {
    for (const auto& block : reply.blocks) {
      for (auto& piece : SplitMessage(block.text, kMaxMessageLength)) pieces.push_back(std::move(piece));
    }
  } else {
    pieces = SplitHtml(reply.blocks, kMaxMessageLength);
  }
  SendOptions options;
  options.html = !reply.plain;
  options.reply_to_message_id = reply.reply_to_message_id;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (i + 1 == pieces.size()) options.reply_markup = reply.reply_markup;
    const Delivery delivery = SendPiece(api, chat_id, pieces[i], options, lifecycle, logger);
    if (delivery != Delivery::kSent) return delivery;
  }
  return Delivery::kSent;
}

Delivery SendPhotoReply(BotApi& api, std::int64_t chat_id, const PhotoReply& reply, Lifecycle& lifecycle,
                        spdlog::logger& logger) {
  SendOptions options;
  options.html = true;
  options.reply_to_message_id = reply.reply_to_message_id;
  // A caption Telegram would refuse follows the photo as a message of its own, with the markup.
  const bool caption_fits = CountCodePoints(reply.caption_html) <= kMaxCaptionLength;
  if (caption_fits) options.reply_markup = reply.reply_markup;
  const std::string caption = caption_fits ? reply.caption_html : "";
  const Delivery photo =
      SendWithRetries([&] { api.SendPhoto(chat_id, reply.png, caption, options); }, chat_id, lifecycle, logger);
  if (photo != Delivery::kSent || caption_fits) return photo;
  options.reply_markup = reply.reply_markup;
  for (const auto& piece : SplitMessage(reply.caption_html, kMaxMessageLength)) {
    const Delivery delivery = SendPiece(api, chat_id, piece, options, lifecycle, logger);
    if (delivery != Delivery::kSent) return delivery;
  }
  return Delivery::kSent;
}

}  // namespace videobot::telegram
