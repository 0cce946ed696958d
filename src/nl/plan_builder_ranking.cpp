#include "nl/plan_builder_internal.hpp"

#include <string>

namespace videobot::nl {
namespace {

// What a ranking groups by, by the thing ranked, whether the plan reads snapshots and whether a
// publication word is said. Days need one reading: days of measurement for growth, days of
// publication for final counters; any other day row is refused. Measurements and metrics are
// never ranked (refused before).
constexpr DecisionRow<plan::GroupBy> kRankingGroups[] = {
    {TargetKind::kCreator, When::kAny, When::kAny, plan::GroupBy::kCreator},
    {TargetKind::kVideo, When::kAny, When::kAny, plan::GroupBy::kVideo},
    {TargetKind::kDay, When::kYes, When::kNo, plan::GroupBy::kMeasurementDate},
    {TargetKind::kDay, When::kNo, When::kYes, plan::GroupBy::kPublicationDate},
};

}  // namespace

// "топ-5 креаторов по просмотрам", "какой креатор набрал больше всего просмотров".
Status PlanBuilder::BuildRanking() {
  const std::optional<Concept> measured = frame_.measured_superlative;
  if (measured && frame_.target.kind == TargetKind::kMetric) {
    return Unsupported(
        "«Самое популярное видео» — это вопрос о видео: спросите «какое видео самое популярное» "
        "(ответ — id и число) или «максимальное число просмотров у одного видео»");
  }
  if (frame_.target.kind == TargetKind::kMetric || frame_.target.kind == TargetKind::kSnapshot) {
    return NotUnderstood("непонятно, что ранжировать: креаторов, видео или дни");
  }
  const std::size_t group_noun = frame_.target.mention;
  mentions_[group_noun].used = true;
  const bool ascending = frame_.asks_asc;
  const plan::Order order = ascending ? plan::Order::kAsc : plan::Order::kDesc;
  if (ascending && (frame_.asks_desc || measured)) {
    return NotUnderstood("непонятно: больше всего или меньше всего");
  }
  for (Concept c : {Concept::kTop, Concept::kMost, Concept::kLeast, Concept::kMax, Concept::kMin}) Use(c);
  auto limit = RankingLimit(group_noun);
  if (!limit) return Unexpected{limit.error()};
  plan_.order = order;
  plan_.limit = *limit;

  auto metric = OtherMetric();
  if (!metric) return Unexpected{metric.error()};
  if (measured) {
    // «самое популярное видео по лайкам»: the superlative's measure and another one.
    if (*metric && **metric != *measured) return NotUnderstood("в вопросе две разные меры: спросите о каждой отдельно");
    for (Concept c : {Concept::kMostViewed, Concept::kMostLiked, Concept::kMostCommented}) Use(c);
    *metric = *measured;
  }
  // "в какой день видео набрали больше всего просмотров": days of measurement, so growth.
  const bool days_of_growth = frame_.target.kind == TargetKind::kDay && *metric && !frame_.publish;
  const bool growth = frame_.growth || frame_.per_hour || frame_.window || !frame_.unattached.empty() || days_of_growth;
  if (*metric) {
    if (frame_.negative || frame_.positive) return NotUnderstood("непонятно, что ранжировать: прирост или уменьшение");
    if (growth && frame_.final_counters) return NotUnderstood("итоговая статистика не делится по датам замеров");
    UseMetricMentions(**metric);
    plan_.aggregate = Aggregate::kSum;
    plan_.source = growth ? Source::kSnapshots : Source::kVideos;
    plan_.field = growth ? DeltaField(**metric) : CounterField(**metric);
    if (growth)
      MarkSnapshotWordsUsed();
    else
      Use(Concept::kFinal);
  } else {
    // "больше всего видео": the number of videos per group.
    if (frame_.target.kind == TargetKind::kVideo || growth || !HasUnusedVideoNoun()) {
      return NotUnderstood("непонятно, по какому показателю ранжировать: просмотры, лайки, комментарии или жалобы");
    }
    plan_.aggregate = Aggregate::kCount;
    plan_.source = Source::kVideos;
    Use(Concept::kFinal);
  }
  Use(Concept::kSum);
  const plan::GroupBy* group_by =
      Decide(kRankingGroups, frame_.target.kind, plan_.source == Source::kSnapshots, frame_.publish);
  if (group_by == nullptr) return NotUnderstood("непонятно, какие дни сравнивать: дни публикации или дни замеров");
  plan_.group_by = *group_by;
  return FinishNouns();
}

bool PlanBuilder::HasUnusedVideoNoun() const {
  for (std::size_t i = 0; i < mentions_.size(); ++i) {
    if (IsMain(i) && !mentions_[i].used && CountsVideos(mentions_[i])) {
      return true;
    }
  }
  return false;
}

// N of "топ-5", "какие 3 креатора", "5 креаторов с наибольшим …"; 1 for "какой креатор".
Result<int> PlanBuilder::RankingLimit(std::size_t group_noun) {
  std::optional<std::size_t> number;
  for (std::size_t i = 0; i < mentions_.size(); ++i) {
    const Mention& m = mentions_[i];
    if (!IsMain(i) || m.kind != MentionKind::kNumber || m.used) continue;
    const bool after_top = i > 0 && (mentions_[i - 1].Is(Concept::kTop) || mentions_[i - 1].Is(Concept::kWhichPlural) ||
                                     (mentions_[i - 1].IsPunct('-') && i > 1 && mentions_[i - 2].Is(Concept::kTop)));
    const bool before_noun =
        i + 1 == group_noun ||
        (i + 2 == group_noun && (mentions_[i + 1].Is(Concept::kDistinct) || IsMeasuredSuperlative(mentions_[i + 1])));
    if (after_top || before_noun) {
      if (number) return NotUnderstood("непонятно, сколько позиций показать");
      number = i;
    }
  }
  if (number) {
    Mention& m = mentions_[*number];
    if (m.number < 1 || m.number > 100) return NotUnderstood("можно показать от 1 до 100 позиций");
    m.used = true;
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      if (IsMain(i) && mentions_[i].IsPunct('-')) mentions_[i].used = true;
    }
    Use(Concept::kWhichPlural);
    return static_cast<int>(m.number);
  }
  if (Has(Concept::kWhichPlural) || Has(Concept::kTop)) {
    return NotUnderstood("укажите, сколько позиций показать, например «топ-5 креаторов по просмотрам»");
  }
  return 1;
}

std::optional<std::size_t> PlanBuilder::CountedRankingNoun() const {
  const bool asks_extreme = AsksForOrder(mentions_, plan::Order::kDesc) || AsksForOrder(mentions_, plan::Order::kAsc) ||
                            MeasuredSuperlative(mentions_).has_value();
  if (!asks_extreme) return std::nullopt;
  for (std::size_t i = 0; i + 1 < mentions_.size(); ++i) {
    if (!IsMain(i) || mentions_[i].kind != MentionKind::kNumber || mentions_[i].used) continue;
    std::size_t noun = i + 1;
    if (IsMeasuredSuperlative(mentions_[noun]) && noun + 1 < mentions_.size()) ++noun;
    const Mention& m = mentions_[noun];
    const bool thing = CountsVideos(m) || m.Is(Concept::kCreator);
    if (thing && IsCandidate(noun)) return noun;
  }
  return std::nullopt;
}

}  // namespace videobot::nl
