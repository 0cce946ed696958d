// Series over time: «по дням», «почасовой прирост», «в каждом месяце», «динамика», «график»,
// «как менялись» turn the plan built for one number into a series of it per bucket.
#include <fmt/format.h>

#include <algorithm>

#include "nl/plan_builder_internal.hpp"
#include "nl/word_tables.hpp"
#include "plan/series.hpp"

namespace videobot::nl {
namespace {

// Periods up to this long are split by hours when the question names no bucket; up to
// kLongestDailyAuto by days; longer ones by months.
constexpr Instant kLongestHourlyAuto = 2 * kMicrosPerDay;
constexpr Instant kLongestDailyAuto = 92 * kMicrosPerDay;

bool StartsWithAny(std::string_view text, std::span<const std::string_view> stems) {
  return std::any_of(stems.begin(), stems.end(), [text](std::string_view stem) { return text.starts_with(stem); });
}

plan::Bucket AutoBucket(const plan::InstantRange& range) {
  const Instant length = *range.to - *range.from;
  if (length <= kLongestHourlyAuto) return plan::Bucket::kHour;
  if (length <= kLongestDailyAuto) return plan::Bucket::kDay;
  return plan::Bucket::kMonth;
}

}  // namespace

void PlanBuilder::ReadHourlyAdjectives() {
  if (!HasPerItemAggregate()) return;
  for (std::size_t i = 0; i < mentions_.size(); ++i) {
    Mention& m = mentions_[i];
    if (IsMain(i) && m.Is(Concept::kSeriesHour) && StartsWithAny(m.text, kHourlyAdjectiveStems)) {
      m.meaning = Concept::kPerHour;
    }
  }
}

Status PlanBuilder::ApplySeries() {
  if (!frame_.series) return Ok{};
  if (plan_.group_by) return Unsupported("Ряд по времени для каждого креатора или видео пока не строится");
  if (plan_.aggregate != Aggregate::kCount && plan_.aggregate != Aggregate::kCountDistinct &&
      plan_.aggregate != Aggregate::kSum) {
    return Unsupported("Ряд строится для количества и суммы, а не для среднего, максимума или минимума");
  }
  if (frame_.buckets_conflict) {
    return Unsupported("В вопросе два разных шага ряда (например, «по дням» и «по часам»): выберите один");
  }
  const bool measurement = plan_.source == Source::kSnapshots;
  const auto& period = measurement ? plan_.filters.measured : plan_.filters.published;
  if (!period || (!period->relative && (!period->from || !period->to))) {
    return NotUnderstood("для ряда по времени нужен период с началом и концом, например «за ноябрь 2025»");
  }
  const plan::InstantRange range = plan::Resolve(*period, context_);
  plan_.series = plan::Series{frame_.bucket.value_or(AutoBucket(range)),
                              measurement ? plan::SeriesTime::kMeasurement : plan::SeriesTime::kPublication};
  if (auto status = plan::CheckSeries(plan_); !status) return Unsupported(status.error().message);
  for (std::size_t i = 0; i < mentions_.size(); ++i) {
    if (IsMain(i) && mentions_[i].kind == MentionKind::kWord && IsSeriesWord(mentions_[i].meaning)) {
      mentions_[i].used = true;
    }
  }
  return Ok{};
}

}  // namespace videobot::nl
