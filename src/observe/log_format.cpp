#include "observe/log_format.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <spdlog/pattern_formatter.h>

#include <nlohmann/json.hpp>

#include "common/text.hpp"

namespace videobot::observe {
namespace {

bool IsKeyChar(char c, bool first) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!first && c >= '0' && c <= '9');
}

bool IsSmallInteger(std::string_view text) {
  std::size_t start = !text.empty() && text.front() == '-' ? 1 : 0;
  if (text.size() <= start || text.size() - start > 18) return false;
  if (text.size() - start > 1 && text[start] == '0') return false;
  for (std::size_t i = start; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

/// A quoted value from just after its opening quote; `\"` and `\\` are unescaped.
std::string ReadQuoted(std::string_view message, std::size_t& pos) {
  std::string value;
  while (pos < message.size() && message[pos] != '"') {
    if (message[pos] == '\\' && pos + 1 < message.size()) ++pos;
    value += message[pos++];
  }
  if (pos < message.size()) ++pos;  // the closing quote
  return value;
}

/// Adds the message's key=value pairs to `line`; words that are not pairs are skipped.
void AddFields(nlohmann::ordered_json& line, std::string_view message) {
  std::size_t pos = 0;
  while (pos < message.size()) {
    while (pos < message.size() && message[pos] == ' ') ++pos;
    const std::size_t key_start = pos;
    while (pos < message.size() && IsKeyChar(message[pos], pos == key_start)) ++pos;
    if (pos == key_start || pos >= message.size() || message[pos] != '=') {
      while (pos < message.size() && message[pos] != ' ') ++pos;  // not a pair: skip the word
      continue;
    }
    const std::string key(message.substr(key_start, pos - key_start));
    ++pos;
    std::string value;
    bool quoted = false;
    if (pos < message.size() && message[pos] == '"') {
      ++pos;
      quoted = true;
      value = ReadQuoted(message, pos);
    } else {
      const std::size_t value_start = pos;
      while (pos < message.size() && message[pos] != ' ') ++pos;
      value = std::string(message.substr(value_start, pos - value_start));
    }
    if (line.contains(key)) continue;
    if (!quoted && IsSmallInteger(value)) {
      line[key] = std::stoll(value);
    } else {
      line[key] = std::move(value);
    }
  }
}

// One JSON object per record, written by FormatJsonLogLine.
class JsonLogFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override;
  [[nodiscard]] std::unique_ptr<spdlog::formatter> clone() const override;
};

}  // namespace

std::optional<LogFormat> ParseLogFormat(std::string_view text) {
  const std::string lower = AsciiLower(TrimAscii(text));
  if (lower.empty() || lower == "text") return LogFormat::kText;
  if (lower == "json") return LogFormat::kJson;
  return std::nullopt;
}

std::unique_ptr<spdlog::formatter> MakeLogFormatter(LogFormat format) {
  if (format == LogFormat::kJson) return std::make_unique<JsonLogFormatter>();
  return std::make_unique<spdlog::pattern_formatter>();
}

std::string FormatJsonLogLine(std::string_view time, std::string_view level, std::string_view logger,
                              std::string_view message) {
  // Ordered: the fixed fields come first, then the pairs in the order the message gives them.
  nlohmann::ordered_json line = nlohmann::ordered_json::object();
  line["time"] = time;
  line["level"] = level;
  line["logger"] = logger;
  line["message"] = message;
  AddFields(line, message);
  return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void JsonLogFormatter::format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) {
  const auto since_epoch = msg.time.time_since_epoch();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch - seconds).count();
  const std::time_t whole = seconds.count();
  const std::string time = fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", fmt::gmtime(whole), millis);
  const auto level = spdlog::level::to_string_view(msg.level);
  const std::string line = FormatJsonLogLine(time, std::string_view(level.data(), level.size()),
                                             std::string_view(msg.logger_name.data(), msg.logger_name.size()),
                                             std::string_view(msg.payload.data(), msg.payload.size()));
  dest.append(line.data(), line.data() + line.size());
  dest.push_back('\n');
}

std::unique_ptr<spdlog::formatter> JsonLogFormatter::clone() const { return std::make_unique<JsonLogFormatter>(); }

}  // namespace videobot::observe
