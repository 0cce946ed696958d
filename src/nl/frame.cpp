#include "nl/frame.hpp"

namespace videobot::nl {
namespace {

bool IsMain(const Mention& mention) { return !mention.explanatory; }

// A word of `meaning` outside an explanation.
bool Says(const Mentions& mentions, Concept meaning) {
  for (const Mention& mention : mentions) {
    if (IsMain(mention) && mention.Is(meaning)) return true;
  }
  return false;
}

// A word of `meaning` outside an explanation that no linking step has used.
bool SaysUnused(const Mentions& mentions, Concept meaning) {
  for (const Mention& mention : mentions) {
    if (IsMain(mention) && mention.Is(meaning) && !mention.used) return true;
  }
  return false;
}

// The free metric besides the target (at most one kind): a condition's, a sign's or a ranking's.
void ReadOtherMetric(const Mentions& mentions, std::size_t target, Frame& frame) {
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const Mention& mention = mentions[i];
    if (i == target || !IsMain(mention) || mention.used || !IsMetricMention(mention)) continue;
    if (frame.other_metric && *frame.other_metric != mention.meaning) frame.metrics_conflict = true;
    if (!frame.other_metric) frame.other_metric = mention.meaning;
  }
}

// «средний», «максимальный», «минимальный»: the first one in Concept order, and whether another follows.
void ReadAggregateWords(const Mentions& mentions, Frame& frame) {
  for (const ConceptTraits& word : kConceptTraits) {
    if (!NamesPerItemAggregate(word.meaning) || !Says(mentions, word.meaning)) continue;
    if (frame.aggregate_word) frame.aggregates_conflict = true;
    if (!frame.aggregate_word) frame.aggregate_word = word.meaning;
  }
}

// Growth, sign, per measurement, final counters, measurements named.
void ReadChange(const Analysis& analysis, Frame& frame) {
  const Mentions& mentions = analysis.mentions;
  frame.new_word = SaysUnused(mentions, Concept::kNew);
  frame.how_much_change = Says(mentions, Concept::kHowMuchChange);
  frame.growth = SaysUnused(mentions, Concept::kGrowth) || frame.new_word || frame.how_much_change;
  frame.negative = SaysUnused(mentions, Concept::kNegative);
  frame.positive = SaysUnused(mentions, Concept::kPositive);
  frame.per_hour = SaysUnused(mentions, Concept::kPerHour);
  frame.final_counters = Says(mentions, Concept::kFinal);
  frame.snapshot_noun = Says(mentions, Concept::kSnapshot);
  frame.distinct = Says(mentions, Concept::kDistinct);
  for (const LinkedCondition& condition : analysis.conditions) frame.delta_condition |= condition.delta;
}

// A publication verb about videos at `i`: "видео, опубликованные", not "новых лайков появилось".
bool IsPublicationWord(const Mentions& mentions, std::size_t i) {
  if (!mentions[i].Is(Concept::kPublish)) return false;
  auto about_metric = [](const Mention& m) { return IsMetricMention(m) || m.Is(Concept::kNew); };
  for (std::size_t k = i; k > 0; --k) {
    const Mention& m = mentions[k - 1];
    if (about_metric(m)) return false;
    if (!IsConnective(m)) break;
  }
  for (std::size_t k = i + 1; k < mentions.size(); ++k) {
    const Mention& m = mentions[k];
    if (about_metric(m)) return false;
    if (!IsConnective(m)) break;
  }
  return true;
}

// Publication words, «новых видео», and the window after publication.
void ReadPublication(const Analysis& analysis, bool new_videos, Frame& frame) {
  const Mentions& mentions = analysis.mentions;
  frame.new_videos = new_videos;
  frame.publish = new_videos;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const Mention& mention = mentions[i];
    if (!IsMain(mention)) continue;
    frame.publish = frame.publish || IsPublicationWord(mentions, i);
    // "дат публикации", "сколько публикаций": the noun itself speaks of publication.
    frame.publish = frame.publish || (mention.Is(Concept::kPublicationNoun) && !analysis.bound_noun[i]);
    if (mention.kind == MentionKind::kPublicationWindow) {
      if (frame.window) frame.window_conflict = true;
      frame.window = static_cast<int>(mention.number);
    }
  }
}

