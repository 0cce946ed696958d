#include "nl/linker.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "nl/concept_traits.hpp"
#include "nl/period_resolver.hpp"
#include "nl/token_match.hpp"
#include "nl/word_tables.hpp"

namespace videobot::nl {
namespace {

bool IsMain(const Mention& mention) { return !mention.explanatory; }

bool HasText(const Mention& mention, std::span<const std::string_view> words) {
  if (mention.kind != MentionKind::kWord) return false;
  return std::find(words.begin(), words.end(), mention.text) != words.end();
}

// What may stand between a noun and its id: "креатора с id: X", "креаторов X и Y".
bool IsIdGlue(const Mention& mention) {
  if (mention.kind == MentionKind::kCreatorId || mention.kind == MentionKind::kVideoId) return true;
  if (mention.Is(Concept::kIdWord)) return true;
  if (mention.kind == MentionKind::kPunct) {
    return mention.IsPunct(':') || mention.IsPunct('"') || mention.IsPunct('(') || mention.IsPunct('=') ||
           mention.IsPunct(',') || mention.IsPunct('#') || mention.text == "№";
  }
  return mention.Is(Concept::kFiller) && HasText(mention, kIdGlueWords);
}

void AddUnique(std::vector<std::string>& list, std::string_view id) {
  if (std::find(list.begin(), list.end(), id) == list.end()) list.emplace_back(id);
}

Unexpected Mismatch(std::string_view noun, std::string_view id) {
  return Fail(ErrorCode::kQuestionNotUnderstood, "идентификатор " + std::string(id) + " не подходит к слову «" +
                                                     std::string(noun) +
                                                     "»: у креатора id из 32 символов, у видео — UUID с дефисами");
}

// The integers a set of conditions on one value allows: [low, high].
struct Bounds {
  std::int64_t low = std::numeric_limits<std::int64_t>::min();
  std::int64_t high = std::numeric_limits<std::int64_t>::max();
  void Add(plan::CompareOp op, std::int64_t value) {
    switch (op) {
      case plan::CompareOp::kGreater: low = std::max(low, value + 1); break;
      case plan::CompareOp::kGreaterEqual: low = std::max(low, value); break;
      case plan::CompareOp::kLess: high = std::min(high, value - 1); break;
      case plan::CompareOp::kLessEqual: high = std::min(high, value); break;
      case plan::CompareOp::kEqual:
        low = std::max(low, value);
        high = std::min(high, value);
        break;
      case plan::CompareOp::kNotEqual: break;
    }
  }
};

// "от 20 до 10 просмотров", "больше 100 и меньше 50 лайков": conditions on one value that no
// number satisfies would answer a confident 0.
Status CheckConditionsSatisfiable(const Analysis& analysis) {
  const auto& conditions = analysis.conditions;
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    Bounds bounds;
    std::vector<std::size_t> comparisons;
    for (const LinkedCondition& c : conditions) {
      if (c.metric != conditions[i].metric || c.delta != conditions[i].delta || c.per_hour != conditions[i].per_hour)
        continue;
      bounds.Add(c.op, c.value);
      if (std::find(comparisons.begin(), comparisons.end(), c.mention) == comparisons.end())
        comparisons.push_back(c.mention);
    }
    if (bounds.low <= bounds.high) continue;
    std::string written;
    for (std::size_t m : comparisons) {
      written += (written.empty() ? "«" : " и «") + std::string(analysis.mentions[m].text) + "»";
    }
    const std::string what = comparisons.size() == 1 ? "Промежуток " + written + " перевёрнут или пуст"
                                                     : "Условия " + written + " противоречат друг другу";
    return Fail(ErrorCode::kQuestionReversedRange,
                what + ": ни одно значение им не подходит; укажите сначала меньшее число, например «от 10 до 20»");
  }
  return Ok{};
}

}  // namespace

bool IsConnective(const Mention& mention) {
  if (mention.kind == MentionKind::kPunct) {
    return mention.IsPunct(',') || mention.IsPunct('"') || mention.IsPunct(':') || mention.IsPunct('(') ||
           mention.IsPunct(')') || mention.IsPunct('-');
  }
  if (mention.kind != MentionKind::kWord) return false;
  return TraitsOf(mention.meaning).connective;  // series words too: "опубликовано по месяцам в 2025 году"
}

Status LinkIds(Analysis& analysis) {
  Mentions& mentions = analysis.mentions;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    Mention& id = mentions[i];
    const bool creator = id.kind == MentionKind::kCreatorId;
    if ((!creator && id.kind != MentionKind::kVideoId) || !IsMain(id)) continue;
    id.used = true;
    AddUnique(creator ? analysis.creator_ids : analysis.video_ids, id.text);
    std::size_t j = i;
    while (j > 0 && IsIdGlue(mentions[j - 1])) {
      --j;
      if (mentions[j].kind == MentionKind::kWord) mentions[j].used = true;
    }
    if (j == 0) continue;
    Mention& noun = mentions[j - 1];
    if (!IsObjectMention(noun)) continue;
    const Concept expected = creator ? Concept::kCreator : Concept::kVideo;
    const bool matches = noun.meaning == expected || (!creator && noun.meaning == Concept::kPublicationNoun);
    if (!matches) return Mismatch(noun.text, id.text);
    noun.used = true;
    analysis.bound_noun[j - 1] = true;
  }
  return Ok{};
}

