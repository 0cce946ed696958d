#include "nl/period_resolver.hpp"

#include <cstdio>
#include <string>

namespace videobot::nl {
namespace {

Unexpected Bad(std::string message) {
  return Fail(ErrorCode::kQuestionNotUnderstood, std::move(message), std::string(kPeriodErrorPath));
}

// The first day of the unit of a point whose parts are all known.
Date StartOf(const DateExpr& point) {
  const PartialDate& d = point.date;
  switch (point.granularity) {
    case Granularity::kYear: return Date{d.year, 1, 1};
    case Granularity::kMonth: return Date{d.year, d.month, 1};
    case Granularity::kDay:
    case Granularity::kNone: break;
  }
  return Date{d.year, d.month, d.day};
}

// The last day of the unit.
Date EndOf(const DateExpr& point) {
  const PartialDate& d = point.date;
  switch (point.granularity) {
    case Granularity::kYear: return Date{d.year, 12, 31};
    case Granularity::kMonth: return Date{d.year, d.month, DaysInMonth(d.year, d.month)};
    case Granularity::kDay:
    case Granularity::kNone: break;
  }
  return Date{d.year, d.month, d.day};
}

bool IsValid(const DateExpr& point) {
  const PartialDate& d = point.date;
  if (d.year < 1 || d.year > 9999) return false;
  switch (point.granularity) {
    case Granularity::kYear: return true;
    case Granularity::kMonth: return d.month >= 1 && d.month <= 12;
    case Granularity::kDay: return IsValidDate(Date{d.year, d.month, d.day});
    case Granularity::kNone: return false;
  }
  return false;
}

// The most recent year in which `point` (without a year) has started by `today`.
int RecentYear(const DateExpr& point, const Date& today) {
  DateExpr probe = point;
  for (int year = today.year; year > today.year - 8; --year) {
    probe.date.year = year;
    if (IsValid(probe) && StartOf(probe) <= today) return year;
  }
  return today.year;  // IsValid fails later with a clear message
}

// Years a question may name: wider ones are typing errors or dates no data set holds.
constexpr int kMinYear = 1970;
constexpr int kMaxYear = 2100;

// A range written without the year of one end across New Year ("с 28 декабря по 3 января"):
// the start's month is later than the end's and the range is shorter than half a year. Any
// other start after its end is a reversed range, never a range moved to another year.
bool CrossesNewYear(const DateExpr& from, const DateExpr& to) {
  const int from_month = from.date.month;
  const int to_month = to.date.month;
  if (from_month == 0 || to_month == 0) return false;
  return from_month > to_month && to_month + 12 - from_month < 6;
}

bool HasMissingYear(const std::optional<DateExpr>& point) {
  return point && point->granularity != Granularity::kNone && point->granularity != Granularity::kYear &&
         point->date.year == 0;
}

Status CheckYear(const DateExpr& point) {
  const int year = point.date.year;
  if (year >= kMinYear && year <= kMaxYear) return Ok{};
  return Bad("год " + std::to_string(year) + " вне диапазона, с которым работает бот: " + std::to_string(kMinYear) +
             "–" + std::to_string(kMaxYear));
}

// Years of ends written without one: from the other end (across New Year as above), or the
// most recent year in which that date has started.
Status FillYears(std::optional<DateExpr>& from, std::optional<DateExpr>& to, const Date& today) {
  const bool from_dated = from && from->granularity != Granularity::kNone;
  const bool to_dated = to && to->granularity != Granularity::kNone;
  if (HasMissingYear(from)) {
    if (to_dated && to->date.year != 0) {
      from->date.year = CrossesNewYear(*from, *to) ? to->date.year - 1 : to->date.year;
    } else {
      from->date.year = RecentYear(*from, today);
    }
  }
  if (HasMissingYear(to)) {
    if (from_dated) {
      to->date.year = CrossesNewYear(*from, *to) ? from->date.year + 1 : from->date.year;
    } else {
      to->date.year = RecentYear(*to, today);
    }
  }
  if ((from && !from_dated) || (to && !to_dated)) return Bad("не указан день для времени");
  for (const std::optional<DateExpr>* point : {&from, &to}) {
    if (!*point) continue;
    if (auto status = CheckYear(**point); !status) return status;
    if (!IsValid(**point)) return Bad("такой даты нет в календаре");
  }
  return Ok{};
}

plan::PeriodBound DateBound(const Date& date) { return plan::PeriodBound{DateTime{date, 0}, false}; }

plan::PeriodBound TimeBound(const Date& date, int seconds) {
  if (seconds >= 86400) return plan::PeriodBound{DateTime{AddDays(date, 1), seconds - 86400}, true};
  return plan::PeriodBound{DateTime{date, seconds}, true};
}

plan::PeriodBound FromBound(const DateExpr& point, bool after) {
  if (point.seconds) return TimeBound(StartOf(point), *point.seconds);
  if (!after) return DateBound(StartOf(point));
  return DateBound(AddDays(EndOf(point), 1));
}

plan::PeriodBound ToBound(const DateExpr& point, bool exclusive) {
  if (point.seconds) return TimeBound(StartOf(point), *point.seconds);
  if (exclusive) return TimeBound(StartOf(point), 0);
  return DateBound(EndOf(point));
}

DateTime EndInstant(const plan::PeriodBound& bound) {
  return bound.has_time ? bound.value : DateTime{AddDays(bound.value.date, 1), 0};
}

std::string TwoDigits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

// "05.11.2025" or "28.11.2025 10:00".
std::string Readable(const plan::PeriodBound& bound) {
  const Date& d = bound.value.date;
  std::string text = TwoDigits(d.day) + "." + TwoDigits(d.month) + "." + std::to_string(d.year);
  if (bound.has_time)
    text += " " + TwoDigits(bound.value.seconds_of_day / 3600) + ":" + TwoDigits(bound.value.seconds_of_day / 60 % 60);
  return text;
}

// A range whose end is not after its start: nothing could be counted in it.
Unexpected Reversed(const plan::Period& period, std::string_view written) {
  const std::string range = written.empty() ? std::string("Период") : "Период «" + std::string(written) + "»";
  const std::string from = Readable(*period.from);
  const std::string to = Readable(*period.to);
  if (period.from->value == EndInstant(*period.to)) {  // "с 10:00 до 10:00", "с 5 ноября до 5 ноября"
    return Fail(ErrorCode::kQuestionReversedRange,
                range + " пуст: начало и конец совпадают (" + from + "); укажите конец позже начала");
  }
  return Fail(ErrorCode::kQuestionReversedRange, range + " перевёрнут: начало (" + from + ") позже конца (" + to +
                                                     "); укажите сначала более раннюю дату или время");
}

}  // namespace

Result<plan::Period> ResolvePeriod(const PeriodExpr& expr, const plan::TimeContext& context, std::string_view written) {
  plan::Period period;
  if (expr.relative) {
    period.relative = expr.relative;
    if (*expr.relative == plan::Relative::kLastNDays || *expr.relative == plan::Relative::kLastNHours) {
      period.count = expr.count;
    }
    return period;
  }
  const Date today = ToLocal(context.now, context.offset).date;
  if (expr.days_ago > 0) {
    const Date day = AddDays(today, -expr.days_ago);
    period.from = period.to = DateBound(day);
    return period;
  }
  if (expr.as_of) return Bad("ответ «на момент» даты не поддерживается: спросите о периоде, например «за 28 ноября»");
  if (expr.time_only) return Bad("не указан день для времени");
  if (expr.single && expr.from && expr.from->seconds) {
    return Bad("указан момент времени, а нужен промежуток, например «с 10:00 до 15:00»");
  }
  std::optional<DateExpr> from = expr.from;
  std::optional<DateExpr> to = expr.to;
  if (auto status = FillYears(from, to, today); !status) return Unexpected{status.error()};
  if (from) period.from = FromBound(*from, expr.from_after);
  if (to) period.to = ToBound(*to, expr.to_exclusive);
  if (period.from && period.to && !(period.from->value < EndInstant(*period.to))) return Reversed(period, written);
  return period;
}

Result<plan::Moment> ResolveMoment(const PeriodExpr& expr, const plan::TimeContext& context) {
  const Date today = ToLocal(context.now, context.offset).date;
  // «на вчера», «на позавчера»: the end of that day.
  if (expr.relative == plan::Relative::kYesterday) return plan::Moment{DateTime{AddDays(today, -1), 0}, false};
  // «на сегодня»: the counters as they are now (the day is not over yet).
  if (expr.relative == plan::Relative::kToday) return plan::Moment{ToLocal(context.now, context.offset), true};
  if (!expr.relative && expr.days_ago > 0) return plan::Moment{DateTime{AddDays(today, -expr.days_ago), 0}, false};
  if (!expr.single || !expr.from || expr.relative) {
    return Bad("момент задаётся одной датой или временем, например «на 28 ноября 2025» или «на 10:00 28.11.2025»");
  }
  std::optional<DateExpr> point = expr.from;
  std::optional<DateExpr> none;
  if (auto status = FillYears(point, none, today); !status) {
    return Unexpected{status.error()};
  }
  if (point->seconds) {
    if (expr.edge != MomentEdge::kNone) return Bad("у момента времени нет начала и конца");
    const plan::PeriodBound at = TimeBound(StartOf(*point), *point->seconds);
    return plan::Moment{at.value, true};
  }
  const bool day = point->granularity == Granularity::kDay;
  switch (expr.edge) {
    case MomentEdge::kStart: return plan::Moment{DateTime{StartOf(*point), 0}, true};
    case MomentEdge::kEnd: return plan::Moment{DateTime{EndOf(*point), 0}, false};
    case MomentEdge::kNone: break;
  }
  if (!day) {
    return Fail(
        ErrorCode::kQuestionAmbiguous,
        "непонятно, на какой момент: скажите «на начало …» или «на конец …» (например «на начало ноября 2025»)");
  }
  if (expr.by) {
    const Date date = StartOf(*point);
    char text[16];
    std::snprintf(text, sizeof text, "%02d.%02d.%04d", date.day, date.month, date.year);
    return Fail(ErrorCode::kQuestionAmbiguous,
                std::string("«к» дате может значить её начало или конец: скажите «на начало ") + text +
                    "» или «на конец " + text + "»");
  }
  return plan::Moment{DateTime{StartOf(*point), 0}, false};
}

std::optional<PeriodExpr> JoinTimesWithDay(const PeriodExpr& times, const PeriodExpr& day) {
  if (!day.single || !day.from || day.from->granularity != Granularity::kDay || day.from->seconds) return std::nullopt;
  PeriodExpr joined = times;
  joined.time_only = false;
  for (std::optional<DateExpr>* end : {&joined.from, &joined.to}) {
    if (!*end) continue;
    if ((*end)->granularity != Granularity::kNone) return std::nullopt;
    (*end)->date = day.from->date;
    (*end)->granularity = Granularity::kDay;
  }
  // "28 ноября после 10:00": the rest of that day; "28 ноября до 15:00": its start to 15:00.
  if (!joined.from) joined.from = day.from;
  if (!joined.to) {
    joined.to = day.from;
    joined.to_exclusive = false;
  }
  return joined;
}

}  // namespace videobot::nl
