#pragma once
// Splits normalised text (normalizer.hpp) into tokens: words, digit runs, ids, punctuation.

#include <string_view>
#include <vector>

#include "nl/token.hpp"

namespace videobot::nl {

/// The tokens of `normalized`; the views point into it, so it must outlive them. Letters and
/// digits glued together are split ("10к" → "10", "к"), except ids: a 32-hex run is a creator
/// id, a dashed 8-4-4-4-12 hex run a video id, and other long hex-like runs are malformed ids.
std::vector<Token> Tokenize(std::string_view normalized);

}  // namespace videobot::nl
