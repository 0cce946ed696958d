#pragma once
// One row of properties per Concept: what the rules need to know about a word of the concept —
// whether it is a metric (and its row of the metric catalogue), what is counted when it is the
// question's target, whether a counted thing or a metric is named after it, the aggregate or the
// order it asks for, the metric a superlative ranks by, the series bucket it names, and how the
// screening, the linker and the explanation check treat it. The predicates of the vocabulary are
// look-ups in this table; the table is checked at compile time to hold exactly one row per
// Concept, in the enum's order. A new concept is a new row here.

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <stdexcept>

#include "common/metrics.hpp"
#include "nl/concept.hpp"
#include "plan/plan.hpp"

namespace videobot::nl {

/// What the question asks for when a word of the concept is its target: a number of things, or
/// an aggregate of a metric.
enum class TargetKind : std::uint8_t { kVideo, kCreator, kSnapshot, kDay, kMetric };

/// Whether the counted thing or the metric is named after the word ("сколько видео", "какой
/// креатор", "суммарные просмотры").
enum class HeadKind : std::uint8_t {
  kNone,  ///< not a question head
  kAny,  ///< сколько, количество, какой, топ, больше всего: a thing or a metric follows
  kMetric,  ///< на сколько, суммарный, средний, максимальный, прирост: a metric follows, possibly
            ///< after the videos it belongs to ("на сколько выросли все видео … по просмотрам")
};

/// What a word inside an explanation ("то есть …") says about the plan; it must agree with the
/// plan built from the question.
enum class ExplanationClaim : std::uint8_t {
  kNone,           ///< restates nothing the plan could contradict
  kSnapshots,      ///< growth or measurements: a snapshot plan
  kNegativeDelta,  ///< "стало меньше": a condition delta < 0
  kPositiveDelta,  ///< "стало больше": a condition delta > 0
  kFinalCounters,  ///< "в итоге": a plan over final counters
  kAggregate,      ///< "в среднем", "максимальный": the row's aggregate, or the row's ranking order
  kNeverAgrees,    ///< a missing metric, a change of data, another shape of answer
};

struct ConceptTraits {
  Concept meaning;  ///< the row's own concept: rows are in the enum's order
  /// The catalogue row of one of the four metrics the data has; nullptr for every other concept.
  const metrics::Metric* metric = nullptr;
  /// What is counted when a word of the concept is the target: things, a publication ("сколько
  /// публикаций" counts videos), or a metric; nullopt for words that are never counted.
  std::optional<TargetKind> counts = std::nullopt;
  bool object = false;  ///< a noun of things that can be counted: video, creator, snapshot, day
  HeadKind head = HeadKind::kNone;
  bool question_word = false;  ///< сколько, на сколько, сколько раз: one of them per question
  /// The aggregate the word names: суммарный → sum, средний → avg, максимальный → max …
  std::optional<plan::Aggregate> aggregate = std::nullopt;
  /// The order of a ranking the word asks for: больше всего, максимальный → desc; меньше всего,
  /// минимальный → asc.
  std::optional<plan::Order> order = std::nullopt;
  std::optional<Concept> ranks_by = std::nullopt;     ///< the metric a superlative with one measure ranks by
  bool series = false;                                ///< asks for a series the plans can build
  std::optional<plan::Bucket> bucket = std::nullopt;  ///< the series bucket the word names (none: from the period)
  bool domain = false;                                ///< shows the question is about the video statistics (screening)
  bool harmless = false;                              ///< may stay unused whatever the rules did (screening)
  bool connective = false;  ///< only connects other words (linker: between a period and a verb)
  ExplanationClaim claim = ExplanationClaim::kNone;
};

namespace concept_rows {

using A = plan::Aggregate;
using B = plan::Bucket;
using C = Concept;
using E = ExplanationClaim;
using H = HeadKind;
using O = plan::Order;
using T = TargetKind;

// clang-format off
inline constexpr ConceptTraits kRows[] = {
    {.meaning = C::kFiller, .harmless = true, .connective = true},
    {.meaning = C::kGain, .harmless = true, .connective = true},
    {.meaning = C::kOne, .harmless = true, .connective = true},
    {.meaning = C::kVideo, .counts = T::kVideo, .object = true, .domain = true},
    {.meaning = C::kCreator, .counts = T::kCreator, .object = true, .domain = true},
    {.meaning = C::kSnapshot, .counts = T::kSnapshot, .object = true, .domain = true, .claim = E::kSnapshots},
    {.meaning = C::kDay, .counts = T::kDay, .object = true, .domain = true},
    {.meaning = C::kPublicationNoun, .counts = T::kVideo, .domain = true},
    {.meaning = C::kViews, .metric = &metrics::kViews, .counts = T::kMetric, .domain = true},
    {.meaning = C::kLikes, .metric = &metrics::kLikes, .counts = T::kMetric, .domain = true},
    {.meaning = C::kComments, .metric = &metrics::kComments, .counts = T::kMetric, .domain = true},
    {.meaning = C::kReports, .metric = &metrics::kReports, .counts = T::kMetric, .domain = true},
    {.meaning = C::kUnsupportedMetric, .domain = true, .claim = E::kNeverAgrees},
    {.meaning = C::kTimeAmount},
    {.meaning = C::kHowMany, .head = H::kAny, .question_word = true, .harmless = true},
    {.meaning = C::kHowMuchChange, .head = H::kMetric, .question_word = true, .claim = E::kSnapshots},
    {.meaning = C::kHowManyTimes, .question_word = true},
    {.meaning = C::kAmount, .head = H::kAny, .harmless = true, .connective = true},
    {.meaning = C::kWhich, .head = H::kAny, .harmless = true},
    {.meaning = C::kWhichPlural, .head = H::kAny},
    {.meaning = C::kSum, .head = H::kMetric, .aggregate = A::kSum, .harmless = true},
    {.meaning = C::kAvg, .head = H::kMetric, .aggregate = A::kAvg, .claim = E::kAggregate},
    {.meaning = C::kMax, .head = H::kMetric, .aggregate = A::kMax, .order = O::kDesc, .claim = E::kAggregate},
    {.meaning = C::kMin, .head = H::kMetric, .aggregate = A::kMin, .order = O::kAsc, .claim = E::kAggregate},
    {.meaning = C::kMost, .head = H::kAny, .order = O::kDesc},
    {.meaning = C::kLeast, .head = H::kAny, .order = O::kAsc},
    {.meaning = C::kDistinct},
    {.meaning = C::kTop, .head = H::kAny},
    {.meaning = C::kPublish, .domain = true, .harmless = true},
    {.meaning = C::kGrowth, .head = H::kMetric, .domain = true, .claim = E::kSnapshots},
    {.meaning = C::kNew, .claim = E::kSnapshots},
    {.meaning = C::kNegative, .claim = E::kNegativeDelta},
    {.meaning = C::kPositive, .claim = E::kPositiveDelta},
    {.meaning = C::kPerHour, .claim = E::kSnapshots},
    {.meaning = C::kFinal, .claim = E::kFinalCounters},
    {.meaning = C::kAtLeastOne},
    {.meaning = C::kEach},
    {.meaning = C::kAll, .harmless = true, .connective = true},
    {.meaning = C::kNot},
    {.meaning = C::kOr},
    {.meaning = C::kIdWord, .harmless = true, .connective = true},
    {.meaning = C::kExplain, .harmless = true},
    {.meaning = C::kAsOf},
    {.meaning = C::kUtc},
    {.meaning = C::kMoscow},
    {.meaning = C::kSeries, .claim = E::kNeverAgrees},
    {.meaning = C::kSeriesHour, .series = true, .bucket = B::kHour, .connective = true, .claim = E::kNeverAgrees},
    {.meaning = C::kSeriesDay, .series = true, .bucket = B::kDay, .connective = true, .claim = E::kNeverAgrees},
    {.meaning = C::kSeriesWeek, .series = true, .bucket = B::kWeek, .connective = true, .claim = E::kNeverAgrees},
    {.meaning = C::kSeriesMonth, .series = true, .bucket = B::kMonth, .connective = true, .claim = E::kNeverAgrees},
    {.meaning = C::kSeriesAuto, .series = true, .connective = true, .claim = E::kNeverAgrees},
    {.meaning = C::kCompare},
    {.meaning = C::kSuperlative},
    {.meaning = C::kMostViewed, .ranks_by = C::kViews},
    {.meaning = C::kMostLiked, .ranks_by = C::kLikes},
    {.meaning = C::kMostCommented, .ranks_by = C::kComments},
    {.meaning = C::kModify, .claim = E::kNeverAgrees},
    {.meaning = C::kCode},
    {.meaning = C::kGreeting, .harmless = true},
};
// clang-format on

}  // namespace concept_rows

/// Every concept's row, in the enum's order.
inline constexpr std::span<const ConceptTraits> kConceptTraits{concept_rows::kRows};

/// True when `rows` holds exactly one row per Concept, row i describing the i-th concept.
constexpr bool OneRowPerConcept(std::span<const ConceptTraits> rows) {
  if (rows.size() != kConceptCount) return false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (static_cast<std::size_t>(rows[i].meaning) != i) return false;
  }
  return true;
}

