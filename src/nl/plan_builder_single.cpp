#include "nl/plan_builder_internal.hpp"

#include <algorithm>
#include <string>

#include "nl/token_match.hpp"
#include "nl/word_tables.hpp"

namespace videobot::nl {
namespace {

constexpr std::string_view kPerHourSeriesMessage =
    "Прирост за час за целый период — это ряд чисел: чтобы его увидеть, спросите о приросте «по часам», а для "
    "одного числа — о суммарном приросте за период или о среднем/максимальном приросте за час";

// What «сколько …» counts and in which column, by the thing counted, whether the plan reads
// snapshots and whether a publication word is said. Days need one reading: days of publication
// over videos or days of measurement over snapshots; any other day row is refused. A metric is
// never counted here (the metric total family takes it).
struct Counted {
  Aggregate aggregate;
  std::optional<Field> field;
};

constexpr DecisionRow<Counted> kCountRows[] = {
    {TargetKind::kVideo, When::kNo, When::kAny, {Aggregate::kCount, std::nullopt}},
    {TargetKind::kVideo, When::kYes, When::kAny, {Aggregate::kCountDistinct, Field::kVideoId}},
    {TargetKind::kCreator, When::kAny, When::kAny, {Aggregate::kCountDistinct, Field::kCreatorId}},
    {TargetKind::kSnapshot, When::kAny, When::kAny, {Aggregate::kCount, std::nullopt}},
    {TargetKind::kDay, When::kNo, When::kYes, {Aggregate::kCountDistinct, Field::kPublicationDate}},
    {TargetKind::kDay, When::kYes, When::kNo, {Aggregate::kCountDistinct, Field::kMeasurementDate}},
};

static_assert(Decide(kCountRows, TargetKind::kDay, true, true) == nullptr, "days of both kinds are refused");
static_assert(Decide(kCountRows, TargetKind::kDay, false, false) == nullptr, "days of neither kind are refused");

}  // namespace

Result<Aggregate> PlanBuilder::MetricAggregate() {
  if (frame_.aggregates_conflict) return NotUnderstood("непонятно, что посчитать: среднее, максимум или минимум");
  Use(Concept::kSum);
  if (!frame_.aggregate_word) return Aggregate::kSum;
  Use(*frame_.aggregate_word);
  return *TraitsOf(*frame_.aggregate_word).aggregate;
}

// The metric, its aggregate and the table for "сколько просмотров …", "суммарный прирост …".
Status PlanBuilder::BuildMetric(Concept metric) {
  if (frame_.distinct) return NotUnderstood("«разных» относится к видео, креаторам или дням, а не к метрике");
  if (frame_.negative || frame_.positive) {
    return NotUnderstood("непонятно, что посчитать: прирост или число замеров с уменьшением/увеличением");
  }
  UseMetricMentions(metric);
  // A period that is not a publication filter makes "сколько просмотров" growth within it.
  const bool growth = frame_.growth || frame_.per_hour || frame_.window || !frame_.unattached.empty();
  if (growth && frame_.final_counters) {
    return NotUnderstood("итоговая статистика не делится по датам замеров: спросите о приросте за период или об итоге");
  }
  if (frame_.snapshot_noun && !growth)
    return NotUnderstood("непонятно, что посчитать по замерам: прирост или их количество");
  auto aggregate = MetricAggregate();
  if (!aggregate) return Unexpected{aggregate.error()};
  plan_.aggregate = *aggregate;
  if (growth) {
    // "почасовой прирост", "прирост за час" summed over a period: one number per hour.
    if (*aggregate == Aggregate::kSum && frame_.per_hour) return Unsupported(std::string(kPerHourSeriesMessage));
    if (*aggregate != Aggregate::kSum && !frame_.per_hour && !frame_.snapshot_noun) {
      return NotUnderstood("непонятно, среднее/максимум чего: прироста за час (за замер) или по видео");
    }
    plan_.source = Source::kSnapshots;
    plan_.field = DeltaField(metric);
    MarkSnapshotWordsUsed();
  } else {
    plan_.source = Source::kVideos;
    plan_.field = CounterField(metric);
    Use(Concept::kFinal);
  }
  return Ok{};
}

void PlanBuilder::MarkSnapshotWordsUsed() {
  Use(Concept::kGrowth);
  Use(Concept::kNew);
  Use(Concept::kHowMuchChange);
  Use(Concept::kPerHour);
  Use(Concept::kSnapshot);
  if (frame_.window) UsePublicationWindows();
}

void PlanBuilder::UsePublicationWindows() {
  for (std::size_t i = 0; i < mentions_.size(); ++i) {
    if (IsMain(i) && mentions_[i].kind == MentionKind::kPublicationWindow) mentions_[i].used = true;
  }
}

// A second metric named with "новые" / "уменьшились": a sign condition on its delta.
Status PlanBuilder::ApplyModifiedMetric(Concept metric) {
  plan::CompareOp op = plan::CompareOp::kGreater;
  if (frame_.negative && (frame_.positive || frame_.new_word)) {
    return NotUnderstood("непонятно: рост или уменьшение");
  }
  if (frame_.negative) {
    op = plan::CompareOp::kLess;
    Use(Concept::kNegative);
  } else if (frame_.positive || frame_.growth) {
    Use(Concept::kPositive);
  } else {
    return NotUnderstood("непонятно, что спрашивается о метрике: укажите, например, «больше 1000 просмотров»");
  }
  UseMetricMentions(metric);
  sign_condition_ = plan::Condition{DeltaField(metric), op, 0};
  return Ok{};
}

bool PlanBuilder::SnapshotMode() const {
  return frame_.growth || frame_.negative || frame_.positive || frame_.per_hour || frame_.window ||
         frame_.snapshot_noun || frame_.delta_condition || frame_.target.kind == TargetKind::kSnapshot;
}

// "сколько видео / креаторов / замеров / дней".
Status PlanBuilder::BuildCount() {
  if (frame_.aggregate_word || frame_.how_much_change) {
    return NotUnderstood("для количества видео, креаторов или замеров нельзя посчитать среднее или максимум");
  }
  auto other = OtherMetric();
  if (!other) return Unexpected{other.error()};
  if (*other) {
    if (auto s = ApplyModifiedMetric(**other); !s) return s;
  }
  if (mentions_[frame_.target.mention].Is(Concept::kHowManyTimes) && !sign_condition_) {
    return NotUnderstood("непонятно, какие события считать: например «сколько раз просмотры уменьшались»");
  }
  // "выросли", "за час" must say what changed: "Сколько видео выросли 28 ноября?" has no metric.
  if ((frame_.growth || frame_.negative || frame_.positive || frame_.per_hour) && !sign_condition_ &&
      !frame_.delta_condition) {
    return NotUnderstood("не указано, что изменилось: просмотры, лайки, комментарии или жалобы");
  }
  const bool snapshots = SnapshotMode();
  if (frame_.final_counters && snapshots) {
    return NotUnderstood("итоговая статистика и замеры за период в одном вопросе: уточните, что посчитать");
  }
  if (!snapshots) Use(Concept::kFinal);
  Use(Concept::kSum);
  Use(Concept::kDistinct);
  mentions_[frame_.target.mention].used = true;
  plan_.source = snapshots ? Source::kSnapshots : Source::kVideos;
  const Counted* counted = Decide(kCountRows, frame_.target.kind, snapshots, frame_.publish);
  if (counted == nullptr) return NotUnderstood("непонятно, какие дни считать: дни публикации или дни замеров");
  plan_.aggregate = counted->aggregate;
  plan_.field = counted->field;
  if (snapshots) MarkSnapshotWordsUsed();
  return Ok{};
}

Status PlanBuilder::BuildMetricTotal() {
  auto other = OtherMetric();
  if (!other) return Unexpected{other.error()};
  if (*other && **other != frame_.target.metric)
    return NotUnderstood("в вопросе несколько метрик; спросите о каждой отдельно");
  if (auto s = BuildMetric(frame_.target.metric); !s) return s;
  return FinishOneNumber();
}

Status PlanBuilder::BuildCountTotal() {
  if (auto s = BuildCount(); !s) return s;
  return FinishOneNumber();
}

Status PlanBuilder::FinishOneNumber() {
  if (auto s = CheckItemWording(); !s) return s;
  if (auto s = CheckWhichAsksForANumber(); !s) return s;
  return FinishNouns();
}

// "Какой креатор опубликовал видео X?", "Кто из креаторов …", "Какое видео у креатора X?" ask
// which one, not how many; "Какое количество видео", "Каково общее число видео" ask a number.
Status PlanBuilder::CheckWhichAsksForANumber() const {
  if (frame_.target.kind == TargetKind::kMetric) return Ok{};
  for (std::size_t i = 0; i < mentions_.size(); ++i) {
    if (!IsMain(i) || !(mentions_[i].Is(Concept::kWhich) || mentions_[i].Is(Concept::kWhichPlural))) continue;
    std::size_t next = i + 1;
    while (next < mentions_.size() && (mentions_[next].Is(Concept::kGain) || mentions_[next].Is(Concept::kFiller))) {
      ++next;
    }
    const bool number_follows =
        next < mentions_.size() && mentions_[next].kind == MentionKind::kWord &&
        (mentions_[next].meaning == Concept::kAmount || TraitsOf(mentions_[next].meaning).aggregate.has_value());
    if (number_follows) continue;
    return NotUnderstood("«" + std::string(mentions_[i].text) +
                         " …» спрашивает, какое именно видео или кто из креаторов, а бот отвечает числом: спросите "
                         "«Сколько …»");
  }
  return Ok{};
}

// "у одного видео", "по видео креатора X": words about each item (one video, a list by video)
// that a total over all of them would silently drop. A per-item aggregate (average, maximum,
// minimum) is what "у одного видео" asks for.
Status PlanBuilder::CheckItemWording() const {
  const bool per_item_aggregate =
      plan_.aggregate == Aggregate::kAvg || plan_.aggregate == Aggregate::kMax || plan_.aggregate == Aggregate::kMin;
  for (std::size_t i = 0; i + 1 < mentions_.size(); ++i) {
    const Mention& word = mentions_[i];
    const Mention& noun = mentions_[i + 1];
    if (!IsMain(i) || !IsMain(i + 1) || analysis_.bound_noun[i + 1]) continue;
    if (!CountsVideos(noun) && !noun.Is(Concept::kCreator)) continue;
    const std::string item = "«" + std::string(word.text) + " " + std::string(noun.text) + "»";
    if (word.Is(Concept::kOne) && !per_item_aggregate) {
      return Fail(ErrorCode::kQuestionAmbiguous,
                  "Непонятно, что значит " + item +
                      ": все вместе, в среднем на одно, ровно одно или одно конкретное (укажите его id)? Спросите, "
                      "например, «Сколько просмотров в среднем у видео?» или «Какое максимальное число просмотров у "
                      "одного видео?»");
    }
    if (word.Is(Concept::kFiller) && IsListedWord(word.text, kPerItemWords)) {
      return Fail(ErrorCode::kQuestionAmbiguous,
                  "Непонятно, что значит " + item +
                      ": всё вместе или отдельно по каждому (списки по видео и креаторам пока не выводятся)? Для "
                      "общего числа спросите, например, «Сколько просмотров у всех видео креатора …?»");
    }
  }
  return Ok{};
}

// Nouns left after the target: videos are harmless ("все видео"), a publication noun marks
// publication, snapshots are fine in a snapshot plan; creators and days must have a role.
Status PlanBuilder::FinishNouns() {
  for (std::size_t i = 0; i < mentions_.size(); ++i) {
    Mention& mention = mentions_[i];
    if (!IsMain(i) || mention.used || mention.kind != MentionKind::kWord) continue;
    if (CountsVideos(mention)) mention.used = true;
    if (mention.meaning == Concept::kSnapshot && plan_.source == Source::kSnapshots) mention.used = true;
  }
  return Ok{};
}

}  // namespace videobot::nl
