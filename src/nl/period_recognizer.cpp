#include "nl/period_recognizer.hpp"

#include "nl/number_recognizer.hpp"
#include "nl/token_match.hpp"
#include "nl/word_tables.hpp"

namespace videobot::nl {
namespace {

using plan::Relative;

constexpr int kMaxRelativeCount = 3660;

std::optional<PeriodExpr> RelativeResult(Relative relative, std::size_t length, int count = 0) {
  PeriodExpr expr;
  expr.relative = relative;
  expr.count = count;
  expr.length = length;
  return expr;
}

// "за последние 7 дней", "за последний час", "за последние сутки", "за последнюю неделю".
std::optional<PeriodExpr> LastN(std::span<const Token> tokens, std::size_t pos) {
  if (!AnyWordAt(tokens, pos, kLastWords)) {
    return std::nullopt;
  }
  std::size_t p = pos + 1;
  int n = 0;
  if (auto number = RecognizeNumber(tokens, p)) {
    if (number->value < 1 || number->value > kMaxRelativeCount) return std::nullopt;
    n = static_cast<int>(number->value);
    p += number->length;
  }
  if (p >= tokens.size()) return std::nullopt;
  const Token& unit = tokens[p];
  const std::size_t length = p + 1 - pos;
  if (IsAnyWord(unit, kFullDayUnits)) {
    const int hours = 24 * (n == 0 ? 1 : n);
    if (hours > kMaxRelativeCount) return std::nullopt;
    return RelativeResult(Relative::kLastNHours, length, hours);
  }
  if (IsAnyWord(unit, kDayUnits)) {
    if (n == 0) return std::nullopt;  // "за последний день": today, or 24 hours?
    return RelativeResult(Relative::kLastNDays, length, n);
  }
  if (IsAnyWord(unit, kRelativeHourUnits)) return RelativeResult(Relative::kLastNHours, length, n == 0 ? 1 : n);
  if (IsAnyWord(unit, kWeekUnits)) {
    const int days = 7 * (n == 0 ? 1 : n);
    if (days > kMaxRelativeCount) return std::nullopt;
    return RelativeResult(Relative::kLastNDays, length, days);
  }
  return std::nullopt;
}

// "на прошлой неделе", "в этом месяце", "в прошлом году".
std::optional<PeriodExpr> NamedUnit(std::span<const Token> tokens, std::size_t pos) {
  if (pos + 1 >= tokens.size()) return std::nullopt;
  const Token& unit = tokens[pos + 1];
  const Token& which = tokens[pos];
  const bool week = IsAnyWord(unit, kNamedWeekUnits);
  const bool month = IsAnyWord(unit, kNamedMonthUnits);
  const bool year = IsAnyWord(unit, kNamedYearUnits);
  if (week) {
    if (IsAnyWord(which, kLastWeekWords)) {
      return RelativeResult(Relative::kLastWeek, 2);
    }
    if (IsAnyWord(which, kThisWeekWords)) {
      return RelativeResult(Relative::kThisWeek, 2);
    }
    return std::nullopt;
  }
  if (!month && !year) return std::nullopt;
  if (IsAnyWord(which, kLastMonthOrYearWords)) {
    return RelativeResult(month ? Relative::kLastMonth : Relative::kLastYear, 2);
  }
  if (IsAnyWord(which, kThisMonthOrYearWords)) {
    return RelativeResult(month ? Relative::kThisMonth : Relative::kThisYear, 2);
  }
  return std::nullopt;
}

std::optional<PeriodExpr> RelativeAt(std::span<const Token> tokens, std::size_t pos) {
  if (pos >= tokens.size()) return std::nullopt;
  const Token& token = tokens[pos];
  for (const auto& [word, relative] : kRelativeDayWords) {
    if (IsWord(token, word)) return RelativeResult(relative, 1);
  }
  if (IsAnyWord(token, kDayBeforeYesterdayWords)) {
    PeriodExpr expr;
    expr.days_ago = 2;
    expr.length = 1;
    return expr;
  }
  if (IsAnyWord(token, kYesterdayWords)) {
    const std::size_t length = AnyWordAt(tokens, pos + 1, kYesterdayDayNouns) ? 2 : 1;
    return RelativeResult(Relative::kYesterday, length);
  }
  if (PhraseAt(tokens, pos, kSinceStartPhrases)) {
    for (const auto& [unit, relative] : kSinceStartUnits) {
      if (WordAt(tokens, pos + 2, unit)) return RelativeResult(relative, 3);
    }
    return std::nullopt;
  }
  if (auto last = LastN(tokens, pos)) return last;
  return NamedUnit(tokens, pos);
}

// A range end: a full date or time, or (when allowed) a bare number decided by the other end.
std::optional<DateExpr> ReadPoint(std::span<const Token> tokens, std::size_t pos, bool allow_bare) {
  if (auto date = RecognizeDate(tokens, pos)) return date;
  if (auto time = RecognizeTime(tokens, pos)) return time;
  if (allow_bare) return RecognizeDate(tokens, pos, DateOptions{true});
  return std::nullopt;
}

bool IsTimeOnly(const DateExpr& point) { return point.granularity == Granularity::kNone && point.seconds; }

// Gives a bare number its meaning from the other end: a day of the same month, or an hour.
bool ResolveBare(DateExpr& bare, const DateExpr& other) {
  if (other.bare_number) return false;
  if (other.granularity == Granularity::kDay) {
    if (bare.date.day < 1) return false;
    bare.date.month = other.date.month;
    bare.date.year = other.date.year;
    bare.granularity = Granularity::kDay;
    bare.bare_number = false;
    bare.seconds.reset();
    return true;
  }
  if (IsTimeOnly(other)) {
    if (bare.date.day > 24) return false;
    bare.seconds = bare.date.day * 3600;
    bare.date = PartialDate{};
    bare.granularity = Granularity::kNone;
    bare.bare_number = false;
    return true;
  }
  return false;
}

// "включительно" / "не включительно" / "не включая" after a range end.
void ReadInclusivity(std::span<const Token> tokens, std::size_t& pos, PeriodExpr& expr) {
  std::size_t p = pos;
  if (PunctAt(tokens, p, ',') || PunctAt(tokens, p, '(')) ++p;
  if (AnyWordAt(tokens, p, kIncludedEndWords)) {
    expr.to_exclusive = false;
    pos = p + 1;
    if (PunctAt(tokens, pos, ')') && PunctAt(tokens, p - 1, '(')) ++pos;
  } else if (AnyWordAt(tokens, p, kNegationWords) && AnyWordAt(tokens, p + 1, kInclusiveWords)) {
    expr.to_exclusive = true;
    pos = p + 2;
  }
}

// After a range of times of day, the day they belong to: "с 10:00 до 15:00 28 ноября 2025".
void AttachTrailingDay(std::span<const Token> tokens, std::size_t& pos, PeriodExpr& expr) {
  if (!IsTimeOnly(*expr.from) || !IsTimeOnly(*expr.to)) return;
  std::size_t p = pos;
  if (PunctAt(tokens, p, ',')) ++p;
  auto day = RecognizeDate(tokens, p);
  if (!day || day->granularity != Granularity::kDay || day->seconds) {
    expr.time_only = true;
    return;
  }
  expr.from->date = expr.to->date = day->date;
  expr.from->granularity = expr.to->granularity = Granularity::kDay;
  pos = p + day->length;
}

// "с X по Y", "с X до Y", "от X до Y", "между X и Y", "с X" (open end).
std::optional<PeriodExpr> Range(std::span<const Token> tokens, std::size_t pos) {
  std::size_t p = pos;
  bool between = false;
  if (AnyWordAt(tokens, p, kRangeStartWords)) {
    ++p;
  } else if (AnyWordAt(tokens, p, kStartingWords) && AnyWordAt(tokens, p + 1, kRangeStartWords)) {
    p += 2;
  } else if (AnyWordAt(tokens, p, kBetweenWords)) {
    between = true;
    ++p;
  } else {
    return std::nullopt;
  }
  auto from = ReadPoint(tokens, p, true);
  if (!from) return std::nullopt;
  p += from->length;
  PeriodExpr expr;
  expr.from = from;
  const bool to_inclusive_word = !between && AnyWordAt(tokens, p, kIncludedEndPrepositions);
  const bool to_until_word = !between && AnyWordAt(tokens, p, kUntilWords);
  const bool dash = !between && PunctAt(tokens, p, '-');
  const bool and_word = between && AnyWordAt(tokens, p, kBetweenJoinWords);
  if (!to_inclusive_word && !to_until_word && !dash && !and_word) {
    if (between || from->bare_number) return std::nullopt;
    expr.length = p - pos;  // "с 5 ноября": an open end
    if (IsTimeOnly(*from)) expr.time_only = true;
    return expr;
  }
  ++p;
  auto to = ReadPoint(tokens, p, true);
  if (!to) return std::nullopt;
  p += to->length;
  if (from->bare_number && !ResolveBare(*from, *to)) return std::nullopt;
  if (to->bare_number && !ResolveBare(*to, *from)) return std::nullopt;
  expr.from = from;
  // Times of day: the end is exclusive whatever the word; dates: "до" excludes, "по" and "-" include.
  const bool times = IsTimeOnly(*from) || IsTimeOnly(*to) || to->seconds.has_value();
  if (between && !times) return std::nullopt;  // "между 1 и 5 ноября": are the ends included?
  expr.to = to;
  expr.to_exclusive = to_until_word && !times;
  ReadInclusivity(tokens, p, expr);
  if (IsTimeOnly(*from) != IsTimeOnly(*to)) {
    // "с 28 ноября 10:00 до 15:00": the end is on the start's day; other mixes are unclear.
    if (!IsTimeOnly(*to) || from->granularity != Granularity::kDay || !from->seconds) return std::nullopt;
    expr.to->date = from->date;
    expr.to->granularity = Granularity::kDay;
  }
  AttachTrailingDay(tokens, p, expr);
  expr.length = p - pos;
  return expr;
}

// "до 5 ноября", "по 5 ноября", "после 10:00", "раньше июня".
std::optional<PeriodExpr> OpenEnd(std::span<const Token> tokens, std::size_t pos) {
  std::size_t p = pos;
  bool is_from = false;
  bool exclusive = false;
  if (AnyWordAt(tokens, p, kAfterWords)) {
    is_from = true;
    ++p;
  } else if (AnyWordAt(tokens, p, kBeforeWords)) {
    exclusive = true;
    ++p;
  } else if (AnyWordAt(tokens, p, kIncludedEndPrepositions)) {
    ++p;
  } else if (AnyWordAt(tokens, p, kNegationWords) && AnyWordAt(tokens, p + 1, kNotLaterWords)) {
    p += 2;
  } else {
    return std::nullopt;
  }
  auto point = ReadPoint(tokens, p, false);
  if (!point) return std::nullopt;
  p += point->length;
  PeriodExpr expr;
  if (is_from) {
    expr.from = point;
    expr.from_after = true;
  } else {
    expr.to = point;
    expr.to_exclusive = exclusive;
    ReadInclusivity(tokens, p, expr);
  }
  if (IsTimeOnly(*point)) expr.time_only = true;
  expr.length = p - pos;
  return expr;
}

// "1-5 ноября", "01.11.2025-05.11.2025", or one point "28 ноября 2025".
std::optional<PeriodExpr> PointOrDashRange(std::span<const Token> tokens, std::size_t pos) {
  auto from = ReadPoint(tokens, pos, true);
  if (!from) return std::nullopt;
  std::size_t p = pos + from->length;
  if (PunctAt(tokens, p, '-') && IsTimeOnly(*from)) {
    // "10:00-15:00 28 ноября": a range of times of day.
    auto to = ReadPoint(tokens, p + 1, true);
    if (!to || (to->bare_number && !ResolveBare(*to, *from)) || !IsTimeOnly(*to)) return std::nullopt;
    PeriodExpr expr;
    expr.from = from;
    expr.to = to;
    p += 1 + to->length;
    AttachTrailingDay(tokens, p, expr);
    expr.length = p - pos;
    return expr;
  }
  if (PunctAt(tokens, p, '-') && from->granularity == Granularity::kDay && from->seconds) {
    // "20 ноября 2025 10:00-15:00": the end is a time on the same day.
    auto to = ReadPoint(tokens, p + 1, false);
    if (!to || !IsTimeOnly(*to)) return std::nullopt;
    PeriodExpr expr;
    expr.from = from;
    expr.to = to;
    expr.to->date = from->date;
    expr.to->granularity = Granularity::kDay;
    expr.length = p + 1 + to->length - pos;
    return expr;
  }
  if (PunctAt(tokens, p, '-')) {
    if (auto to = ReadPoint(tokens, p + 1, false); to && !IsTimeOnly(*to) && !IsTimeOnly(*from)) {
      if (from->bare_number && !ResolveBare(*from, *to)) return std::nullopt;
      PeriodExpr expr;
      expr.from = from;
      expr.to = to;
      p += 1 + to->length;
      ReadInclusivity(tokens, p, expr);
      expr.length = p - pos;
      return expr;
    }
  }
  if (from->bare_number || IsTimeOnly(*from)) return std::nullopt;
  PeriodExpr expr;
  expr.from = from;
  expr.to = from;
  expr.single = true;
  expr.length = p - pos;
  return expr;
}

std::optional<PeriodExpr> Core(std::span<const Token> tokens, std::size_t pos) {
  if (auto relative = RelativeAt(tokens, pos)) return relative;
  if (auto range = Range(tokens, pos)) return range;
  if (auto open = OpenEnd(tokens, pos)) return open;
  return PointOrDashRange(tokens, pos);
}

// "начало ноября", "конец 28 ноября" (after "на", "к", "по состоянию на"): a moment at an edge
// of one calendar point.
std::optional<PeriodExpr> EdgeOfPoint(std::span<const Token> tokens, std::size_t pos) {
  MomentEdge edge = MomentEdge::kNone;
  if (AnyWordAt(tokens, pos, kStartWords)) edge = MomentEdge::kStart;
  if (AnyWordAt(tokens, pos, kEndWords)) edge = MomentEdge::kEnd;
  if (edge == MomentEdge::kNone) return std::nullopt;
  auto point = PointOrDashRange(tokens, pos + 1);
  if (!point || !point->single) return std::nullopt;
  point->edge = edge;
  point->as_of = true;
  point->length += 1;
  return point;
}

// "10:00 28 ноября 2025", "10:00, 28.11.2025" (after "на", "к", "по состоянию на"): one instant,
// the time of day said before its day.
std::optional<PeriodExpr> TimeThenDay(std::span<const Token> tokens, std::size_t pos) {
  auto time = RecognizeTime(tokens, pos);
  if (!time || !time->seconds) return std::nullopt;
  std::size_t p = pos + time->length;
  if (PunctAt(tokens, p, ',')) ++p;
  auto day = RecognizeDate(tokens, p);
  if (!day || day->granularity != Granularity::kDay || day->seconds) return std::nullopt;
  DateExpr point = *day;
  point.seconds = time->seconds;
  point.length = p + day->length - pos;
  PeriodExpr expr;
  expr.from = expr.to = point;
  expr.single = true;
  expr.as_of = true;
  expr.length = point.length;
  return expr;
}

// A moment that only a moment word makes a period: an edge of a point or a time before its day.
std::optional<PeriodExpr> MomentOnly(std::span<const Token> tokens, std::size_t pos) {
  if (auto edge = EdgeOfPoint(tokens, pos)) return edge;
  return TimeThenDay(tokens, pos);
}

}  // namespace

std::optional<PeriodExpr> RecognizePeriod(std::span<const Token> tokens, std::size_t pos) {
  if (pos >= tokens.size()) return std::nullopt;
  std::size_t prefix = 0;
  bool moment = false;
  if (PhraseAt(tokens, pos, kThroughoutPhrases)) {
    prefix = 2;
  } else if (AnyWordAt(tokens, pos, kDuringPrepositions)) {
    prefix = 1;
  } else if (AnyWordAt(tokens, pos, kMomentPrepositions)) {
    prefix = 1;
    moment = true;
  }
  if (moment) {
    if (auto at = MomentOnly(tokens, pos + 1)) {
      at->by = AnyWordAt(tokens, pos, kByMomentPrepositions);
      at->length += 1;
      return at;
    }
  }
  // "по состоянию на начало ноября": the lexicon reads "по состоянию на", the moment follows it.
  if (prefix == 0 && pos > 0 && AnyWordAt(tokens, pos - 1, kMomentPrepositions)) {
    if (auto at = MomentOnly(tokens, pos)) return at;
  }
  if (prefix > 0) {
    auto core = Core(tokens, pos + prefix);
    if (!core) return std::nullopt;
    // "на 28 ноября": a moment; "на прошлой неделе" is a period.
    // "на вчера", "на позавчера": the end of that day; "на сегодня": now; "на прошлой неделе"
    // stays a period.
    const bool named_day =
        core->days_ago > 0 || core->relative == Relative::kYesterday || core->relative == Relative::kToday;
    core->as_of = moment && ((!core->relative && core->days_ago == 0) || named_day);
    core->by = core->as_of && AnyWordAt(tokens, pos, kByMomentPrepositions);
    core->length += prefix;
    return core;
  }
  return Core(tokens, pos);
}

}  // namespace videobot::nl
