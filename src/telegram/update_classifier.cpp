#include "telegram/update_classifier.hpp"

#include <algorithm>

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

/// A question (or an explain request) once the address is gone; empty text gets a hint.
Classification Question(UpdateAction action, std::string outcome, std::string_view text, const BotIdentity& bot,
                        std::string_view usage) {
  std::string question(StripAddress(RemoveMentions(text, bot.username), bot));
  if (question.empty()) return Reply(outcome + "_usage", usage);
  return {action, std::move(outcome), std::move(question)};
}

/// The group help with the bot's own username in its example.
std::string GroupHelp(const BotIdentity& bot) {
  std::string text(kGroupHelpText);
  constexpr std::string_view kPlaceholder = "@имя_бота";
  if (const auto at = text.find(kPlaceholder); at != std::string::npos && !bot.username.empty()) {
    text.replace(at, kPlaceholder.size(), "@" + bot.username);
  }
  return text;
}

Classification ClassifyCommand(std::string_view text, const BotIdentity& bot, bool group) {
  const auto end = std::find_if(text.begin(), text.end(), IsAsciiSpace);
  std::string_view command = text.substr(1, static_cast<std::size_t>(end - text.begin()) - 1);
  const std::string_view argument = TrimAscii(text.substr(static_cast<std::size_t>(end - text.begin())));
  bool named = false;
  if (const auto at = command.find('@'); at != std::string_view::npos) {
    if (AsciiLower(command.substr(at + 1)) != AsciiLower(bot.username)) return Ignore("other_bot_command");
    command = command.substr(0, at);
    named = true;
  }
  const std::string name = AsciiLower(command);
  if (name == "start" || name == "help") return Reply(name, group ? GroupHelp(bot) : std::string(kHelpText));
  if (name == "explain") return Question(UpdateAction::kExplain, "explain", argument, bot, kExplainUsageReply);
  if (name == "ask") return Question(UpdateAction::kAnswer, "ask", argument, bot, kAskUsageReply);
  if (name == "status") return {UpdateAction::kStatus, "status", {}};
  // In a group an unknown command without the bot's name is probably meant for another bot.
  if (group && !named) return Ignore("other_bot_command");
  return Reply("unknown_command", kUnknownCommandReply);
}

Classification ClassifyCallback(const CallbackQuery& query, const BotIdentity& bot) {
  if (query.id.empty()) return Ignore("malformed_update");
  const bool numbers = query.data == kNumbersButtonData;
  if (query.data != kExplainButtonData && !numbers) {
    return {UpdateAction::kButtonNotice, "button_unknown", std::string(kButtonUnknownNotice)};
  }
  if (!query.message || query.message->chat.id == 0) {
    return {UpdateAction::kButtonNotice, "button_expired",
            std::string(numbers ? kNumbersExpiredNotice : kExplanationExpiredNotice)};
  }
  const auto& question_message = query.message->reply_to_message;
  std::optional<std::string> question;
  if (question_message) question = QuestionOf(*question_message, bot);
  if (!question || question->empty()) {
    return {UpdateAction::kButtonNotice, "button_expired",
            std::string(numbers ? kNumbersExpiredNotice : kExplanationExpiredNotice)};
  }
  if (numbers) return {UpdateAction::kButtonNumbers, "button_numbers", std::move(*question)};
  return {UpdateAction::kButtonExplain, "button_explain", std::move(*question)};
}

/// Whether a group message is meant for the bot: a command, a mention, or a reply to the bot.
std::string_view GroupAddress(const Message& message, std::string_view trimmed, const BotIdentity& bot) {
  if (!trimmed.empty() && trimmed.front() == '/') return "command";
  if (MentionsBot(trimmed, bot.username)) return "mention";
  const auto& replied = message.reply_to_message;
  if (replied && replied->from && replied->from->id == bot.id && bot.id != 0) return "reply_to_bot";
  return {};
}

}  // namespace

bool IsGroupChat(const Chat& chat) { return chat.type == "group" || chat.type == "supergroup"; }

Classification ClassifyUpdate(const Update& update, const BotIdentity& bot) {
  if (update.kind == "callback_query" && update.callback_query) return ClassifyCallback(*update.callback_query, bot);
  if (update.kind != "message" || !update.message) return Ignore("unsupported_update");
  const Message& message = *update.message;
  if (message.chat.id == 0) return Ignore("malformed_update");
  if (message.from && message.from->is_bot) return Ignore("from_bot");
  const bool group = IsGroupChat(message.chat);
  if (!message.text) {
    if (!group) return Reply("not_text", kNotTextReply);
    return Ignore("not_text");
  }
  const std::string& text = *message.text;
  const bool readable = IsValidUtf8(text) && text.find(kReplacementCharacter) == std::string::npos;
  const std::string_view trimmed = readable ? TrimAscii(text) : std::string_view();
  std::string outcome = "question";
  if (group) {
    if (!readable) return Ignore("group_chatter");  // cannot tell whether it is addressed
    const std::string_view address = GroupAddress(message, trimmed, bot);
    if (address.empty()) return Ignore("group_chatter");
    if (address != "command") outcome = address;
  }
  if (!readable) return Reply("invalid_utf8", kUnreadableTextReply);
  if (trimmed.empty()) return Reply("empty_text", kEmptyTextReply);
  if (CountCodePoints(text) > kMaxMessageLength) return Reply("too_long", kTooLongReply);
  if (trimmed.front() == '/') return ClassifyCommand(trimmed, bot, group);
  return Question(UpdateAction::kAnswer, std::move(outcome), trimmed, bot, kEmptyQuestionReply);
}

}  // namespace videobot::telegram