// "опубликованные в июне", "в июне вышло": a publication word next to the period, with only
// connecting words, ids and nouns of the things published between them.
bool NextToPublication(const Analysis& analysis, const Frame& frame, std::size_t period) {
  const Mentions& mentions = analysis.mentions;
  auto transparent = [&mentions](std::size_t i) {
    const Mention& m = mentions[i];
    if (IsConnective(m)) return true;
    if (m.kind == MentionKind::kCreatorId || m.kind == MentionKind::kVideoId) return true;
    if (m.Is(Concept::kVideo) || m.Is(Concept::kCreator) || m.Is(Concept::kDistinct) || m.Is(Concept::kAtLeastOne) ||
        m.Is(Concept::kMost) || m.Is(Concept::kLeast)) {
      return true;
    }
    // A condition in between: "опубликовали видео с более чем 100 лайками в сентябре".
    return m.used && (m.kind == MentionKind::kComparison || IsMetricMention(m));
  };
  auto is_publication = [&](std::size_t i) {
    const Mention& m = mentions[i];
    return IsPublicationWord(mentions, i) || (m.Is(Concept::kPublicationNoun) && !m.used && !analysis.bound_noun[i]) ||
           (m.Is(Concept::kNew) && frame.new_videos);
  };
  constexpr std::size_t kReach = 8;
  for (std::size_t k = 1; k <= kReach && k <= period; ++k) {
    const std::size_t i = period - k;
    if (!IsMain(mentions[i])) break;
    if (is_publication(i)) return true;
    if (!transparent(i)) break;
  }
  for (std::size_t k = 1; k <= kReach && period + k < mentions.size(); ++k) {
    const std::size_t i = period + k;
    if (!IsMain(mentions[i])) break;
    if (is_publication(i)) return true;
    if (!transparent(i)) break;
  }
  return false;
}

// «по состоянию на 28 ноября», «на момент 10:00 28 ноября» (the moment word, over commas
// before the period), or a period the recogniser read as a moment («на 28 ноября»).
struct MomentReading {
  bool moment = false;
  std::optional<std::size_t> word;
};

MomentReading ReadMoment(const Mentions& mentions, std::size_t period) {
  for (std::size_t k = period; k > 0 && IsMain(mentions[k - 1]); --k) {
    const Mention& before = mentions[k - 1];
    if (before.Is(Concept::kAsOf)) return MomentReading{true, k - 1};
    if (!before.IsPunct(',')) break;
  }
  return MomentReading{mentions[period].period.as_of, std::nullopt};
}

// Each period's role: a moment, a publication filter, or unattached.
void ReadPeriods(const Analysis& analysis, Frame& frame) {
  const Mentions& mentions = analysis.mentions;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const Mention& mention = mentions[i];
    if (!IsMain(mention) || mention.kind != MentionKind::kPeriod || mention.used) continue;
    if (const MomentReading reading = ReadMoment(mentions, i); reading.moment) {
      if (frame.moment) {
        frame.moments_conflict = true;
      } else {
        frame.moment = i;
        frame.moment_word = reading.word;
      }
      continue;
    }
    (NextToPublication(analysis, frame, i) ? frame.published : frame.unattached).push_back(i);
  }
}

// "топ-5 креаторов", "больше всего", "самое популярное", "какой креатор … максимальный".
void ReadRanking(const Mentions& mentions, Frame& frame) {
  frame.asks_desc = AsksForOrder(mentions, plan::Order::kDesc);
  frame.asks_asc = AsksForOrder(mentions, plan::Order::kAsc);
  frame.measured_superlative = MeasuredSuperlative(mentions);
  const bool extreme = Says(mentions, Concept::kMax) || Says(mentions, Concept::kMin);
  const bool which = Says(mentions, Concept::kWhich) || Says(mentions, Concept::kWhichPlural);
  frame.ranking = Says(mentions, Concept::kTop) || Says(mentions, Concept::kMost) || Says(mentions, Concept::kLeast) ||
                  frame.measured_superlative || (frame.target.after_count && extreme) ||
                  (which && extreme && frame.target.kind != TargetKind::kMetric);
}

// «по дням», «динамика» …: a series, and the bucket named.
void ReadSeries(const Mentions& mentions, Frame& frame) {
  for (const Mention& mention : mentions) {
    if (!IsMain(mention) || mention.kind != MentionKind::kWord) continue;
    frame.series = frame.series || IsSeriesWord(mention.meaning);
    const std::optional<plan::Bucket> bucket = TraitsOf(mention.meaning).bucket;
    if (!bucket) continue;
    if (frame.bucket && *frame.bucket != *bucket) frame.buckets_conflict = true;
    if (!frame.bucket) frame.bucket = bucket;
  }
}

}  // namespace

bool AsksForOrder(const Mentions& mentions, plan::Order order) {
  for (const Mention& mention : mentions) {
    if (IsMain(mention) && mention.kind == MentionKind::kWord && TraitsOf(mention.meaning).order == order) return true;
  }
  return false;
}

std::optional<Concept> MeasuredSuperlative(const Mentions& mentions) {
  for (const Mention& mention : mentions) {
    if (!IsMain(mention) || mention.kind != MentionKind::kWord) continue;
    if (const std::optional<Concept> metric = TraitsOf(mention.meaning).ranks_by) return metric;
  }
  return std::nullopt;
}

Frame ExtractFrame(const Analysis& analysis, const Target& target, bool new_videos) {
  const Mentions& mentions = analysis.mentions;
  Frame frame;
  frame.target = target;
  ReadOtherMetric(mentions, target.mention, frame);
  ReadAggregateWords(mentions, frame);
  ReadChange(analysis, frame);
  ReadPublication(analysis, new_videos, frame);
  ReadPeriods(analysis, frame);
  ReadRanking(mentions, frame);
  ReadSeries(mentions, frame);
  return frame;
}

}  // namespace videobot::nl
