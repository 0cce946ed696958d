#pragma once
// Tokens of a normalised question.

#include <cstdint>
#include <string_view>

namespace videobot::nl {

enum class TokenKind : std::uint8_t {
  kWord,         ///< letters (Cyrillic or Latin)
  kNumber,       ///< ASCII digits
  kCreatorId,    ///< 32 hex characters
  kVideoId,      ///< dashed UUID
  kMalformedId,  ///< looks like an id but has the wrong shape
  kPunct,        ///< one other character
};

/// A token: a view into the normalised text, and whether whitespace preceded it.
struct Token {
  TokenKind kind = TokenKind::kWord;
  bool space_before = false;
  std::string_view text;
};

}  // namespace videobot::nl
