#pragma once
// Finds the one JSON object in a model's reply: bare, inside a ```json fence, or surrounded by
// chatty text.

#include <optional>
#include <string>
#include <string_view>

namespace videobot::llm {

/// Largest reply text searched for an object, in bytes.
inline constexpr std::size_t kMaxReplyBytes = 256 * 1024;

/// The text of the JSON object in `reply`. Tried in order: the whole reply; the contents of
/// markdown code fences; every balanced top-level {…} in the text. Nullopt when none parses as a
/// JSON object, when the reply is larger than kMaxReplyBytes, or when the text holds several
/// different objects (the model's intent is then unclear).
std::optional<std::string> ExtractJsonObject(std::string_view reply);

}  // namespace videobot::llm
