#pragma once
// The scanner: tokens → mentions. At each position it tries, in order, ids, the publication
// window, periods, fixed phrases, comparisons, numbers, single words and punctuation; the
// first recogniser that matches wins and the scan continues after what it covered.

#include <span>

#include "nl/mention.hpp"
#include "nl/token.hpp"

namespace videobot::nl {

/// The mentions of `tokens`, with explanatory segments marked: the rest of a sentence after
/// "то есть" / "иными словами" …, and everything after the first question mark that is
/// followed by more words.
Mentions Scan(std::span<const Token> tokens);

}  // namespace videobot::nl
