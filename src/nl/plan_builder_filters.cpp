#include "nl/plan_builder_internal.hpp"

#include <algorithm>
#include <string>

#include "nl/period_resolver.hpp"
#include "nl/screening.hpp"

namespace videobot::nl {

// One moment, one publication period and one other period at most; «по состоянию на» is used by
// the moment it introduces.
Status PlanBuilder::CheckPeriods() {
  if (frame_.moments_conflict) {
    return NotUnderstood("в вопросе несколько моментов; спросите об одном, например «на 28 ноября 2025»");
  }
  if (frame_.moment_word) mentions_[*frame_.moment_word].used = true;
  if (frame_.published.size() > 1 || frame_.unattached.size() > 1) {
    return NotUnderstood("в вопросе несколько периодов; укажите один промежуток, например «с 1 по 5 ноября 2025»");
  }
  return Ok{};
}

Status PlanBuilder::ApplyConditions() {
  const bool snapshots = plan_.source == Source::kSnapshots;
  const bool counts_snapshots = frame_.target.kind == TargetKind::kSnapshot && !plan_.group_by;
  for (const LinkedCondition& c : analysis_.conditions) {
    if (!snapshots && c.delta) {
      return NotUnderstood("условие на прирост подходит только к замерам: спросите, например, о числе замеров");
    }
    if (snapshots && !c.delta && !counts_snapshots) {
      return NotUnderstood("условие на итоговые значения вместе с приростом за период не поддерживается");
    }
    const bool sign_only = c.value == 0 && (c.op == plan::CompareOp::kGreater || c.op == plan::CompareOp::kLess);
    if (snapshots && c.delta && !counts_snapshots && !c.per_hour && !sign_only) {
      return NotUnderstood("непонятно, прирост за какой срок сравнивать: за час (один замер) или за весь период");
    }
    plan_.filters.conditions.push_back(
        plan::Condition{c.delta ? DeltaField(c.metric) : CounterField(c.metric), c.op, c.value});
  }
  if (sign_condition_) plan_.filters.conditions.push_back(*sign_condition_);
  if (plan_.filters.conditions.size() > 8) return NotUnderstood("слишком много условий");
  const bool per_group = frame_.target.kind == TargetKind::kCreator || frame_.target.kind == TargetKind::kDay;
  if (per_group && !analysis_.conditions.empty() && !plan_.group_by) {
    // "креаторы, у которых есть видео с …": the condition is about one video, so a video
    // must be named after the creators; "у которых все видео …" is not expressible.
    bool video_after = false;
    bool all_after = false;
    for (std::size_t i = frame_.target.mention + 1; i < mentions_.size(); ++i) {
      if (!IsMain(i)) continue;
      if (CountsVideos(mentions_[i])) video_after = true;
      if (mentions_[i].Is(Concept::kAll) || mentions_[i].Is(Concept::kEach)) all_after = true;
    }
    if (!video_after || all_after) {
      return NotUnderstood(
          "условие должно относиться к видео, например «креаторы, у которых есть хотя бы одно видео с больше 1000 просмотров»");
    }
  }
  if (plan_.group_by && !analysis_.conditions.empty() && plan_.source == Source::kSnapshots) {
    return NotUnderstood("условия в рейтинге по приросту не поддерживаются");
  }
  return Ok{};
}

Result<plan::Period> PlanBuilder::Resolve(std::size_t mention) {
  mentions_[mention].used = true;
  return ResolvePeriod(mentions_[mention].period, context_, mentions_[mention].text);
}

Status PlanBuilder::ApplyPeriods() {
  if (!frame_.published.empty()) {
    auto period = Resolve(frame_.published.front());
    if (!period) return Unexpected{period.error()};
    plan_.filters.published = *period;
  }
  if (frame_.new_videos && frame_.published.empty() && frame_.unattached.empty()) {
    return NotUnderstood("уточните, за какой период считать видео новыми, например «за ноябрь 2025»");
  }
  if (!frame_.unattached.empty()) {
    auto period = Resolve(frame_.unattached.front());
    if (!period) return Unexpected{period.error()};
    if (plan_.source == Source::kSnapshots) {
      plan_.filters.measured = *period;
    } else if (frame_.target.kind == TargetKind::kVideo && analysis_.conditions.empty() && !plan_.filters.published) {
      plan_.filters.published = *period;  // "сколько видео за май": videos of May
    } else {
      return NotUnderstood(
          "непонятно, к чему относится период: к дате публикации (скажите «опубликованных») или к замерам");
    }
  }
  if (frame_.window) {
    if (frame_.window_conflict) return NotUnderstood("в вопросе несколько окон после публикации");
    if (plan_.source != Source::kSnapshots) return NotUnderstood("окно после публикации применимо только к приросту");
    plan_.filters.hours_after_publication = *frame_.window;
    UsePublicationWindows();
  }
  return Ok{};
}

void PlanBuilder::ApplyIds() {
  plan_.filters.creator_ids = analysis_.creator_ids;
  plan_.filters.video_ids = analysis_.video_ids;
}

// Whether what an explanatory word says agrees with the plan built from the question.
bool PlanBuilder::AgreesWithPlan(const Mention& m) const {
  if (m.kind != MentionKind::kWord) return true;
  const bool snapshots = plan_.source == Source::kSnapshots;
  const auto has_sign = [this](plan::CompareOp op) {
    return std::any_of(plan_.filters.conditions.begin(), plan_.filters.conditions.end(),
                       [op](const plan::Condition& c) { return plan::IsDeltaField(c.field) && c.op == op; });
  };
  const ConceptTraits& word = TraitsOf(m.meaning);
  switch (word.claim) {
    case ExplanationClaim::kSnapshots: return snapshots;
    case ExplanationClaim::kNegativeDelta: return has_sign(plan::CompareOp::kLess);
    case ExplanationClaim::kPositiveDelta: return has_sign(plan::CompareOp::kGreater);
    case ExplanationClaim::kFinalCounters: return !snapshots;
    // «максимальный» agrees with a maximum or with a ranking from the top.
    case ExplanationClaim::kAggregate:
      return plan_.aggregate == word.aggregate || (word.order.has_value() && plan_.order == word.order);
    // "… ? Покажи по дням" asks for another shape of answer; a missing metric or a change of
    // data never agrees.
    case ExplanationClaim::kNeverAgrees: return false;
    case ExplanationClaim::kNone: break;
  }
  return true;  // every other word restates nothing the plan could contradict
}

// An explanation ("то есть …", text after the question mark) may restate the question but
// not change it: its metrics and its words about growth, sign and aggregate must agree.
Status PlanBuilder::CheckExplanations() {
  for (const Mention& m : mentions_) {
    if (m.explanatory && !AgreesWithPlan(m)) {
      return NotUnderstood("пояснение не совпадает с вопросом: «" + std::string(m.text) + "»");
    }
  }
  std::vector<Concept> known;
  for (const LinkedCondition& c : analysis_.conditions) known.push_back(c.metric);
  for (const Mention& m : mentions_) {
    if (!m.explanatory && IsMetricMention(m)) known.push_back(m.meaning);
  }
  for (const Mention& m : mentions_) {
    if (!m.explanatory || !IsMetricMention(m)) continue;
    if (std::find(known.begin(), known.end(), m.meaning) == known.end()) {
      return NotUnderstood("пояснение говорит о другой метрике: «" + std::string(m.text) + "»");
    }
  }
  return Ok{};
}

}  // namespace videobot::nl
