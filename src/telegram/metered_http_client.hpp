#pragma once
// An HttpClient decorator that counts Bot API calls by method and HTTP status (or "network"
// when no response arrived) and stamps each successful getUpdates, for /metrics and /readyz.

#include <memory>

#include "net/http_client.hpp"
#include "observe/process_metrics.hpp"

namespace videobot::telegram {

class MeteredHttpClient final : public net::HttpClient {
 public:
  /// Wraps `inner`; `metrics` is shared so a poll left running past the bot's end stays safe.
  MeteredHttpClient(std::unique_ptr<net::HttpClient> inner, std::shared_ptr<observe::ProcessMetrics> metrics);

  /// Sends through the wrapped client and records the call; rethrows its errors.
  net::HttpResponse Send(const net::HttpRequest& request) override;

 private:
  std::unique_ptr<net::HttpClient> inner_;
  std::shared_ptr<observe::ProcessMetrics> metrics_;
};

/// The Bot API method of a request URL: its last path segment ("getUpdates"), never the token.
std::string BotApiMethodOf(std::string_view url);

}  // namespace videobot::telegram
