#pragma once
// Runs getUpdates long polls on a thread of its own, so the bot can stop without waiting for a
// poll that may hang for the whole long-poll timeout: on shutdown an unfinished poll is left to
// end by itself (its result is discarded, and it confirms nothing new).

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "net/http_client.hpp"
#include "telegram/bot_api_types.hpp"
#include "telegram/lifecycle.hpp"

namespace videobot::telegram {

class UpdatePoller {
 public:
  UpdatePoller(std::unique_ptr<net::HttpClient> http, std::string api_url, std::string token);
  /// Joins the polling thread, or leaves it to finish its request on its own.
  ~UpdatePoller();
  UpdatePoller(const UpdatePoller&) = delete;
  UpdatePoller& operator=(const UpdatePoller&) = delete;

  /// getUpdates(offset, timeout). Returns nullopt when `lifecycle` starts stopping first.
  /// Rethrows the request's BotApiError or net::NetworkError. After a reply over the HTTP
  /// client's size limit (net::ResponseTooLargeError) the next request asks for half as many
  /// updates (down to one), until a reply holds fewer updates than asked for.
  std::optional<std::vector<Update>> Fetch(std::int64_t offset, std::chrono::seconds timeout,
                                           const Lifecycle& lifecycle);

 private:
  struct Channel;
  std::shared_ptr<Channel> channel_;
};

}  // namespace videobot::telegram
