#include "telegram/redaction.hpp"

#include <spdlog/logger.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <mutex>
#include <vector>

namespace videobot::telegram {
namespace {

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  std::size_t pos = 0;
  while ((pos = text.find(from, pos)) != std::string::npos) {
    text.replace(pos, from.size(), to);
    pos += to.size();
  }
}

std::string UrlEncodedColon(std::string_view secret) {
  std::string encoded;
  for (char c : secret) {
    if (c == ':') {
      encoded += "%3A";
    } else {
      encoded += c;
    }
  }
  return encoded;
}

/// Redacts the secrets from each record's message and forwards the record to the wrapped sink,
/// which formats it (text or JSON): redaction comes before formatting.
class RedactingSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  RedactingSink(std::vector<std::string> secrets, std::shared_ptr<spdlog::sinks::sink> target)
      : secrets_(std::move(secrets)), target_(std::move(target)) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    std::string payload(msg.payload.data(), msg.payload.size());
    for (const auto& secret : secrets_) payload = Redact(payload, secret);
    spdlog::details::log_msg copy(msg.time, msg.source, msg.logger_name, msg.level, payload);
    target_->log(copy);
  }
  void flush_() override { target_->flush(); }
  void set_pattern_(const std::string& pattern) override { target_->set_pattern(pattern); }
  void set_formatter_(std::unique_ptr<spdlog::formatter> formatter) override {
    target_->set_formatter(std::move(formatter));
  }

 private:
  std::vector<std::string> secrets_;
  std::shared_ptr<spdlog::sinks::sink> target_;
};

}  // namespace

std::string Redact(std::string_view text, std::string_view secret) {
  std::string out(text);
  if (secret.empty()) return out;
  ReplaceAll(out, secret, kRedacted);
  const std::string encoded = UrlEncodedColon(secret);
  if (encoded != secret) {
    ReplaceAll(out, encoded, kRedacted);
    std::string lower = encoded;
    ReplaceAll(lower, "%3A", "%3a");
    ReplaceAll(out, lower, kRedacted);
  }
  return out;
}

std::shared_ptr<spdlog::logger> MakeRedactingLogger(std::string name, std::string secret,
                                                    std::shared_ptr<spdlog::sinks::sink> sink_target) {
  return MakeRedactingLogger(std::move(name), std::vector<std::string>{std::move(secret)}, std::move(sink_target));
}

std::shared_ptr<spdlog::logger> MakeRedactingLogger(std::string name, std::vector<std::string> secrets,
                                                    std::shared_ptr<spdlog::sinks::sink> sink_target) {
  std::erase_if(secrets, [](const std::string& secret) { return secret.empty(); });
  auto sink = std::make_shared<RedactingSink>(std::move(secrets), std::move(sink_target));
  auto logger = std::make_shared<spdlog::logger>(std::move(name), std::move(sink));
  logger->flush_on(spdlog::level::info);
  return logger;
}

std::shared_ptr<spdlog::logger> MakeRedactingStderrLogger(std::string name, std::string secret) {
  return MakeRedactingLogger(std::move(name), std::move(secret), std::make_shared<spdlog::sinks::stderr_sink_mt>());
}

}  // namespace videobot::telegram
