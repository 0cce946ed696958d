#include "nl/plan_builder.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "nl/linker.hpp"
#include "nl/plan_builder_internal.hpp"
#include "nl/screening.hpp"
#include "plan/validator.hpp"

namespace videobot::nl {

// The question families, in the order they are tried: the first one asked builds the plan.
const PlanBuilder::Family PlanBuilder::kFamilies[] = {
    {&PlanBuilder::AsksForState, &PlanBuilder::BuildState, false},             // «… на 28 ноября»
    {&PlanBuilder::AsksForRanking, &PlanBuilder::BuildRanking, false},         // «топ-5 креаторов»
    {&PlanBuilder::AsksForMetricTotal, &PlanBuilder::BuildMetricTotal, true},  // «сколько просмотров …»
    {&PlanBuilder::AsksForCount, &PlanBuilder::BuildCountTotal, true},         // «сколько видео …»
};

Status PlanBuilder::ReadQuestion() {
  if (auto s = Screen(analysis_, context_); !s) return s;
  if (auto s = CheckSingleQuestion(); !s) return s;
  if (auto s = LinkIds(analysis_); !s) return s;
  LinkExistentials(analysis_);
  LinkImplicitComparisons(analysis_);
  if (auto s = LinkTimesToDays(analysis_); !s) return s;
  if (auto s = LinkConditions(analysis_); !s) return s;
  const bool new_videos = LinkNewVideos();
  auto target = FindTarget();
  if (!target) return Unexpected{target.error()};
  ReadHourlyAdjectives();
  frame_ = ExtractFrame(analysis_, *target, new_videos);
  return Ok{};
}

Result<plan::Plan> PlanBuilder::Build() {
  if (auto s = ReadQuestion(); !s) return Unexpected{s.error()};
  if (auto s = CheckPeriods(); !s) return Unexpected{s.error()};
  if (auto s = CheckStateOrGrowth(); !s) return Unexpected{s.error()};
  const Family& family = FamilyAsked();
  if (frame_.series && !family.series) {
    return Unsupported(
        "Ряд по времени строится для прироста, числа видео или замеров за период, а не для "
        "состояния на момент или рейтинга");
  }
  const Status built = (this->*family.build)();
  if (!built) return Unexpected{built.error()};
  if (auto s = ApplyConditions(); !s) return Unexpected{s.error()};
  if (auto s = ApplyPeriods(); !s) return Unexpected{s.error()};
  ApplyIds();
  if (auto s = ApplySeries(); !s) return Unexpected{s.error()};
  if (auto s = CheckExplanations(); !s) return Unexpected{s.error()};
  if (auto s = CheckAllUsed(analysis_); !s) return Unexpected{s.error()};
  if (auto s = plan::CheckSemantics(plan_); !s) return NotUnderstood("вопрос не удалось однозначно разобрать");
  return plan_;
}

const PlanBuilder::Family& PlanBuilder::FamilyAsked() const {
  for (const Family& family : kFamilies) {
    if ((this->*family.asked)()) return family;
  }
  throw std::logic_error("FamilyAsked: the last family is asked by every question");
}

bool PlanBuilder::Has(Concept meaning) const {
  for (std::size_t i = 0; i < mentions_.size(); ++i) {
    if (IsMain(i) && mentions_[i].Is(meaning)) return true;
  }
  return false;
}

bool PlanBuilder::HasPerItemAggregate() const {
  for (std::size_t i = 0; i < mentions_.size(); ++i) {
    if (IsMain(i) && mentions_[i].kind == MentionKind::kWord && NamesPerItemAggregate(mentions_[i].meaning))
      return true;
  }
  return false;
}

void PlanBuilder::Use(Concept meaning) {
  for (std::size_t i = 0; i < mentions_.size(); ++i) {
    if (IsMain(i) && mentions_[i].Is(meaning)) mentions_[i].used = true;
  }
}

// A noun the question may be counting: not bound to an id, not consumed by a condition.
bool PlanBuilder::IsCandidate(std::size_t i) const {
  const Mention& mention = mentions_[i];
  return IsMain(i) && !mention.used && !analysis_.bound_noun[i] &&
         (IsObjectMention(mention) || IsMetricMention(mention));
}

// "новых видео": videos published in the period, not new views.
bool PlanBuilder::LinkNewVideos() {
  bool linked = false;
  for (std::size_t i = 0; i + 1 < mentions_.size(); ++i) {
    if (!IsMain(i) || !mentions_[i].Is(Concept::kNew) || mentions_[i].used) continue;
    const Mention& next = mentions_[i + 1];
    if (CountsVideos(next)) {
      mentions_[i].used = true;
      linked = true;
    }
  }
  return linked;
}

// "Сколько видео …, и сколько из них …": two questions in one.
Status PlanBuilder::CheckSingleQuestion() const {
  int heads = 0;
  for (std::size_t i = 0; i < mentions_.size(); ++i) {
    const Mention& m = mentions_[i];
    if (IsMain(i) && m.kind == MentionKind::kWord && TraitsOf(m.meaning).question_word) ++heads;
  }
  if (heads > 1) return NotUnderstood("в сообщении несколько вопросов: задайте их по одному");
  return Ok{};
}

Result<Target> PlanBuilder::FindTarget() {
  if (const auto counted = CountedRankingNoun()) {
    return Target{KindOf(mentions_[*counted].meaning), *counted, mentions_[*counted].meaning, true};
  }
  // "Сколько раз просмотры уменьшались": events are measurements with a change.
  for (std::size_t i = 0; i < mentions_.size(); ++i) {
    if (IsMain(i) && mentions_[i].Is(Concept::kHowManyTimes)) return Target{TargetKind::kSnapshot, i, Concept::kViews};
  }
  std::optional<std::size_t> head;
  for (std::size_t i = 0; i < mentions_.size() && !head; ++i) {
    if (IsMain(i) && IsHead(mentions_[i])) head = i;
  }
  // After "на сколько", "суммарный", "средний" … a metric is named, possibly after the
  // videos it belongs to: "на сколько выросли все видео … по просмотрам".
  const bool metric_head = head && TraitsOf(mentions_[*head].meaning).head == HeadKind::kMetric;
  std::optional<std::size_t> chosen;
  if (metric_head) {
    for (std::size_t i = *head + 1; i < mentions_.size() && !chosen; ++i) {
      if (IsCandidate(i) && IsMetricMention(mentions_[i])) chosen = i;
    }
  }
  for (std::size_t i = 0; i < mentions_.size() && !chosen; ++i) {
    if (IsCandidate(i) && (!head || i > *head)) chosen = i;
  }
  for (std::size_t i = 0; i < mentions_.size() && head && i < *head; ++i) {
    if (IsCandidate(i) && !chosen) chosen = i;  // "Просмотров сколько у видео X?"
  }
  if (!chosen) {
    return NotUnderstood(
        "непонятно, что нужно посчитать: видео, креаторов, замеры или просмотры, лайки, комментарии, жалобы");
  }
  const Mention& noun = mentions_[*chosen];
  Target target{KindOf(noun.meaning), *chosen, noun.meaning};
  return target;
}

Result<std::optional<Concept>> PlanBuilder::OtherMetric() const {
  if (frame_.metrics_conflict) return NotUnderstood("в вопросе несколько метрик; спросите о каждой отдельно");
  return frame_.other_metric;
}

void PlanBuilder::UseMetricMentions(Concept metric) {
  for (std::size_t i = 0; i < mentions_.size(); ++i) {
    if (IsMain(i) && mentions_[i].Is(metric) && !mentions_[i].used) mentions_[i].used = true;
  }
}

Result<Frame> ReadFrame(Analysis& analysis, const plan::TimeContext& context) {
  analysis.bound_noun.assign(analysis.mentions.size(), false);
  PlanBuilder builder(analysis, context);
  if (auto s = builder.ReadQuestion(); !s) return Unexpected{s.error()};
  return builder.frame();
}

Result<plan::Plan> BuildPlan(Analysis& analysis, const plan::TimeContext& context) {
  analysis.bound_noun.assign(analysis.mentions.size(), false);
  // A zone named in the question («по Москве») reads its dates in that zone, and the plan keeps it.
  auto zone = NamedTimeZone(analysis);
  if (!zone) return Unexpected{zone.error()};
  const plan::TimeContext local{context.now, zone->value_or(context.offset)};
  auto plan = PlanBuilder(analysis, local).Build();
  if (plan && *zone) plan->time_zone = **zone;
  return plan;
}

}  // namespace videobot::nl
