#pragma once
// Text normalisation before tokenising: Unicode case folding (ICU), ё → е, every kind of space
// to ' ', dashes and minus signs to '-', quotes to '"', ≥/≤ to >=/<=, invisible characters
// dropped. The result is what the lexicon and the recognisers are written against.

#include <cstddef>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace videobot::nl {

/// Longest question accepted, in Unicode code points.
inline constexpr std::size_t kMaxQuestionChars = 1000;

/// The normalised form of `question`. Fails with kQuestionNotUnderstood when the text is not
/// well-formed UTF-8 or is blank, and with kQuestionTooLong beyond kMaxQuestionChars.
Result<std::string> Normalize(std::string_view question);

}  // namespace videobot::nl
