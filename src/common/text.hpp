#pragma once
// Small text helpers shared by the adapters.

#include <string>
#include <string_view>

namespace videobot {

/// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF).
bool IsValidUtf8(std::string_view text);

/// Number of Unicode code points in well-formed UTF-8 `text`.
std::size_t CountCodePoints(std::string_view text);

/// `text` without leading and trailing ASCII whitespace.
std::string_view TrimAscii(std::string_view text);

/// `text` with ASCII letters lowercased (ids, command names); other bytes unchanged.
std::string AsciiLower(std::string_view text);

/// `text` with every "%XX" (two hex digits) replaced by that byte, as in URL components; a "%"
/// not followed by two hex digits is kept as it is.
std::string PercentDecode(std::string_view text);

}  // namespace videobot
