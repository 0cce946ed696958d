#include "nl/plan_builder.hpp"

#include <algorithm>
#include <string>

#include "nl/linker.hpp"
#include "nl/period_resolver.hpp"
#include "nl/screening.hpp"
#include "plan/validator.hpp"

namespace videobot::nl {
namespace {

using plan::Aggregate;
using plan::Field;
using plan::Source;

Unexpected NotUnderstood(std::string message) { return Fail(ErrorCode::kQuestionNotUnderstood, std::move(message)); }

Field CounterField(Concept metric) {
  switch (metric) {
    case Concept::kLikes: return Field::kLikes;
    case Concept::kComments: return Field::kComments;
    case Concept::kReports: return Field::kReports;
    default: return Field::kViews;
  }
}

Field DeltaField(Concept metric) {
  switch (metric) {
    case Concept::kLikes: return Field::kDeltaLikes;
    case Concept::kComments: return Field::kDeltaComments;
    case Concept::kReports: return Field::kDeltaReports;
    default: return Field::kDeltaViews;
  }
}

/// What the question asks for: a number of things, or an aggregate of a metric.
enum class TargetKind { kVideo, kCreator, kSnapshot, kDay, kMetric };

struct Target {
  TargetKind kind = TargetKind::kVideo;
  std::size_t mention = 0;
  Concept metric = Concept::kViews;  ///< for kMetric
};

TargetKind KindOf(Concept meaning) {
  switch (meaning) {
    case Concept::kCreator: return TargetKind::kCreator;
    case Concept::kSnapshot: return TargetKind::kSnapshot;
    case Concept::kDay: return TargetKind::kDay;
    case Concept::kVideo:
    case Concept::kPublicationNoun: return TargetKind::kVideo;
    default: return TargetKind::kMetric;
  }
}

// Words after which the counted thing or the metric is named: "сколько", "суммарный", "какой" …
bool IsHead(const Mention& mention) {
  if (mention.kind != MentionKind::kWord) return false;
  switch (mention.meaning) {
    case Concept::kHowMany:
    case Concept::kHowMuchChange:
    case Concept::kAmount:
    case Concept::kSum:
    case Concept::kAvg:
    case Concept::kMax:
    case Concept::kMin:
    case Concept::kWhich:
    case Concept::kWhichPlural:
    case Concept::kTop:
    case Concept::kMost:
    case Concept::kLeast:
    case Concept::kGrowth:
      return true;
    default:
      return false;
  }
}

// Where a period belongs: a publication filter, or whatever the question's table implies.
enum class PeriodRole { kPublished, kUnattached };

struct PeriodUse {
  std::size_t mention;
  PeriodRole role;
};

class Builder {
 public:
  Builder(Analysis& analysis, const plan::TimeContext& context)
      : analysis_(analysis), mentions_(analysis.mentions), context_(context) {}

  Result<plan::Plan> Build() {
    if (auto s = Screen(analysis_, context_); !s) return Unexpected{s.error()};
    if (auto s = CheckSingleQuestion(); !s) return Unexpected{s.error()};
    if (auto s = LinkIds(analysis_); !s) return Unexpected{s.error()};
    LinkExistentials(analysis_);
    LinkImplicitComparisons(analysis_);
    if (auto s = LinkTimesToDays(analysis_); !s) return Unexpected{s.error()};
    if (auto s = LinkConditions(analysis_); !s) return Unexpected{s.error()};
    LinkNewVideos();
    auto target = FindTarget();
    if (!target) return Unexpected{target.error()};
    target_ = *target;
    ReadFlags();
    if (auto s = ClassifyPeriods(); !s) return Unexpected{s.error()};
    const Status built = IsRanking() ? BuildRanking() : BuildSingle();
    if (!built) return Unexpected{built.error()};
    if (auto s = ApplyConditions(); !s) return Unexpected{s.error()};
    if (auto s = ApplyPeriods(); !s) return Unexpected{s.error()};
    ApplyIds();
    if (auto s = CheckExplanations(); !s) return Unexpected{s.error()};
    if (auto s = CheckAllUsed(analysis_); !s) return Unexpected{s.error()};
    if (auto s = plan::CheckSemantics(plan_); !s) return NotUnderstood("вопрос не удалось однозначно разобрать");
    return plan_;
  }

