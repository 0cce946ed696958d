#pragma once
// The plan builder's rules as one class, split by concern over plan_builder*.cpp: the flow and
// the question's target (plan_builder.cpp), one-number plans (plan_builder_single.cpp), rankings
// (plan_builder_ranking.cpp), periods, conditions and explanations (plan_builder_filters.cpp).
// Internal to nl/.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "nl/analysis.hpp"
#include "nl/concept_traits.hpp"
#include "nl/frame.hpp"
#include "plan/plan.hpp"
#include "plan/resolve.hpp"

namespace videobot::nl {

using plan::Aggregate;
using plan::Field;
using plan::Source;

inline Unexpected NotUnderstood(std::string message) {
  return Fail(ErrorCode::kQuestionNotUnderstood, std::move(message));
}
/// Understood, but the answer would not be one number (a series, a comparison, a superlative): a
/// final refusal, never passed on to the model.
inline Unexpected Unsupported(std::string message) { return Fail(ErrorCode::kQuestionUnsupported, std::move(message)); }

/// What is counted when a noun of `meaning` is the target; only nouns the question may count
/// (things, publications, metrics) are asked about, any other concept is a defect in the rules.
inline TargetKind KindOf(Concept meaning) {
  const std::optional<TargetKind> counts = TraitsOf(meaning).counts;
  if (!counts) throw std::logic_error("KindOf: the concept is never counted");
  return *counts;
}

// Words after which the counted thing or the metric is named: "сколько", "суммарный", "какой" …
inline bool IsHead(const Mention& mention) {
  return mention.kind == MentionKind::kWord && TraitsOf(mention.meaning).head != HeadKind::kNone;
}

/// A condition of a decision row on one property of the frame: said, not said, or either.
enum class When : std::uint8_t { kAny, kYes, kNo };

constexpr bool Matches(When when, bool value) { return when == When::kAny || (when == When::kYes) == value; }

/// One row of a family's decision table: the target, whether the plan reads snapshots and whether
/// a publication word is said decide the outcome.
template <typename Outcome>
struct DecisionRow {
  TargetKind target;
  When snapshots;
  When publish;
  Outcome outcome;
};

/// The outcome of the first row of `rows` that matches; nullptr when none does.
template <typename Outcome, std::size_t N>
constexpr const Outcome* Decide(const DecisionRow<Outcome> (&rows)[N], TargetKind target, bool snapshots,
                                bool publish) {
  for (const DecisionRow<Outcome>& row : rows) {
    if (row.target == target && Matches(row.snapshots, snapshots) && Matches(row.publish, publish)) {
      return &row.outcome;
    }
  }
  return nullptr;
}

/// Applies the rules to one analysed question; each method marks the mentions it uses.
class PlanBuilder {
 public:
  PlanBuilder(Analysis& analysis, const plan::TimeContext& context)
      : analysis_(analysis), mentions_(analysis.mentions), context_(context) {}

  /// The plan, or an Error with a Russian reason.
  Result<plan::Plan> Build();
  /// Screens and links the question, finds its target and reads its frame (frame()).
  Status ReadQuestion();
  const Frame& frame() const { return frame_; }

 private:
  /// A family of questions: how to tell it, how to build its plan, whether a series of it can be
  /// asked for. kFamilies (plan_builder.cpp) lists them in the order they are tried.
  struct Family {
    bool (PlanBuilder::*asked)() const;
    Status (PlanBuilder::*build)();
    bool series = false;  ///< «по дням», «динамика» … may turn its plan into a series
  };
  static const Family kFamilies[];

  bool IsMain(std::size_t i) const { return !mentions_[i].explanatory; }
  // The first family of kFamilies the question asks for.
  const Family& FamilyAsked() const;

  // Queries, the frame and the target (plan_builder.cpp).
  bool Has(Concept meaning) const;
  // «средний», «максимальный», «минимальный» said in the question (concept_traits.hpp).
  bool HasPerItemAggregate() const;
  void Use(Concept meaning);
  // A noun the question may be counting: not bound to an id, not consumed by a condition.
  bool IsCandidate(std::size_t i) const;
  // "новых видео": videos published in the period, not new views.
  bool LinkNewVideos();
  // "Сколько видео …, и сколько из них …": two questions in one.
  Status CheckSingleQuestion() const;
  Result<Target> FindTarget();
  // The free metric besides the target (at most one kind), if any (from the frame).
  Result<std::optional<Concept>> OtherMetric() const;
  void UseMetricMentions(Concept metric);

