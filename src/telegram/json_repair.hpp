#pragma once
// Makes a Bot API response parseable when one message carries text that is not well-formed
// UTF-8: a strict JSON parser would reject the whole getUpdates batch, and the bot would fetch
// the same batch forever. Repaired text holds U+FFFD where the bad bytes were, which the update
// classifier then reports to the user as unreadable text.

#include <string>
#include <string_view>

namespace videobot::telegram {

/// The UTF-8 encoding of U+FFFD REPLACEMENT CHARACTER.
inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

/// `body` with each ill-formed UTF-8 byte replaced by U+FFFD and each unpaired surrogate escape
/// (`\uD800`…`\uDFFF` without its partner) replaced by `\uFFFD`. Sets `*changed` when anything
/// was replaced. Well-formed input is returned unchanged.
std::string RepairJsonText(std::string_view body, bool* changed = nullptr);

}  // namespace videobot::telegram
