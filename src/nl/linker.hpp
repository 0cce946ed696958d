#pragma once
// Linking passes over the mentions: ids to the nouns they name, "хотя бы одно видео", times of
// day to their day, comparisons to their metric. Each pass marks what it consumes.

#include "common/result.hpp"
#include "nl/analysis.hpp"

namespace videobot::nl {

/// "креатора с id X", "видео X": collects the ids and binds the nouns. Fails when an id
/// contradicts its noun (a video id after "креатор").
Status LinkIds(Analysis& analysis);

/// "хотя бы одно видео": binds the noun.
void LinkExistentials(Analysis& analysis);

/// "хотя бы одну жалобу" → ">= 1 жалоб", "без жалоб" → "= 0 жалоб": comparisons written as
/// words, turned into comparison mentions for LinkConditions.
void LinkImplicitComparisons(Analysis& analysis);

/// "с 10:00 до 15:00" + "28 ноября" elsewhere in the question: one period. Fails when times
/// of day have no single day to belong to.
Status LinkTimesToDays(Analysis& analysis);

/// "больше 1000 просмотров", "лайков не меньше 10": links each comparison to its metric.
/// Fails when a comparison has no metric.
Status LinkConditions(Analysis& analysis);

}  // namespace videobot::nl
