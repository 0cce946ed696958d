#pragma once
// Splits a long reply (an explanation with its SQL) into messages Telegram accepts: plain text
// as it is, or HTML built from plain-text blocks so that no piece cuts through an entity or a tag.

#include <string>
#include <string_view>
#include <vector>

namespace videobot::telegram {

/// `text` cut into pieces of at most `max_code_points` characters, at a line break where one is
/// near the limit, never inside a UTF-8 sequence. Empty text gives no pieces.
std::vector<std::string> SplitMessage(std::string_view text, std::size_t max_code_points);

/// `text` with "&", "<" and ">" escaped for Telegram's HTML parse mode.
std::string EscapeHtml(std::string_view text);

/// A run of plain text in a message: shown as is, or as a preformatted block (<pre>).
struct TextBlock {
  std::string text;
  bool preformatted = false;
};

/// The blocks rendered as HTML (every block escaped, preformatted ones in <pre>…</pre>) and cut
/// into pieces of at most `max_code_points` characters of HTML each. A block is cut only between
/// characters of its plain text, preferably at a line break, and a preformatted block cut in two
/// is closed in one piece and reopened in the next, so every piece is well-formed HTML. Pieces
/// that would hold only whitespace are dropped. `max_code_points` must exceed 16.
std::vector<std::string> SplitHtml(const std::vector<TextBlock>& blocks, std::size_t max_code_points);

}  // namespace videobot::telegram
