#include "telegram/addressing.hpp"

#include <array>
#include <vector>

#include "common/text.hpp"

namespace videobot::telegram {
namespace {

/// Characters Telegram allows in a username.
bool IsUsernameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// Lowercases ASCII and the Russian alphabet (А–Я, Ё), enough to compare address words.
std::string FoldCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xD0 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x90 && next <= 0x9F) {  // А–П → а–п (D0 B0 … D0 BF)
        out += static_cast<char>(0xD0);
        out += static_cast<char>(next + 0x20);
      } else if (next >= 0xA0 && next <= 0xAF) {  // Р–Я → р–я (D1 80 … D1 8F)
        out += static_cast<char>(0xD1);
        out += static_cast<char>(next - 0x20);
      } else if (next == 0x81) {  // Ё → ё (D1 91)
        out += static_cast<char>(0xD1);
        out += static_cast<char>(0x91);
      } else {
        out += static_cast<char>(c);
        out += static_cast<char>(next);
      }
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

/// Position of the next whole mention of `@username` in `folded` at or after `from`.
std::size_t FindMention(const std::string& folded, const std::string& mention, std::size_t from) {
  for (auto at = folded.find(mention, from); at != std::string::npos; at = folded.find(mention, at + 1)) {
    const std::size_t end = at + mention.size();
    const bool starts_word = at == 0 || !IsUsernameChar(folded[at - 1]);
    const bool ends_word = end == folded.size() || !IsUsernameChar(folded[end]);
    if (starts_word && ends_word) return at;
  }
  return std::string::npos;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (const char c : TrimAscii(text)) {
    if (IsSpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

/// Length in bytes of the separator at the start of `text` (",", ":", "—", "–", "-"), 0 if none.
std::size_t SeparatorLength(std::string_view text) {
  static constexpr std::array<std::string_view, 5> kSeparators = {",", ":", "\u2014", "\u2013", "-"};
  for (const auto separator : kSeparators) {
    if (text.substr(0, separator.size()) == separator) return separator.size();
  }
  return 0;
}

/// The command's name (lowercase, without "/" and "@bot") and its argument, when `text` is a
/// command for this bot (or for any bot, when it has no "@" suffix).
struct Command {
  std::string name;
  std::string_view argument;
  bool for_other_bot = false;
};

Command ParseCommand(std::string_view text, std::string_view username) {
  std::size_t end = 0;
  while (end < text.size() && !IsSpace(text[end])) ++end;
  std::string_view name = text.substr(1, end - 1);
  Command command;
  command.argument = TrimAscii(text.substr(end));
  if (const auto at = name.find('@'); at != std::string_view::npos) {
    command.for_other_bot = AsciiLower(name.substr(at + 1)) != AsciiLower(username);
    name = name.substr(0, at);
  }
  command.name = AsciiLower(name);
  return command;
}

}  // namespace

bool MentionsBot(std::string_view text, std::string_view username) {
  if (username.empty()) return false;
  return FindMention(FoldCase(text), "@" + AsciiLower(username), 0) != std::string::npos;
}

std::string RemoveMentions(std::string_view text, std::string_view username) {
  if (username.empty()) return CollapseSpaces(text);
  // Case folding keeps byte lengths (ASCII and the Russian letters map within their widths), so
  // positions found in the folded text are positions in `text`.
  const std::string folded = FoldCase(text);
  const std::string mention = "@" + AsciiLower(username);
  std::string out;
  std::size_t copied = 0;
  for (auto at = FindMention(folded, mention, 0); at != std::string::npos; at = FindMention(folded, mention, copied)) {
    out.append(text.substr(copied, at - copied));
    out += ' ';
    copied = at + mention.size();
    if (copied < text.size() && (text[copied] == ',' || text[copied] == ':')) ++copied;
  }
  out.append(text.substr(copied));
  return CollapseSpaces(out);
}

std::string_view StripAddress(std::string_view text, const BotIdentity& bot) {
  std::vector<std::string> names = {"бот", "ботик", "videobot"};
  if (!bot.username.empty()) {
    names.push_back(FoldCase(bot.username));
    names.push_back("@" + FoldCase(bot.username));
  }
  if (!bot.first_name.empty()) names.push_back(FoldCase(bot.first_name));
  text = TrimAscii(text);
  bool stripped = true;
  while (stripped) {
    stripped = false;
    const std::string folded = FoldCase(text.substr(0, 200));
    for (const auto& name : names) {
      if (folded.compare(0, name.size(), name) != 0) continue;
      std::string_view rest = text.substr(name.size());
      while (!rest.empty() && IsSpace(rest.front())) rest.remove_prefix(1);
      const std::size_t separator = SeparatorLength(rest);
      if (separator == 0) continue;
      text = TrimAscii(rest.substr(separator));
      stripped = true;
      break;
    }
  }
  return text;
}

std::optional<std::string> QuestionOf(const Message& message, const BotIdentity& bot) {
  if (!message.text) return std::nullopt;
  std::string_view text = TrimAscii(*message.text);
  if (!text.empty() && text.front() == '/') {
    const Command command = ParseCommand(text, bot.username);
    if (command.for_other_bot || (command.name != "ask" && command.name != "explain")) return std::nullopt;
    text = command.argument;
  }
  return std::string(StripAddress(RemoveMentions(text, bot.username), bot));
}

}  // namespace videobot::telegram