void LinkExistentials(Analysis& analysis) {
  Mentions& mentions = analysis.mentions;
  for (std::size_t i = 0; i + 1 < mentions.size(); ++i) {
    if (!mentions[i].Is(Concept::kAtLeastOne) || !IsMain(mentions[i])) continue;
    std::size_t j = i + 1;
    // "хотя бы один новый просмотр": the same as "новые просмотры".
    if (j + 1 < mentions.size() && mentions[j].Is(Concept::kNew) && IsMetricMention(mentions[j + 1])) {
      mentions[i].used = true;
      continue;
    }
    // "хотя бы одно опубликованное видео": the participle stays a publication marker.
    while (j < mentions.size() &&
           (mentions[j].Is(Concept::kPublish) || mentions[j].Is(Concept::kFiller) || mentions[j].Is(Concept::kOne))) {
      ++j;
    }
    if (j >= mentions.size() || !IsObjectMention(mentions[j])) continue;
    mentions[i].used = true;
    mentions[j].used = true;
    analysis.bound_noun[j] = true;
  }
}

void LinkImplicitComparisons(Analysis& analysis) {
  Mentions& mentions = analysis.mentions;
  for (std::size_t i = 0; i + 1 < mentions.size(); ++i) {
    Mention& word = mentions[i];
    if (!IsMain(word) || word.used || !IsMetricMention(mentions[i + 1])) continue;
    const bool at_least_one = word.Is(Concept::kAtLeastOne);
    const bool without = word.Is(Concept::kNot) && IsListedWord(word.text, kWithoutWords);
    if (!at_least_one && !without) continue;
    word.kind = MentionKind::kComparison;
    word.comparison = ComparisonExpr{at_least_one ? plan::CompareOp::kGreaterEqual : plan::CompareOp::kEqual,
                                     at_least_one ? 1 : 0, std::nullopt, 0, word.end_token - word.first_token};
  }
}

Status LinkTimesToDays(Analysis& analysis) {
  Mentions& mentions = analysis.mentions;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    Mention& times = mentions[i];
    if (times.kind != MentionKind::kPeriod || !times.period.time_only || !IsMain(times)) continue;
    std::optional<std::size_t> day;
    for (std::size_t k = 0; k < mentions.size(); ++k) {
      const Mention& other = mentions[k];
      if (k == i || other.kind != MentionKind::kPeriod || other.used || !IsMain(other) || other.period.time_only) {
        continue;
      }
      if (!JoinTimesWithDay(times.period, other.period)) continue;
      if (day) return Fail(ErrorCode::kQuestionNotUnderstood, "непонятно, к какому дню относится время");
      day = k;
    }
    if (!day) return Fail(ErrorCode::kQuestionNotUnderstood, "для времени не указан день, например «28 ноября 2025»");
    times.period = *JoinTimesWithDay(times.period, mentions[*day].period);
    mentions[*day].used = true;
  }
  return Ok{};
}

Status LinkConditions(Analysis& analysis) {
  Mentions& mentions = analysis.mentions;
  auto is_delta_word = [](const Mention& m) {
    return m.Is(Concept::kGrowth) || m.Is(Concept::kNew) || m.Is(Concept::kPerHour);
  };
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    Mention& comparison = mentions[i];
    if (comparison.kind != MentionKind::kComparison || !IsMain(comparison)) continue;
    std::optional<std::size_t> metric;
    bool delta = false;
    std::vector<std::size_t> delta_words;
    // After the number: "больше 1000 (новых) просмотров (за час)".
    std::size_t j = i + 1;
    while (j < mentions.size() && is_delta_word(mentions[j])) delta_words.push_back(j++);
    if (j < mentions.size() && IsMetricMention(mentions[j]) && !mentions[j].used) {
      metric = j;
      if (j + 1 < mentions.size() && mentions[j + 1].Is(Concept::kPerHour)) delta_words.push_back(j + 1);
    } else {
      // Before the comparison: "(прирост) просмотров (за час) у которых больше 1000".
      delta_words.clear();
      std::size_t k = i;
      while (k > 0) {
        const Mention& previous = mentions[k - 1];
        if (IsMetricMention(previous) && !previous.used) {
          metric = k - 1;
          if (k >= 2 && (mentions[k - 2].Is(Concept::kGrowth) || mentions[k - 2].Is(Concept::kNew))) {
            delta_words.push_back(k - 2);
          }
          break;
        }
        if (is_delta_word(previous)) {
          delta_words.push_back(k - 1);
        } else if (!IsConnective(previous)) {
          break;
        }
        --k;
      }
    }
    if (!metric) {
      return Fail(ErrorCode::kQuestionNotUnderstood, "непонятно, к какой метрике относится сравнение «" +
                                                         std::string(comparison.text) +
                                                         " …»: укажите просмотры, лайки, комментарии или жалобы");
    }
    delta = !delta_words.empty();
    bool per_hour = false;
    for (std::size_t w : delta_words) per_hour = per_hour || mentions[w].Is(Concept::kPerHour);
    comparison.used = true;
    mentions[*metric].used = true;
    for (std::size_t w : delta_words) mentions[w].used = true;
    const Concept meaning = mentions[*metric].meaning;
    analysis.conditions.push_back(
        LinkedCondition{meaning, delta, per_hour, comparison.comparison.op, comparison.comparison.value, i});
    if (comparison.comparison.second_op) {
      analysis.conditions.push_back(LinkedCondition{meaning, delta, per_hour, *comparison.comparison.second_op,
                                                    comparison.comparison.second_value, i});
    }
  }
  return CheckConditionsSatisfiable(analysis);
}

}  // namespace videobot::nl
