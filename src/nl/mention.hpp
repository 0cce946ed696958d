#pragma once
// Mentions: what the scanner recognised in a question, in order. Each covers one or more
// tokens; the plan builder marks every mention it uses, and refuses questions in which a
// meaningful mention is left unused.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "nl/comparison_recognizer.hpp"
#include "nl/concept.hpp"
#include "nl/number_recognizer.hpp"
#include "nl/period_recognizer.hpp"

namespace videobot::nl {

enum class MentionKind : std::uint8_t {
  kWord,               ///< a lexicon word or phrase (`meaning`)
  kUnknown,            ///< a word the lexicon does not know
  kPunct,              ///< punctuation
  kNumber,             ///< a number not part of anything else (`number`)
  kComparison,         ///< `comparison`
  kCreatorId,          ///< `text`: 32 hex characters
  kVideoId,            ///< `text`: dashed UUID
  kMalformedId,        ///< `text`: looks like an id but is not one
  kPeriod,             ///< `period`
  kPublicationWindow,  ///< "за первые 3 часа после публикации": `number` hours
  kBadNumber,          ///< digits or number words that make no usable number (`number_problem`)
};

struct Mention {
  MentionKind kind = MentionKind::kUnknown;
  Concept meaning = Concept::kFiller;
  std::size_t first_token = 0;
  std::size_t end_token = 0;
  std::string_view text;  ///< the text covered (normalised)
  std::int64_t number = 0;
  NumberProblem number_problem = NumberProblem::kNone;
  ComparisonExpr comparison;
  PeriodExpr period;
  bool explanatory = false;  ///< inside "то есть …" or after the question mark
  bool used = false;         ///< consumed by a rule of the plan builder

  /// True for a lexicon word with meaning `c`.
  bool Is(Concept c) const { return kind == MentionKind::kWord && meaning == c; }
  /// True for punctuation `c`.
  bool IsPunct(char c) const { return kind == MentionKind::kPunct && text.size() == 1 && text[0] == c; }
};

using Mentions = std::vector<Mention>;

}  // namespace videobot::nl
