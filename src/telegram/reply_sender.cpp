#include "telegram/reply_sender.hpp"

#include "net/http_client.hpp"
#include "telegram/backoff.hpp"
#include "telegram/message_splitter.hpp"

namespace videobot::telegram {
namespace {

constexpr auto kRetryInitial = std::chrono::milliseconds(250);
constexpr auto kRetryMax = std::chrono::seconds(30);

Delivery SendPiece(BotApi& api, std::int64_t chat_id, std::string_view text, const SendOptions& options,
                   Lifecycle& lifecycle, spdlog::logger& logger) {
  Backoff backoff(kRetryInitial, kRetryMax);
  while (true) {
    if (lifecycle.PastDeadline()) return Delivery::kAbandoned;
    std::chrono::milliseconds wait{0};
    try {
      api.SendMessage(chat_id, text, options);
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

}  // namespace

std::string_view DeliveryName(Delivery delivery) {
  switch (delivery) {
    case Delivery::kSent:
      return "sent";
    case Delivery::kRejected:
      return "rejected";
    case Delivery::kAbandoned:
      return "abandoned";
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

}  // namespace videobot::telegram