static_assert(OneRowPerConcept(kConceptTraits), "concept_traits.hpp: one row per Concept, in the enum's order");

/// The row of `c`.
constexpr const ConceptTraits& TraitsOf(Concept c) { return kConceptTraits[static_cast<std::size_t>(c)]; }

/// True for the four metrics that exist in the data.
constexpr bool IsMetric(Concept c) { return TraitsOf(c).metric != nullptr; }

/// True for nouns of things that can be counted.
constexpr bool IsObject(Concept c) { return TraitsOf(c).object; }

/// True for the words that ask for a series the plans can build.
constexpr bool IsSeriesWord(Concept c) { return TraitsOf(c).series; }

/// True for средний, максимальный, минимальный: an aggregate over the items (not the sum).
constexpr bool NamesPerItemAggregate(Concept c) {
  const std::optional<plan::Aggregate> aggregate = TraitsOf(c).aggregate;
  return aggregate.has_value() && *aggregate != plan::Aggregate::kSum;
}

/// The catalogue row of one of the four metrics. Any other concept is a defect in the rules,
/// reported as an exception rather than answered with views.
inline const metrics::Metric& MetricRow(Concept metric) {
  const metrics::Metric* row = TraitsOf(metric).metric;
  if (row == nullptr) throw std::logic_error("MetricRow: the concept is not a metric");
  return *row;
}

/// The counter column of one of the four metrics (from its catalogue row).
inline plan::Field CounterField(Concept metric) { return plan::CounterFieldOf(MetricRow(metric)); }

/// The per-snapshot growth column of one of the four metrics (from its catalogue row).
inline plan::Field DeltaField(Concept metric) { return plan::DeltaFieldOf(MetricRow(metric)); }

}  // namespace videobot::nl
