#include "telegram/metered_http_client.hpp"

namespace videobot::telegram {

std::string BotApiMethodOf(std::string_view url) {
  const auto query = url.find('?');
  if (query != std::string_view::npos) url = url.substr(0, query);
  const auto slash = url.rfind('/');
  const std::string_view method = slash == std::string_view::npos ? url : url.substr(slash + 1);
  // A method name is letters only; anything else (a path that ends in the token) is not shown.
  for (const char c : method) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return "other";
  }
  return method.empty() ? "other" : std::string(method);
}

MeteredHttpClient::MeteredHttpClient(std::unique_ptr<net::HttpClient> inner,
                                     std::shared_ptr<observe::ProcessMetrics> metrics)
    : inner_(std::move(inner)), metrics_(std::move(metrics)) {}

net::HttpResponse MeteredHttpClient::Send(const net::HttpRequest& request) {
  const std::string method = BotApiMethodOf(request.url);
  net::HttpResponse response;
  try {
    response = inner_->Send(request);
  } catch (const net::NetworkError&) {
    metrics_->RecordBotApiCall(method, "network");
    throw;
  }
  metrics_->RecordBotApiCall(method, std::to_string(response.status));
  if (method == "getUpdates" && response.status == 200) metrics_->MarkGetUpdatesSuccess();
  return response;
}

}  // namespace videobot::telegram
