#include "telegram/message_splitter.hpp"

#include "common/utf8.hpp"

namespace videobot::telegram {
namespace {

constexpr std::string_view kPreOpen = "<pre>";
constexpr std::string_view kPreClose = "</pre>";

/// Characters one byte of plain text adds once escaped (0 for UTF-8 continuation bytes).
std::size_t EscapedCost(char c) {
  switch (c) {
    case '&': return 5;  // &amp;
    case '<':
    case '>': return 4;  // &lt; &gt;
    default: return IsUtf8Continuation(c) ? 0 : 1;
  }
}

std::size_t EscapedLength(std::string_view text) {
  std::size_t length = 0;
  for (const char c : text) length += EscapedCost(c);
  return length;
}

/// The longest prefix of `text` (in bytes, whole code points) whose escaped length fits `room`,
/// cut after a line break when one lies in its second half.
std::size_t FittingPrefix(std::string_view text, std::size_t room) {
  std::size_t used = 0;
  std::size_t end = 0;
  std::size_t last_break = std::string_view::npos;
  while (end < text.size()) {
    std::size_t next = end + 1;
    while (next < text.size() && IsUtf8Continuation(text[next])) ++next;
    const std::size_t cost = EscapedCost(text[end]);
    if (used + cost > room) break;
    used += cost;
    if (text[end] == '\n') last_break = end;
    end = next;
  }
  if (end < text.size() && last_break != std::string_view::npos && last_break + 1 > end / 2) return last_break + 1;
  return end;
}

bool OnlyWhitespace(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

std::vector<std::string> SplitMessage(std::string_view text, std::size_t max_code_points) {
  std::vector<std::string> pieces;
  if (max_code_points == 0) return pieces;
  while (!text.empty()) {
    // Find the byte position after max_code_points code points, and the last line break before it.
    std::size_t count = 0;
    std::size_t end = 0;
    std::size_t last_break = std::string_view::npos;
    while (end < text.size()) {
      if (!IsUtf8Continuation(text[end])) {
        if (count == max_code_points) break;
        ++count;
      }
      if (text[end] == '\n') last_break = end;
      ++end;
    }
    std::size_t cut = end;
    if (end < text.size() && last_break != std::string_view::npos && last_break > end / 2) cut = last_break + 1;
    pieces.emplace_back(text.substr(0, cut));
    text.remove_prefix(cut);
  }
  return pieces;
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

std::vector<std::string> SplitHtml(const std::vector<TextBlock>& blocks, std::size_t max_code_points) {
  std::vector<std::string> pieces;
  std::string current;
  std::size_t current_length = 0;
  bool current_has_text = false;
  const auto flush = [&] {
    if (current_has_text) pieces.push_back(std::move(current));
    current.clear();
    current_length = 0;
    current_has_text = false;
  };
  for (const TextBlock& block : blocks) {
    const std::size_t overhead = block.preformatted ? kPreOpen.size() + kPreClose.size() : 0;
    if (overhead + 1 > max_code_points) return {};
    std::string_view rest = block.text;
    // A block that does not fit after what the piece already holds, but fits a piece of its own,
    // starts a new piece rather than being cut.
    if (current_length > 0 && current_length + overhead + EscapedLength(rest) > max_code_points &&
        overhead + EscapedLength(rest) <= max_code_points) {
      flush();
    }
    while (!rest.empty()) {
      if (current_length + overhead >= max_code_points) flush();
      const std::size_t take = FittingPrefix(rest, max_code_points - current_length - overhead);
      if (take == 0) {
        if (current_length == 0) return pieces;  // unreachable while max_code_points > 16
        flush();
        continue;
      }
      const std::string_view part = rest.substr(0, take);
      const std::string escaped = EscapeHtml(part);
      if (block.preformatted) current += kPreOpen;
      current += escaped;
      if (block.preformatted) current += kPreClose;
      current_length += overhead + EscapedLength(part);
      current_has_text = current_has_text || !OnlyWhitespace(part);
      rest.remove_prefix(take);
      if (!rest.empty()) flush();
    }
  }
  flush();
  return pieces;
}

}  // namespace videobot::telegram
