#include "plan/resolve.hpp"

namespace videobot::plan {
namespace {

// [first, last] whole local days as an instant range.
InstantRange Days(const Date& first, const Date& last, UtcOffset offset) {
  return InstantRange{ToInstant(DateTime{first, 0}, offset), ToInstant(DateTime{AddDays(last, 1), 0}, offset)};
}

Date FirstOfMonth(int year, int month) { return Date{year, month, 1}; }

Date LastOfMonth(int year, int month) { return Date{year, month, DaysInMonth(year, month)}; }

InstantRange ResolveRelative(Relative relative, int count, const TimeContext& context) {
  const Date today = ToLocal(context.now, context.offset).date;
  const UtcOffset offset = context.offset;
  switch (relative) {
    case Relative::kToday: return Days(today, today, offset);
    case Relative::kYesterday: return Days(AddDays(today, -1), AddDays(today, -1), offset);
    case Relative::kThisWeek: {
      const Date monday = AddDays(today, 1 - IsoWeekday(today));
      return Days(monday, AddDays(monday, 6), offset);
    }
    case Relative::kLastWeek: {
      const Date monday = AddDays(today, 1 - IsoWeekday(today) - 7);
      return Days(monday, AddDays(monday, 6), offset);
    }
    case Relative::kThisMonth:
      return Days(FirstOfMonth(today.year, today.month), LastOfMonth(today.year, today.month), offset);
    case Relative::kLastMonth: {
      const int year = today.month == 1 ? today.year - 1 : today.year;
      const int month = today.month == 1 ? 12 : today.month - 1;
      return Days(FirstOfMonth(year, month), LastOfMonth(year, month), offset);
    }
    case Relative::kThisYear: return Days(Date{today.year, 1, 1}, Date{today.year, 12, 31}, offset);
    case Relative::kLastYear: return Days(Date{today.year - 1, 1, 1}, Date{today.year - 1, 12, 31}, offset);
    case Relative::kLastNDays: return Days(AddDays(today, 1 - count), today, offset);
    case Relative::kLastNHours: return InstantRange{context.now - count * kMicrosPerHour, context.now};
  }
  return {};
}

}  // namespace

TimeContext ContextFor(const Plan& plan, const TimeContext& context) {
  if (!plan.time_zone) return context;
  return TimeContext{context.now, *plan.time_zone};
}

InstantRange Resolve(const Period& period, const TimeContext& context) {
  if (period.relative) return ResolveRelative(*period.relative, period.count.value_or(1), context);
  InstantRange range;
  if (period.from) range.from = ToInstant(period.from->value, context.offset);
  if (period.to) {
    const PeriodBound& to = *period.to;
    const DateTime end = to.has_time ? to.value : DateTime{AddDays(to.value.date, 1), 0};
    range.to = ToInstant(end, context.offset);
  }
  return range;
}

std::optional<Instant> ResolveMoment(const Plan& plan, const TimeContext& context) {
  if (!plan.as_of) return std::nullopt;
  const Moment& moment = *plan.as_of;
  if (moment.has_time) return ToInstant(moment.value, context.offset) + 1;
  return ToInstant(DateTime{AddDays(moment.value.date, 1), 0}, context.offset);
}

}  // namespace videobot::plan
