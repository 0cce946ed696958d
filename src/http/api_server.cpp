#include "http/api_server.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <spdlog/logger.h>
#include <atomic>
#include <map>
#include <thread>

#include "common/error.hpp"
#include "common/rate_limiter.hpp"
#include "common/text.hpp"
#include "http/answerer_pool.hpp"
#include "service/answer_format.hpp"
#include "service/answer_service.hpp"

namespace videobot::http {
namespace {

using Json = nlohmann::json;
using SteadyClock = std::chrono::steady_clock;

constexpr const char* kAskPath = "/v1/ask";
constexpr const char* kJsonType = "application/json";
constexpr const char* kTextType = "text/plain; charset=utf-8";

/// The method each route accepts (HEAD is accepted wherever GET is).
const std::map<std::string, std::string, std::less<>>& Routes() {
  static const std::map<std::string, std::string, std::less<>> routes = {
      {"/healthz", "GET"}, {"/readyz", "GET"}, {"/metrics", "GET"}, {kAskPath, "POST"}};
  return routes;
}

void SendJsonError(httplib::Response& response, int status, std::string_view message) {
  response.status = status;
  response.set_content(Json{{"error", message}}.dump(), kJsonType);
}

std::string Dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

/// The question of a request body, or the 400/413 error to answer with.
struct ParsedQuestion {
  std::string question;
  int status = 200;
  std::string error;
};

ParsedQuestion ParseQuestion(const std::string& body) {
  const Json json = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) return {"", 400, "the body must be a JSON object"};
  for (const auto& [key, value] : json.items()) {
    if (key != "question") return {"", 400, "unknown field: " + key};
  }
  const auto question = json.find("question");
  if (question == json.end() || !question->is_string()) return {"", 400, "missing string field: question"};
  std::string text = question->get<std::string>();
  if (TrimAscii(text).empty()) return {"", 400, "the question is empty"};
  if (CountCodePoints(text) > service::kMaxQuestionChars) {
    return {"", 413, "the question is longer than " + std::to_string(service::kMaxQuestionChars) + " characters"};
  }
  return {std::move(text), 200, ""};
}

}  // namespace

bool BearerTokenMatches(std::string_view authorization, std::string_view token) {
  constexpr std::string_view kScheme = "bearer ";
  if (token.empty() || authorization.size() < kScheme.size()) return false;
  if (AsciiLower(authorization.substr(0, kScheme.size())) != kScheme) return false;
  const std::string_view given = TrimAscii(authorization.substr(kScheme.size()));
  // Runs over the expected token whatever was given, so the time does not tell where they differ.
  unsigned difference = given.size() == token.size() ? 0u : 1u;
  for (std::size_t i = 0; i < token.size(); ++i) {
    const char other = given.empty() ? '\0' : given[i % given.size()];
    difference |= static_cast<unsigned>(static_cast<unsigned char>(other) ^ static_cast<unsigned char>(token[i]));
  }
  return difference == 0;
}

class ApiServer::Impl {
 public:
  Impl(ServerConfig config, ServerDependencies dependencies)
      : config_(std::move(config)),
        deps_(std::move(dependencies)),
        pool_(deps_.answerers),
        rate_limiter_(config_.rate_limit_per_minute) {}

  ~Impl() { Stop(); }

  void Start();
  void Stop();
  int port() const { return port_; }

 private:
  void Configure();
  httplib::Server::HandlerResponse CheckMethod(const httplib::Request& request, httplib::Response& response) const;
  void Ready(httplib::Response& response) const;
  void Ask(const httplib::Request& request, httplib::Response& response);
  void Answer(const std::string& question, httplib::Response& response);
  void Log(const httplib::Request& request, const httplib::Response& response) const;

  ServerConfig config_;
  ServerDependencies deps_;
  AnswererPool pool_;
  KeyedRateLimiter<std::string> rate_limiter_;
  httplib::Server server_;
  std::thread thread_;
  std::atomic<bool> listen_returned_{false};
  int port_ = 0;
};

void ApiServer::Impl::Configure() {
  const auto threads = static_cast<std::size_t>(std::max(1, config_.threads));
  server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // SO_REUSEADDR only: a restart may bind at once, but httplib's default SO_REUSEPORT would let a
  // second process share the port silently instead of failing to start.
  server_.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  server_.set_payload_max_length(kMaxRequestBodyBytes);
  server_.set_read_timeout(std::chrono::seconds(10));
  server_.set_write_timeout(std::chrono::seconds(10));
  server_.set_keep_alive_timeout(5);
  server_.set_pre_routing_handler(
      [this](const httplib::Request& request, httplib::Response& response) { return CheckMethod(request, response); });
  // Counted and logged before the response is written (httplib's logger runs after it), so a
  // client that reads /metrics after a response sees that response counted.
  server_.set_post_routing_handler(
      [this](const httplib::Request& request, httplib::Response& response) { Log(request, response); });
  server_.Get("/healthz",
              [](const httplib::Request&, httplib::Response& response) { response.set_content("ok\n", kTextType); });
  server_.Get("/readyz", [this](const httplib::Request&, httplib::Response& response) { Ready(response); });
  server_.Get("/metrics", [this](const httplib::Request&, httplib::Response& response) {
    response.set_content(deps_.metrics->registry().Render(), observe::kExpositionContentType);
  });
  if (!config_.api_token.empty()) {
    server_.Post(kAskPath,
                 [this](const httplib::Request& request, httplib::Response& response) { Ask(request, response); });
  }
}