 private:
  bool IsMain(std::size_t i) const { return !mentions_[i].explanatory; }

  bool Has(Concept meaning) const {
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      if (IsMain(i) && mentions_[i].Is(meaning)) return true;
    }
    return false;
  }

  bool HasUnused(Concept meaning) const {
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      if (IsMain(i) && mentions_[i].Is(meaning) && !mentions_[i].used) return true;
    }
    return false;
  }

  void Use(Concept meaning) {
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      if (IsMain(i) && mentions_[i].Is(meaning)) mentions_[i].used = true;
    }
  }

  // A noun the question may be counting: not bound to an id, not consumed by a condition.
  bool IsCandidate(std::size_t i) const {
    const Mention& mention = mentions_[i];
    return IsMain(i) && !mention.used && !analysis_.bound_noun[i] &&
           (IsObjectMention(mention) || IsMetricMention(mention));
  }

  // "новых видео": videos published in the period, not new views.
  void LinkNewVideos() {
    for (std::size_t i = 0; i + 1 < mentions_.size(); ++i) {
      if (!IsMain(i) || !mentions_[i].Is(Concept::kNew) || mentions_[i].used) continue;
      const Mention& next = mentions_[i + 1];
      if (next.Is(Concept::kVideo) || next.Is(Concept::kPublicationNoun)) {
        mentions_[i].used = true;
        new_videos_ = true;
      }
    }
  }

  // A publication verb about videos: "видео, опубликованные", not "новых лайков появилось".
  bool IsPublicationWord(std::size_t i) const {
    if (!mentions_[i].Is(Concept::kPublish)) return false;
    auto about_metric = [this](const Mention& m) { return IsMetricMention(m) || m.Is(Concept::kNew); };
    for (std::size_t k = i; k > 0; --k) {
      const Mention& m = mentions_[k - 1];
      if (about_metric(m)) return false;
      if (!IsConnective(m)) break;
    }
    for (std::size_t k = i + 1; k < mentions_.size(); ++k) {
      const Mention& m = mentions_[k];
      if (about_metric(m)) return false;
      if (!IsConnective(m)) break;
    }
    return true;
  }

  void ReadFlags() {
    growth_ = HasUnused(Concept::kGrowth) || HasUnused(Concept::kNew) || Has(Concept::kHowMuchChange);
    negative_ = HasUnused(Concept::kNegative);
    positive_ = HasUnused(Concept::kPositive);
    per_hour_ = HasUnused(Concept::kPerHour);
    final_ = Has(Concept::kFinal);
    publish_ = new_videos_;
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      if (!IsMain(i)) continue;
      publish_ = publish_ || IsPublicationWord(i);
      // "дат публикации", "сколько публикаций": the noun itself speaks of publication.
      publish_ = publish_ || (mentions_[i].Is(Concept::kPublicationNoun) && !analysis_.bound_noun[i]);
    }
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const Mention& mention = mentions_[i];
      if (!IsMain(i)) continue;
      if (mention.Is(Concept::kSnapshot)) snapshot_noun_ = true;
      if (mention.kind == MentionKind::kPublicationWindow) {
        if (window_) window_conflict_ = true;
        window_ = static_cast<int>(mention.number);
      }
    }
  }

  // "Сколько видео …, и сколько из них …": two questions in one.
  Status CheckSingleQuestion() const {
    int heads = 0;
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const Mention& m = mentions_[i];
      if (IsMain(i) && (m.Is(Concept::kHowMany) || m.Is(Concept::kHowMuchChange) || m.Is(Concept::kHowManyTimes))) {
        ++heads;
      }
    }
    if (heads > 1) return NotUnderstood("в сообщении несколько вопросов: задайте их по одному");
    return Ok{};
  }

  Result<Target> FindTarget() {
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
    const bool metric_head = head && (mentions_[*head].Is(Concept::kHowMuchChange) || mentions_[*head].Is(Concept::kSum) ||
                                      mentions_[*head].Is(Concept::kAvg) || mentions_[*head].Is(Concept::kMax) ||
                                      mentions_[*head].Is(Concept::kMin) || mentions_[*head].Is(Concept::kGrowth));
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
      return NotUnderstood("непонятно, что нужно посчитать: видео, креаторов, замеры или просмотры, лайки, комментарии, жалобы");
    }
    const Mention& noun = mentions_[*chosen];
    Target target{KindOf(noun.meaning), *chosen, noun.meaning};
    return target;
  }

  // The free metric besides the target (at most one kind), if any.
  Result<std::optional<Concept>> OtherMetric(std::optional<std::size_t> skip) {
    std::optional<Concept> metric;
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      if (skip && i == *skip) continue;
      if (!IsMain(i) || mentions_[i].used || !IsMetricMention(mentions_[i])) continue;
      if (metric && *metric != mentions_[i].meaning) {
        return NotUnderstood("в вопросе несколько метрик; спросите о каждой отдельно");
      }
      metric = mentions_[i].meaning;
    }
    return metric;
  }

  void UseMetricMentions(Concept metric) {
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      if (IsMain(i) && mentions_[i].Is(metric) && !mentions_[i].used) mentions_[i].used = true;
    }
  }

  // "опубликованные в июне", "в июне вышло": a publication word next to the period, with only
  // connecting words, ids and nouns of the things published between them.
  bool NextToPublication(std::size_t period) const {
    auto transparent = [this](std::size_t i) {
      const Mention& m = mentions_[i];
      if (IsConnective(m)) return true;
      if (m.kind == MentionKind::kCreatorId || m.kind == MentionKind::kVideoId) return true;
      if (m.Is(Concept::kVideo) || m.Is(Concept::kCreator) || m.Is(Concept::kDistinct) ||
          m.Is(Concept::kAtLeastOne) || m.Is(Concept::kMost) || m.Is(Concept::kLeast)) {
        return true;
      }
      // A condition in between: "опубликовали видео с более чем 100 лайками в сентябре".
      return m.used && (m.kind == MentionKind::kComparison || IsMetricMention(m));
    };
    auto is_publication = [this](std::size_t i) {
      const Mention& m = mentions_[i];
      return IsPublicationWord(i) || (m.Is(Concept::kPublicationNoun) && !m.used && !analysis_.bound_noun[i]) ||
             (m.Is(Concept::kNew) && new_videos_);
    };
    constexpr std::size_t kReach = 8;
    for (std::size_t k = 1; k <= kReach && k <= period; ++k) {
      const std::size_t i = period - k;
      if (!IsMain(i)) break;
      if (is_publication(i)) return true;
      if (!transparent(i)) break;
    }
    for (std::size_t k = 1; k <= kReach && period + k < mentions_.size(); ++k) {
      const std::size_t i = period + k;
      if (!IsMain(i)) break;
      if (is_publication(i)) return true;
      if (!transparent(i)) break;
    }
    return false;
  }

  Status ClassifyPeriods() {
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const Mention& mention = mentions_[i];
      if (!IsMain(i) || mention.kind != MentionKind::kPeriod || mention.used) continue;
      if (mention.period.as_of) {
        return NotUnderstood("значения «на момент» не хранятся: спросите об итоговой статистике или о приросте за период");
      }
      const PeriodRole role = NextToPublication(i) ? PeriodRole::kPublished : PeriodRole::kUnattached;
      (role == PeriodRole::kPublished ? published_ : unattached_).push_back(i);
    }
    if (published_.size() > 1 || unattached_.size() > 1) {
      return NotUnderstood("в вопросе несколько периодов; укажите один промежуток, например «с 1 по 5 ноября 2025»");
    }
    return Ok{};
  }

  bool IsRanking() const {
    if (Has(Concept::kTop) || Has(Concept::kMost) || Has(Concept::kLeast)) return true;
    const bool which = Has(Concept::kWhich) || Has(Concept::kWhichPlural);
    return which && (Has(Concept::kMax) || Has(Concept::kMin)) && target_.kind != TargetKind::kMetric;
  }

  Result<Aggregate> MetricAggregate() {
    std::optional<Aggregate> aggregate;
    for (auto [meaning, value] : {std::pair{Concept::kAvg, Aggregate::kAvg}, std::pair{Concept::kMax, Aggregate::kMax},
                                  std::pair{Concept::kMin, Aggregate::kMin}}) {
      if (!Has(meaning)) continue;
      if (aggregate) return NotUnderstood("непонятно, что посчитать: среднее, максимум или минимум");
      aggregate = value;
      Use(meaning);
    }
    Use(Concept::kSum);
    return aggregate.value_or(Aggregate::kSum);
  }

  bool AnyDeltaCondition() const {
    return std::any_of(analysis_.conditions.begin(), analysis_.conditions.end(),
                       [](const LinkedCondition& c) { return c.delta; });
  }

  // The metric, its aggregate and the table for "сколько просмотров …", "суммарный прирост …".
  Status BuildMetric(Concept metric) {
    if (Has(Concept::kDistinct)) return NotUnderstood("«разных» относится к видео, креаторам или дням, а не к метрике");
    if (negative_ || positive_) {
      return NotUnderstood("непонятно, что посчитать: прирост или число замеров с уменьшением/увеличением");
    }
    UseMetricMentions(metric);
    // A period that is not a publication filter makes "сколько просмотров" growth within it.
    const bool growth = growth_ || per_hour_ || window_ || !unattached_.empty();
    if (growth && final_) {
      return NotUnderstood("итоговая статистика не делится по датам замеров: спросите о приросте за период или об итоге");
    }
    if (snapshot_noun_ && !growth) return NotUnderstood("непонятно, что посчитать по замерам: прирост или их количество");
    auto aggregate = MetricAggregate();
    if (!aggregate) return Unexpected{aggregate.error()};
    plan_.aggregate = *aggregate;
    if (growth) {
      if (*aggregate != Aggregate::kSum && !per_hour_ && !snapshot_noun_) {
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

  void MarkSnapshotWordsUsed() {
    Use(Concept::kGrowth);
    Use(Concept::kNew);
    Use(Concept::kHowMuchChange);
    Use(Concept::kPerHour);
    Use(Concept::kSnapshot);
    if (window_) UsePublicationWindows();
  }

  void UsePublicationWindows() {
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      if (IsMain(i) && mentions_[i].kind == MentionKind::kPublicationWindow) mentions_[i].used = true;
    }
  }

  // A second metric named with "новые" / "уменьшились": a sign condition on its delta.
  Status ApplyModifiedMetric(Concept metric) {
    plan::CompareOp op = plan::CompareOp::kGreater;
    if (negative_ && (positive_ || HasUnused(Concept::kNew))) {
      return NotUnderstood("непонятно: рост или уменьшение");
    }
    if (negative_) {
      op = plan::CompareOp::kLess;
      Use(Concept::kNegative);
    } else if (positive_ || growth_) {
      Use(Concept::kPositive);
    } else {
      return NotUnderstood("непонятно, что спрашивается о метрике: укажите, например, «больше 1000 просмотров»");
    }
    UseMetricMentions(metric);
    sign_condition_ = plan::Condition{DeltaField(metric), op, 0};
    return Ok{};
  }

  bool SnapshotMode() const {
    return growth_ || negative_ || positive_ || per_hour_ || window_ || snapshot_noun_ || AnyDeltaCondition() ||
           target_.kind == TargetKind::kSnapshot;
  }

  // "сколько видео / креаторов / замеров / дней".
  Status BuildCount() {
    for (Concept c : {Concept::kAvg, Concept::kMax, Concept::kMin, Concept::kHowMuchChange}) {
      if (Has(c)) return NotUnderstood("для количества видео, креаторов или замеров нельзя посчитать среднее или максимум");
    }
    auto other = OtherMetric(std::nullopt);
    if (!other) return Unexpected{other.error()};
    if (*other) {
      if (auto s = ApplyModifiedMetric(**other); !s) return s;
    }
    if (mentions_[target_.mention].Is(Concept::kHowManyTimes) && !sign_condition_) {
      return NotUnderstood("непонятно, какие события считать: например «сколько раз просмотры уменьшались»");
    }
    // "выросли", "за час" must say what changed: "Сколько видео выросли 28 ноября?" has no metric.
    if ((growth_ || negative_ || positive_ || per_hour_) && !sign_condition_ && !AnyDeltaCondition()) {
      return NotUnderstood("не указано, что изменилось: просмотры, лайки, комментарии или жалобы");
    }
    const bool snapshots = SnapshotMode();
    if (final_ && snapshots) {
      return NotUnderstood("итоговая статистика и замеры за период в одном вопросе: уточните, что посчитать");
    }
    if (!snapshots) Use(Concept::kFinal);
    Use(Concept::kSum);
    Use(Concept::kDistinct);
    mentions_[target_.mention].used = true;
    plan_.source = snapshots ? Source::kSnapshots : Source::kVideos;
    switch (target_.kind) {
      case TargetKind::kVideo:
        plan_.aggregate = snapshots ? Aggregate::kCountDistinct : Aggregate::kCount;
        if (snapshots) plan_.field = Field::kVideoId;
        break;
      case TargetKind::kCreator:
        plan_.aggregate = Aggregate::kCountDistinct;
        plan_.field = Field::kCreatorId;
        break;
      case TargetKind::kSnapshot:
        plan_.aggregate = Aggregate::kCount;
        break;
      case TargetKind::kDay:
        plan_.aggregate = Aggregate::kCountDistinct;
        if (publish_ && !snapshots) {
          plan_.field = Field::kPublicationDate;
        } else if (!publish_ && snapshots) {
          plan_.field = Field::kMeasurementDate;
        } else {
          return NotUnderstood("непонятно, какие дни считать: дни публикации или дни замеров");
        }
        break;
      case TargetKind::kMetric:
        break;
    }
    if (snapshots) MarkSnapshotWordsUsed();
    return Ok{};
  }

  Status BuildSingle() {
    if (target_.kind == TargetKind::kMetric) {
      auto other = OtherMetric(target_.mention);
      if (!other) return Unexpected{other.error()};
      if (*other && **other != target_.metric) return NotUnderstood("в вопросе несколько метрик; спросите о каждой отдельно");
      if (auto s = BuildMetric(target_.metric); !s) return s;
    } else {
      if (auto s = BuildCount(); !s) return s;
    }
    return FinishNouns();
  }

  // Nouns left after the target: videos are harmless ("все видео"), a publication noun marks
  // publication, snapshots are fine in a snapshot plan; creators and days must have a role.
  Status FinishNouns() {
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      Mention& mention = mentions_[i];
      if (!IsMain(i) || mention.used || mention.kind != MentionKind::kWord) continue;
      if (mention.meaning == Concept::kVideo || mention.meaning == Concept::kPublicationNoun) mention.used = true;
      if (mention.meaning == Concept::kSnapshot && plan_.source == Source::kSnapshots) mention.used = true;
    }
    return Ok{};
  }

  // "топ-5 креаторов по просмотрам", "какой креатор набрал больше всего просмотров".
  Status BuildRanking() {
    if (target_.kind == TargetKind::kMetric || target_.kind == TargetKind::kSnapshot) {
      return NotUnderstood("непонятно, что ранжировать: креаторов, видео или дни");
    }
    const std::size_t group_noun = target_.mention;
    mentions_[group_noun].used = true;
    plan::Order order = plan::Order::kDesc;
    if (Has(Concept::kLeast) || Has(Concept::kMin)) order = plan::Order::kAsc;
    if ((Has(Concept::kLeast) || Has(Concept::kMin)) && (Has(Concept::kMost) || Has(Concept::kMax))) {
      return NotUnderstood("непонятно: больше всего или меньше всего");
    }
    for (Concept c : {Concept::kTop, Concept::kMost, Concept::kLeast, Concept::kMax, Concept::kMin}) Use(c);
    auto limit = RankingLimit(group_noun);
    if (!limit) return Unexpected{limit.error()};
    plan_.order = order;
    plan_.limit = *limit;

    auto metric = OtherMetric(std::nullopt);
    if (!metric) return Unexpected{metric.error()};
    // "в какой день видео набрали больше всего просмотров": days of measurement, so growth.
    const bool days_of_growth = target_.kind == TargetKind::kDay && *metric && !publish_;
    const bool growth = growth_ || per_hour_ || window_ || !unattached_.empty() || days_of_growth;
    if (*metric) {
      if (negative_ || positive_) return NotUnderstood("непонятно, что ранжировать: прирост или уменьшение");
      if (growth && final_) return NotUnderstood("итоговая статистика не делится по датам замеров");
      UseMetricMentions(**metric);
      plan_.aggregate = Aggregate::kSum;
      plan_.source = growth ? Source::kSnapshots : Source::kVideos;
      plan_.field = growth ? DeltaField(**metric) : CounterField(**metric);
      if (growth) MarkSnapshotWordsUsed();
      else Use(Concept::kFinal);
    } else {
      // "больше всего видео": the number of videos per group.
      if (target_.kind == TargetKind::kVideo || growth || !HasUnusedVideoNoun()) {
        return NotUnderstood("непонятно, по какому показателю ранжировать: просмотры, лайки, комментарии или жалобы");
      }
      plan_.aggregate = Aggregate::kCount;
      plan_.source = Source::kVideos;
      Use(Concept::kFinal);
    }
    Use(Concept::kSum);
    switch (target_.kind) {
      case TargetKind::kCreator: plan_.group_by = plan::GroupBy::kCreator; break;
      case TargetKind::kVideo: plan_.group_by = plan::GroupBy::kVideo; break;
      case TargetKind::kDay:
        if (plan_.source == Source::kSnapshots && !publish_) {
          plan_.group_by = plan::GroupBy::kMeasurementDate;
        } else if (plan_.source == Source::kVideos && publish_) {
          plan_.group_by = plan::GroupBy::kPublicationDate;
        } else {
          return NotUnderstood("непонятно, какие дни сравнивать: дни публикации или дни замеров");
        }
        break;
      default: break;
    }
    return FinishNouns();
  }

  bool HasUnusedVideoNoun() const {
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      if (IsMain(i) && !mentions_[i].used && (mentions_[i].Is(Concept::kVideo) || mentions_[i].Is(Concept::kPublicationNoun))) {
        return true;
      }
    }
    return false;
  }

  // N of "топ-5", "какие 3 креатора", "5 креаторов с наибольшим …"; 1 for "какой креатор".
  Result<int> RankingLimit(std::size_t group_noun) {
    std::optional<std::size_t> number;
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const Mention& m = mentions_[i];
      if (!IsMain(i) || m.kind != MentionKind::kNumber || m.used) continue;
      const bool after_top = i > 0 && (mentions_[i - 1].Is(Concept::kTop) || mentions_[i - 1].Is(Concept::kWhichPlural) ||
                                       (mentions_[i - 1].IsPunct('-') && i > 1 && mentions_[i - 2].Is(Concept::kTop)));
      const bool before_noun = i + 1 == group_noun || (i + 2 == group_noun && mentions_[i + 1].Is(Concept::kDistinct));
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

  Status ApplyConditions() {
    const bool snapshots = plan_.source == Source::kSnapshots;
    const bool counts_snapshots = target_.kind == TargetKind::kSnapshot && !plan_.group_by;
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
      plan_.filters.conditions.push_back(plan::Condition{c.delta ? DeltaField(c.metric) : CounterField(c.metric), c.op, c.value});
    }
    if (sign_condition_) plan_.filters.conditions.push_back(*sign_condition_);
    if (plan_.filters.conditions.size() > 8) return NotUnderstood("слишком много условий");
    const bool per_group = target_.kind == TargetKind::kCreator || target_.kind == TargetKind::kDay;
    if (per_group && !analysis_.conditions.empty() && !plan_.group_by) {
      // "креаторы, у которых есть видео с …": the condition is about one video, so a video
      // must be named after the creators; "у которых все видео …" is not expressible.
      bool video_after = false;
      bool all_after = false;
      for (std::size_t i = target_.mention + 1; i < mentions_.size(); ++i) {
        if (!IsMain(i)) continue;
        if (mentions_[i].Is(Concept::kVideo) || mentions_[i].Is(Concept::kPublicationNoun)) video_after = true;
        if (mentions_[i].Is(Concept::kAll) || mentions_[i].Is(Concept::kEach)) all_after = true;
      }
      if (!video_after || all_after) {
        return NotUnderstood("условие должно относиться к видео, например «креаторы, у которых есть хотя бы одно видео с больше 1000 просмотров»");
      }
    }
    if (plan_.group_by && !analysis_.conditions.empty() && plan_.source == Source::kSnapshots) {
      return NotUnderstood("условия в рейтинге по приросту не поддерживаются");
    }
    return Ok{};
  }

  Result<plan::Period> Resolve(std::size_t mention) {
    mentions_[mention].used = true;
    return ResolvePeriod(mentions_[mention].period, context_);
  }

  Status ApplyPeriods() {
    if (!published_.empty()) {
      auto period = Resolve(published_.front());
      if (!period) return Unexpected{period.error()};
      plan_.filters.published = *period;
    }
    if (new_videos_ && published_.empty() && unattached_.empty()) {
      return NotUnderstood("уточните, за какой период считать видео новыми, например «за ноябрь 2025»");
    }
    if (!unattached_.empty()) {
      auto period = Resolve(unattached_.front());
      if (!period) return Unexpected{period.error()};
      if (plan_.source == Source::kSnapshots) {
        plan_.filters.measured = *period;
      } else if (target_.kind == TargetKind::kVideo && analysis_.conditions.empty() && !plan_.filters.published) {
        plan_.filters.published = *period;  // "сколько видео за май": videos of May
      } else {
        return NotUnderstood("непонятно, к чему относится период: к дате публикации (скажите «опубликованных») или к замерам");
      }
    }
    if (window_) {
      if (window_conflict_) return NotUnderstood("в вопросе несколько окон после публикации");
      if (plan_.source != Source::kSnapshots) return NotUnderstood("окно после публикации применимо только к приросту");
      plan_.filters.hours_after_publication = *window_;
      UsePublicationWindows();
    }
    return Ok{};
  }

  void ApplyIds() {
    plan_.filters.creator_ids = analysis_.creator_ids;
    plan_.filters.video_ids = analysis_.video_ids;
  }

  // Whether what an explanatory word says agrees with the plan built from the question.
  bool AgreesWithPlan(const Mention& m) const {
    if (m.kind != MentionKind::kWord) return true;
    const bool snapshots = plan_.source == Source::kSnapshots;
    const auto has_sign = [this](plan::CompareOp op) {
      return std::any_of(plan_.filters.conditions.begin(), plan_.filters.conditions.end(),
                         [op](const plan::Condition& c) { return plan::IsDeltaField(c.field) && c.op == op; });
    };
    switch (m.meaning) {
      case Concept::kGrowth:
      case Concept::kNew:
      case Concept::kPerHour:
      case Concept::kSnapshot:
      case Concept::kHowMuchChange:
        return snapshots;
      case Concept::kNegative: return has_sign(plan::CompareOp::kLess);
      case Concept::kPositive: return has_sign(plan::CompareOp::kGreater);
      case Concept::kFinal: return !snapshots;
      case Concept::kAvg: return plan_.aggregate == Aggregate::kAvg;
      case Concept::kMax: return plan_.aggregate == Aggregate::kMax || plan_.order == plan::Order::kDesc;
      case Concept::kMin: return plan_.aggregate == Aggregate::kMin || plan_.order == plan::Order::kAsc;
      case Concept::kUnsupportedMetric:
      case Concept::kModify:
        return false;
      default:
        return true;
    }
  }

  // An explanation ("то есть …", text after the question mark) may restate the question but
  // not change it: its metrics and its words about growth, sign and aggregate must agree.
  Status CheckExplanations() {
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

  Analysis& analysis_;
  Mentions& mentions_;
  const plan::TimeContext& context_;
  plan::Plan plan_;
  Target target_;
  std::vector<std::size_t> published_;
  std::vector<std::size_t> unattached_;
  std::optional<plan::Condition> sign_condition_;
  std::optional<int> window_;
  bool window_conflict_ = false;
  bool growth_ = false;
  bool negative_ = false;
  bool positive_ = false;
  bool per_hour_ = false;
  bool final_ = false;
  bool publish_ = false;
  bool new_videos_ = false;
  bool snapshot_noun_ = false;
};

}  // namespace

Result<plan::Plan> BuildPlan(Analysis& analysis, const plan::TimeContext& context) {
  analysis.bound_noun.assign(analysis.mentions.size(), false);
  return Builder(analysis, context).Build();
}

}  // namespace videobot::nl
