#include "service/coverage_guard.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace videobot::service {
namespace {

constexpr std::string_view kLoadHint = "Загрузите данные командой `videobot load FILE`.";

// "с 28.11.2026 00:00 до 29.11.2026 00:00", "до …", "с …" for the range asked about.
std::string DescribeRange(const plan::InstantRange& range, UtcOffset offset) {
  if (range.from && range.to) {
    return fmt::format("с {} до {}", FormatMoment(*range.from, offset), FormatMoment(*range.to, offset));
  }
  if (range.from) return fmt::format("с {}", FormatMoment(*range.from, offset));
  if (range.to) return fmt::format("до {}", FormatMoment(*range.to, offset));
  return "за всё время";
}

std::string MeasuredSpan(const db::Coverage& coverage, UtcOffset offset) {
  return fmt::format("данные есть с {} по {} ({})", FormatMoment(*coverage.first_measured, offset),
                     FormatMoment(*coverage.last_measured, offset), ZoneLabel(offset));
}

bool Misses(const plan::InstantRange& range, Instant first, Instant last) {
  return (range.to && *range.to <= first) || (range.from && *range.from > last);
}

std::optional<Error> CheckMeasured(const plan::Plan& plan, const db::Coverage& coverage,
                                   const plan::TimeContext& context) {
  if (plan.source != plan::Source::kSnapshots) return std::nullopt;
  if (!coverage.first_measured || !coverage.last_measured) {
    return Error{ErrorCode::kOutsideCoverage, "/filters/measured",
                 fmt::format("В базе нет ни одного замера статистики: на вопросы о приросте и замерах ответить "
                             "нечем. {}",
                             kLoadHint)};
  }
  if (!plan.filters.measured) return std::nullopt;
  const auto range = plan::Resolve(*plan.filters.measured, context);
  if (!Misses(range, *coverage.first_measured, *coverage.last_measured)) return std::nullopt;
  return Error{ErrorCode::kOutsideCoverage, "/filters/measured",
               fmt::format("Замеров за этот период ({}) нет: {}.", DescribeRange(range, context.offset),
                           MeasuredSpan(coverage, context.offset))};
}

// A state question needs measurements on both sides of its moment: before the first one the
// counters are unknown (not 0), and after the last one they may have changed unseen.
std::optional<Error> CheckMoment(const plan::Plan& plan, const db::Coverage& coverage,
                                 const plan::TimeContext& context) {
  const auto end = plan::ResolveMoment(plan, context);
  if (!end) return std::nullopt;
  const Instant moment = *end - 1;  // the last instant the state includes
  if (coverage.first_measured && coverage.last_measured && moment >= *coverage.first_measured &&
      moment <= *coverage.last_measured) {
    return std::nullopt;
  }
  if (!coverage.first_measured || !coverage.last_measured) {
    return Error{ErrorCode::kOutsideCoverage, "/as_of",
                 fmt::format("В базе нет ни одного замера статистики: состояние счётчиков на момент узнать неоткуда. "
                             "{}",
                             kLoadHint)};
  }
  return Error{ErrorCode::kOutsideCoverage, "/as_of",
               fmt::format("Счётчики на {} неизвестны: {}.", FormatMoment(*end, context.offset),
                           MeasuredSpan(coverage, context.offset))};
}

std::optional<Instant> LastObservation(const db::Coverage& coverage) {
  std::optional<Instant> last = coverage.last_measured;
  if (coverage.last_published) last = last ? std::max(*last, *coverage.last_published) : *coverage.last_published;
  return last;
}

std::optional<Error> CheckPublished(const plan::Plan& plan, const db::Coverage& coverage,
                                    const plan::TimeContext& context) {
  if (!plan.filters.published) return std::nullopt;
  const auto last = LastObservation(coverage);
  if (!last) return std::nullopt;
  const auto range = plan::Resolve(*plan.filters.published, context);
  if (!range.from || *range.from <= *last) return std::nullopt;
  return Error{ErrorCode::kOutsideCoverage, "/filters/published",
               fmt::format("Данные собраны только по {} ({}), а вопрос о периоде {}: о публикациях за него "
                           "ещё ничего не известно.",
                           FormatMoment(*last, context.offset), ZoneLabel(context.offset),
                           DescribeRange(range, context.offset))};
}

}  // namespace

std::optional<Error> CheckCoverage(const plan::Plan& plan, const db::Coverage& coverage,
                                   const plan::TimeContext& context) {
  if (coverage.Empty()) {
    return Error{ErrorCode::kDataEmpty, "",
                 fmt::format("Данные ещё не загружены: в базе нет ни одного видео. {}", kLoadHint)};
  }
  if (auto error = CheckMeasured(plan, coverage, context)) return error;
  if (auto error = CheckMoment(plan, coverage, context)) return error;
  return CheckPublished(plan, coverage, context);
}

std::string FormatMoment(Instant instant, UtcOffset offset) {
  const DateTime local = ToLocal(instant, offset);
  const int minutes = local.seconds_of_day / 60;
  return fmt::format("{:02}.{:02}.{:04} {:02}:{:02}", local.date.day, local.date.month, local.date.year, minutes / 60,
                     minutes % 60);
}

std::string ZoneLabel(UtcOffset offset) {
  if (offset.minutes == 0) return "UTC";
  return "UTC" + FormatUtcOffset(offset);
}

}  // namespace videobot::service
