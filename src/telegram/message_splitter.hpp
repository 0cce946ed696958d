#pragma once
// Splits a long reply (an explanation with its SQL) into messages Telegram accepts.

#include <string>
#include <string_view>
#include <vector>

namespace videobot::telegram {

/// `text` cut into pieces of at most `max_code_points` characters, at a line break where one is
/// near the limit, never inside a UTF-8 sequence. Empty text gives no pieces.
std::vector<std::string> SplitMessage(std::string_view text, std::size_t max_code_points);

}  // namespace videobot::telegram
