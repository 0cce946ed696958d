#pragma once
// The state the plan builder works on: the mentions of one question and what the linking
// passes (linker.hpp) derived from them.

#include <optional>
#include <string>
#include <vector>

#include "nl/concept_traits.hpp"
#include "nl/mention.hpp"
#include "plan/plan.hpp"

namespace videobot::nl {

/// A comparison linked to the metric it constrains.
struct LinkedCondition {
  Concept metric = Concept::kViews;
  bool delta = false;     ///< about growth ("прирост просмотров больше 100")
  bool per_hour = false;  ///< about one measurement ("просмотров за час больше 100")
  plan::CompareOp op = plan::CompareOp::kGreater;
  std::int64_t value = 0;
  std::size_t mention = 0;  ///< index of the comparison
};

struct Analysis {
  Mentions mentions;
  std::vector<std::string> creator_ids;
  std::vector<std::string> video_ids;
  std::vector<LinkedCondition> conditions;
  /// Per mention: a noun referenced by an id ("креатора X") or standing in "хотя бы одно
  /// видео"; such nouns are never what the question counts.
  std::vector<bool> bound_noun;
};

/// True for mentions that only connect others: fillers, neutral verbs, commas, quotes.
bool IsConnective(const Mention& mention);

/// True for a word mention of one of the four metrics.
inline bool IsMetricMention(const Mention& mention) {
  return mention.kind == MentionKind::kWord && IsMetric(mention.meaning);
}

/// True for a word mention that counts videos when it is the target: видео, ролик, публикация.
inline bool CountsVideos(const Mention& mention) {
  return mention.kind == MentionKind::kWord && TraitsOf(mention.meaning).counts == TargetKind::kVideo;
}

/// True for a word mention of a countable thing (incl. "публикация" as a post).
inline bool IsObjectMention(const Mention& mention) {
  return mention.kind == MentionKind::kWord &&
         (IsObject(mention.meaning) || mention.meaning == Concept::kPublicationNoun);
}

}  // namespace videobot::nl