httplib::Server::HandlerResponse ApiServer::Impl::CheckMethod(const httplib::Request& request,
                                                              httplib::Response& response) const {
  const auto route = Routes().find(request.path);
  if (route == Routes().end()) return httplib::Server::HandlerResponse::Unhandled;
  if (route->first == kAskPath && config_.api_token.empty()) return httplib::Server::HandlerResponse::Unhandled;
  const std::string& allowed = route->second;
  if (request.method == allowed || (allowed == "GET" && request.method == "HEAD")) {
    return httplib::Server::HandlerResponse::Unhandled;
  }
  response.set_header("Allow", allowed == "GET" ? "GET, HEAD" : allowed);
  SendJsonError(response, 405, "method not allowed");
  return httplib::Server::HandlerResponse::Handled;
}

void ApiServer::Impl::Ready(httplib::Response& response) const {
  Readiness readiness;
  try {
    readiness = deps_.readiness();
  } catch (const std::exception&) {
    readiness = {false, "readiness check failed"};
  }
  response.status = readiness.ready ? 200 : 503;
  response.set_content(readiness.ready ? "ok\n" : readiness.reason + "\n", kTextType);
}

void ApiServer::Impl::Ask(const httplib::Request& request, httplib::Response& response) {
  if (!BearerTokenMatches(request.get_header_value("Authorization"), config_.api_token)) {
    response.set_header("WWW-Authenticate", "Bearer");
    SendJsonError(response, 401, "missing or wrong bearer token");
    return;
  }
  if (rate_limiter_.Acquire(request.remote_addr, SteadyClock::now()) != RateDecision::kAllowed) {
    SendJsonError(response, 429, "too many requests: try again in a minute");
    return;
  }
  ParsedQuestion parsed = ParseQuestion(request.body);
  if (parsed.status != 200) {
    SendJsonError(response, parsed.status, parsed.error);
    return;
  }
  Answer(parsed.question, response);
}

void ApiServer::Impl::Answer(const std::string& question, httplib::Response& response) {
  const auto started = SteadyClock::now();
  std::unique_ptr<AnswererPool::Lease> lease;
  try {
    lease = pool_.Acquire();
  } catch (const std::exception& error) {
    deps_.logger->warn("event=answerer_unavailable error=\"{}\"", error.what());
  }
  if (!lease || !*lease) {
    deps_.metrics->RecordQuestion("answerer_unavailable", "-", SteadyClock::now() - started);
    SendJsonError(response, 503, "the service is temporarily unavailable");
    return;
  }
  service::Reply reply;
  try {
    reply = (*lease)->Answer(question);
  } catch (const std::exception& error) {
    // Answerers report failures as replies; an exception is a defect or a broken connection.
    deps_.logger->error("event=answerer_failed error=\"{}\"", error.what());
    lease->Discard();
    deps_.metrics->RecordQuestion("internal_error", "-", SteadyClock::now() - started);
    SendJsonError(response, 500, "internal error");
    return;
  }
  const auto elapsed = SteadyClock::now() - started;
  // An unavailable database or model may have left the connection broken: build a fresh one.
  if (reply.kind == service::Reply::Kind::kUnavailable) lease->Discard();
  deps_.metrics->RecordQuestion(reply.code, reply.planner, elapsed);
  Json body = {{"answer", reply.text}, {"outcome", reply.code}, {"planner", reply.planner}, {"plan", nullptr}};
  if (!reply.plan.empty()) body["plan"] = Json::parse(reply.plan, nullptr, false);
  if (!reply.series.empty()) body["series"] = service::SeriesJson(reply.series);
  if (!reply.ranking.empty()) body["rows"] = service::RowsJson(reply.text);
  if (reply.comparison) body["comparison"] = service::ComparisonJson(*reply.comparison);
  response.status = reply.kind == service::Reply::Kind::kUnavailable ? 503 : 200;
  response.set_content(Dump(body), kJsonType);
  deps_.logger->info("event=api_question planner={} outcome={} status={} latency_ms={}", reply.planner, reply.code,
                     response.status, std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count());
}

void ApiServer::Impl::Log(const httplib::Request& request, const httplib::Response& response) const {
  const bool known = Routes().contains(request.path);
  deps_.metrics->RecordHttpRequest(known ? request.path : "other", response.status);
  // Probes arrive every few seconds: they are logged only at debug level.
  const bool probe = request.path != kAskPath && known && response.status < 500;
  deps_.logger->log(probe ? spdlog::level::debug : spdlog::level::info,
                    "event=http_request method={} path={} status={} peer={}", request.method,
                    known ? request.path : "other", response.status, request.remote_addr);
}

void ApiServer::Impl::Start() {
  Configure();
  const auto& address = config_.address;
  if (address.port == 0) {
    port_ = server_.bind_to_any_port(address.host);
  } else {
    port_ = server_.bind_to_port(address.host, address.port) ? address.port : -1;
  }
  if (port_ <= 0) {
    throw EnvironmentError("cannot listen on " + FormatListenAddress(address) + " (address in use or not local)");
  }
  deps_.logger->info("event=http_listening addr={} api={}", FormatListenAddress({address.host, port_}),
                     config_.api_token.empty() ? "off" : "on");
  thread_ = std::thread([this] {
    server_.listen_after_bind();
    listen_returned_ = true;
  });
  // httplib's stop() does nothing until the listening loop runs: wait for it, so that a Stop
  // right after Start cannot leave the loop running forever.
  while (!server_.is_running() && !listen_returned_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void ApiServer::Impl::Stop() {
  if (!thread_.joinable()) return;
  server_.stop();
  thread_.join();
  deps_.logger->info("event=http_stopped");
}

ApiServer::ApiServer(ServerConfig config, ServerDependencies dependencies)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(dependencies))) {}

ApiServer::~ApiServer() = default;

void ApiServer::Start() { impl_->Start(); }

int ApiServer::port() const { return impl_->port(); }

void ApiServer::Stop() { impl_->Stop(); }

}  // namespace videobot::http
