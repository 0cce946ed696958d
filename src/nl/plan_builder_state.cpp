// State at a moment: «сколько просмотров было у видео креатора X на 28 ноября 2025», «сколько
// видео имели больше 1000 просмотров на 28 ноября», «по состоянию на 10:00 28.11.2025», «на
// начало ноября». And the refusal of a day said without «на» or «за» when it could mean either
// the state at the end of the day or the growth during it.
#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "nl/period_resolver.hpp"
#include "nl/plan_builder_internal.hpp"
#include "nl/word_tables.hpp"

namespace videobot::nl {
namespace {

// Verbs of having (kStateVerbs): with them (or with no verb) a day may be a moment.
bool IsStateVerb(std::string_view word) {
  return std::find(std::begin(kStateVerbs), std::end(kStateVerbs), word) != std::end(kStateVerbs);
}

// «28 ноября», «28.11.2025», «2025-11-28»: one day said without a preposition.
bool IsBareDay(const Mention& period) {
  const PeriodExpr& p = period.period;
  if (!p.single || !p.from || p.from->granularity != Granularity::kDay || p.from->seconds || p.as_of) return false;
  return !period.text.empty() && period.text.front() >= '0' && period.text.front() <= '9';
}

}  // namespace

Status PlanBuilder::BuildState() {
  if (frame_.ranking) {
    return NotUnderstood(
        "рейтинг на момент не поддерживается: спросите одно число, например «сколько просмотров было у "
        "всех видео на 28 ноября 2025»");
  }
  if (frame_.growth || frame_.per_hour || frame_.window || frame_.snapshot_noun || frame_.negative || frame_.positive ||
      frame_.delta_condition) {
    return NotUnderstood(
        "на момент известны значения счётчиков, а не прирост: спросите «сколько просмотров было на 28 "
        "ноября 2025» или «на сколько выросли просмотры за 28 ноября 2025»");
  }
  if (frame_.final_counters)
    return NotUnderstood("итоговая статистика или значение на момент: спросите об одном из них");
  // «Сколько видео вышло на 28 ноября»: published that day, or by then?
  if (frame_.publish && frame_.published.empty()) {
    return NotUnderstood(
        "непонятно, о публикации в этот день или до него: спросите «сколько видео опубликовано 28 ноября "
        "2025» или «сколько видео опубликовано до 29 ноября 2025»");
  }
  if (!frame_.unattached.empty()) {
    return NotUnderstood("в вопросе и момент, и период: для значения на момент уберите период, для прироста — момент");
  }
  auto moment = ResolveMoment(mentions_[*frame_.moment].period, context_);
  if (!moment) return Unexpected{moment.error()};
  mentions_[*frame_.moment].used = true;
  plan_.source = Source::kState;
  plan_.as_of = *moment;
  switch (frame_.target.kind) {
    case TargetKind::kMetric: {
      auto other = OtherMetric();
      if (!other) return Unexpected{other.error()};
      if (*other && **other != frame_.target.metric)
        return NotUnderstood("в вопросе несколько метрик; спросите о каждой отдельно");
      if (frame_.distinct) return NotUnderstood("«разных» относится к видео или креаторам, а не к метрике");
      UseMetricMentions(frame_.target.metric);
      auto aggregate = MetricAggregate();
      if (!aggregate) return Unexpected{aggregate.error()};
      plan_.aggregate = *aggregate;
      plan_.field = CounterField(frame_.target.metric);
      break;
    }
    case TargetKind::kVideo:
    case TargetKind::kCreator: {
      if (frame_.aggregate_word) {
        return NotUnderstood("для количества видео или креаторов нельзя посчитать среднее или максимум");
      }
      auto other = OtherMetric();
      if (!other) return Unexpected{other.error()};
      if (*other)
        return NotUnderstood("непонятно, что спрашивается о метрике: укажите, например, «больше 1000 просмотров»");
      const bool videos = frame_.target.kind == TargetKind::kVideo;
      plan_.aggregate = videos ? Aggregate::kCount : Aggregate::kCountDistinct;
      if (!videos) plan_.field = Field::kCreatorId;
      Use(Concept::kSum);
      Use(Concept::kDistinct);
      mentions_[frame_.target.mention].used = true;
      break;
    }
    case TargetKind::kSnapshot:
    case TargetKind::kDay:
      return NotUnderstood("на момент можно посчитать видео, креаторов или просмотры, лайки, комментарии и жалобы");
  }
  return FinishNouns();
}

Status PlanBuilder::CheckStateOrGrowth() const {
  if (frame_.moment || frame_.target.kind != TargetKind::kMetric || frame_.unattached.size() != 1) return Ok{};
  if (frame_.growth || frame_.per_hour || frame_.window || frame_.snapshot_noun || frame_.negative || frame_.positive ||
      frame_.final_counters)
    return Ok{};
  const Mention& day = mentions_[frame_.unattached.front()];
  if (!IsBareDay(day)) return Ok{};
  // A verb of gaining («набрали», «получили») speaks of the growth that day.
  for (std::size_t i = 0; i < mentions_.size(); ++i) {
    if (IsMain(i) && mentions_[i].Is(Concept::kGain) && !IsStateVerb(mentions_[i].text)) return Ok{};
  }
  const std::string text(day.text);
  return Fail(ErrorCode::kQuestionAmbiguous,
              "Непонятно, что нужно: значение на конец дня или прирост за этот день. Для значения спросите «… на " +
                  text + "», для прироста — «… за " + text + "» или «на сколько выросли … " + text + "»");
}

}  // namespace videobot::nl