  // One-number plans: a metric or a count (plan_builder_single.cpp).
  Result<Aggregate> MetricAggregate();
  // The metric, its aggregate and the table for "сколько просмотров …", "суммарный прирост …".
  Status BuildMetric(Concept metric);
  void MarkSnapshotWordsUsed();
  void UsePublicationWindows();
  // A second metric named with "новые" / "уменьшились": a sign condition on its delta.
  Status ApplyModifiedMetric(Concept metric);
  bool SnapshotMode() const;
  // "сколько видео / креаторов / замеров / дней".
  Status BuildCount();
  // «сколько просмотров …», «суммарный прирост …»: one aggregate of the target metric.
  bool AsksForMetricTotal() const { return frame_.target.kind == TargetKind::kMetric; }
  Status BuildMetricTotal();
  // «сколько видео / креаторов / замеров / дней»: every other question is a count.
  bool AsksForCount() const { return true; }
  Status BuildCountTotal();
  // What both one-number families check last: words about each item, «какой …», leftover nouns.
  Status FinishOneNumber();
  // "у одного видео", "по видео": words about each item that a total would drop.
  Status CheckItemWording() const;
  // "Какой креатор …", "Кто …" about a thing (not "какое количество"): asks which, not how many.
  Status CheckWhichAsksForANumber() const;
  // Nouns left after the target: videos are harmless ("все видео"), a publication noun marks
  // publication, snapshots are fine in a snapshot plan; creators and days must have a role.
  Status FinishNouns();

  // Rankings (plan_builder_ranking.cpp).
  bool AsksForRanking() const { return frame_.ranking; }
  // "топ-5 креаторов по просмотрам", "какой креатор набрал больше всего просмотров".
  Status BuildRanking();
  bool HasUnusedVideoNoun() const;
  // N of "топ-5", "какие 3 креатора", "5 креаторов с наибольшим …"; 1 for "какой креатор".
  Result<int> RankingLimit(std::size_t group_noun);
  // «5 видео с наибольшим …», «три самых просматриваемых видео»: a count right before the noun
  // of the things ranked (optionally with a measured superlative between) in a question that
  // asks for the most or the least; the noun's index.
  std::optional<std::size_t> CountedRankingNoun() const;

  // State at a moment (plan_builder_state.cpp).
  // "сколько просмотров было на 28 ноября", "сколько видео имели больше 1000 просмотров на …".
  Status BuildState();
  // A period said as a moment was found: a state plan.
  bool AsksForState() const { return frame_.moment.has_value(); }
  // "Сколько просмотров было у всех видео 28 ноября": a day without "на"/"за" read as either the
  // state at the end of the day or the growth during it is refused as ambiguous.
  Status CheckStateOrGrowth() const;

  // Series over time (plan_builder_series.cpp).
  // «средний/максимальный почасовой прирост»: the hour adjective means per measurement (kPerHour),
  // not a series, next to an average, a maximum or a minimum.
  void ReadHourlyAdjectives();
  // Turns the one-number plan into a series of it over its period (measurement time for a
  // snapshot plan, publication time otherwise); the bucket is the named one or follows the
  // period's length (up to 2 days: hours, up to 92 days: days, longer: months).
  Status ApplySeries();

  // Periods, conditions, ids and explanations (plan_builder_filters.cpp).
  // One moment and one period of each role at most; marks «по состоянию на» used by its moment.
  Status CheckPeriods();
  Status ApplyConditions();
  Result<plan::Period> Resolve(std::size_t mention);
  Status ApplyPeriods();
  void ApplyIds();
  // Whether what an explanatory word says agrees with the plan built from the question.
  bool AgreesWithPlan(const Mention& m) const;
  // An explanation ("то есть …", text after the question mark) may restate the question but
  // not change it: its metrics and its words about growth, sign and aggregate must agree.
  Status CheckExplanations();

  Analysis& analysis_;
  Mentions& mentions_;
  const plan::TimeContext& context_;
  plan::Plan plan_;
  std::optional<plan::Condition> sign_condition_;
  Frame frame_;  ///< read by ExtractFrame once the question is linked and its target found
};

/// «самое популярное», «наиболее обсуждаемые»: a superlative that names its measure.
inline bool IsMeasuredSuperlative(const Mention& mention) {
  return mention.kind == MentionKind::kWord && TraitsOf(mention.meaning).ranks_by.has_value();
}

}  // namespace videobot::nl
