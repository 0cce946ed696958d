#include "telegram/update_classifier.hpp"

#include <algorithm>
#include <cctype>

#include "common/text.hpp"
#include "telegram/bot_api.hpp"
#include "telegram/bot_messages.hpp"
#include "telegram/json_repair.hpp"

namespace videobot::telegram {
namespace {

Classification Ignore(std::string outcome) { return {UpdateAction::kIgnore, std::move(outcome), {}}; }

Classification Reply(std::string outcome, std::string_view text) {
  return {UpdateAction::kReply, std::move(outcome), std::string(text)};
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

Classification ClassifyCommand(std::string_view text, std::string_view bot_username) {
  const auto end = std::find_if(text.begin(), text.end(), IsAsciiSpace);
  std::string_view command = text.substr(1, static_cast<std::size_t>(end - text.begin()) - 1);
  const std::string_view argument = TrimAscii(text.substr(static_cast<std::size_t>(end - text.begin())));
  if (const auto at = command.find('@'); at != std::string_view::npos) {
    if (AsciiLower(command.substr(at + 1)) != AsciiLower(bot_username)) return Ignore("other_bot_command");
    command = command.substr(0, at);
  }
  const std::string name = AsciiLower(command);
  if (name == "start" || name == "help") return Reply(name, kHelpText);
  if (name == "explain") {
    if (argument.empty()) return Reply("explain_usage", kExplainUsageReply);
    return {UpdateAction::kExplain, "explain", std::string(argument)};
  }
  return Reply("unknown_command", kUnknownCommandReply);
}

}  // namespace

Classification ClassifyUpdate(const Update& update, std::string_view bot_username) {
  if (update.kind != "message" || !update.message) return Ignore("unsupported_update");
  const Message& message = *update.message;
  if (message.chat.id == 0) return Ignore("malformed_update");
  if (message.from && message.from->is_bot) return Ignore("from_bot");
  if (!message.text) {
    if (message.chat.type == "private") return Reply("not_text", kNotTextReply);
    return Ignore("not_text");
  }
  const std::string& text = *message.text;
  if (!IsValidUtf8(text) || text.find(kReplacementCharacter) != std::string::npos) {
    return Reply("invalid_utf8", kUnreadableTextReply);
  }
  const std::string_view trimmed = TrimAscii(text);
  if (trimmed.empty()) return Reply("empty_text", kEmptyTextReply);
  if (CountCodePoints(text) > kMaxMessageLength) return Reply("too_long", kTooLongReply);
  if (trimmed.front() == '/') return ClassifyCommand(trimmed, bot_username);
  return {UpdateAction::kAnswer, "question", std::string(trimmed)};
}

}  // namespace videobot::telegram
