#include "service/explanation.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "service/coverage_guard.hpp"

namespace videobot::service {
namespace {

using plan::Aggregate;
using plan::Field;
using plan::Source;

// The counter a field measures, in the genitive plural («просмотров»); "" for key fields.
std::string_view CounterGenitive(Field field) {
  const metrics::Metric* metric = plan::MetricOf(field);
  return metric != nullptr ? metric->genitive : std::string_view();
}

// A numeric field as a noun phrase: «число просмотров», «прирост просмотров за замер».
std::string NumericNoun(Field field) {
  if (plan::IsDeltaField(field)) return fmt::format("прирост {} за замер", CounterGenitive(field));
  return fmt::format("число {}", CounterGenitive(field));
}

// A key field counted distinctly, in the genitive plural: «разных авторов».
std::string_view DistinctKeyGenitive(Field field) {
  const auto key = plan::KeyOf(field);
  if (!key) return "разных значений";
  switch (*key) {
    case plan::KeyField::kVideoId: return "разных видео";
    case plan::KeyField::kCreatorId: return "разных авторов";
    case plan::KeyField::kPublicationDate: return "разных дней публикации";
    case plan::KeyField::kMeasurementDate: return "разных дней замеров";
  }
  return "разных значений";
}

// What one row of the plan's source is, in the genitive plural.
std::string_view RowsGenitive(Source source) {
  switch (source) {
    case Source::kVideos:
    case Source::kState: return "видео";
    case Source::kSnapshots: return "замеров статистики";
  }
  return "строк";
}

std::string_view SourceDescription(Source source) {
  switch (source) {
    case Source::kVideos: return "итоговые счётчики каждого видео (таблица видео)";
    case Source::kSnapshots: return "почасовые замеры статистики видео (счётчики и прирост между замерами)";
    case Source::kState:
      return "счётчики каждого видео на заданный момент (по его последнему замеру не позже этого момента, 0 до первого замера)";
  }
  return "";
}

// What a ranking's values are, in three cases: «число лайков» / «числом лайков» / «числу лайков».
struct Measure {
  std::string_view nominative;
  std::string_view instrumental;
  std::string_view dative;
};

// How an aggregate is named: as an adjective agreeing with «число» (neuter) and «прирост»
// (masculine) in a ranking's measure, and before a value's noun in an explanation. A count and a
// sum name themselves (no adjective, no value words).
struct AggregateWords {
  Aggregate aggregate;
  Measure neuter;
  Measure masculine;
  std::string_view value;  ///< «среднее значение» in «среднее значение: число лайков»
};

constexpr AggregateWords kAggregateWords[] = {
    {Aggregate::kCount, {}, {}, {}},
    {Aggregate::kCountDistinct, {}, {}, {}},
    {Aggregate::kSum, {}, {}, {}},
    {Aggregate::kAvg, {"среднее ", "средним ", "среднему "}, {"средний ", "средним ", "среднему "}, "среднее значение"},
    {Aggregate::kMin,
     {"минимальное ", "минимальным ", "минимальному "},
     {"минимальный ", "минимальным ", "минимальному "},
     "наименьшее значение"},
    {Aggregate::kMax,
     {"максимальное ", "максимальным ", "максимальному "},
     {"максимальный ", "максимальным ", "максимальному "},
     "наибольшее значение"},
};

const AggregateWords& WordsOf(Aggregate aggregate) {
  for (const AggregateWords& words : kAggregateWords) {
    if (words.aggregate == aggregate) return words;
  }
  throw std::logic_error("an aggregate without words in kAggregateWords");
}

bool IsCount(Aggregate aggregate) { return aggregate == Aggregate::kCount || aggregate == Aggregate::kCountDistinct; }

// «число видео», «сумма прироста просмотров по замерам», «среднее значение: число лайков» …
std::string WhatWasComputed(const plan::Plan& plan) {
  if (plan.aggregate == Aggregate::kCount) return fmt::format("число {}", RowsGenitive(plan.source));
  if (plan.aggregate == Aggregate::kCountDistinct) {
    return fmt::format("число {}", DistinctKeyGenitive(plan.field.value_or(Field::kVideoId)));
  }
  const Field field = plan.field.value_or(Field::kViews);
  const std::string noun = NumericNoun(field);
  if (plan.aggregate == Aggregate::kSum) {
    return plan::IsDeltaField(field) ? fmt::format("сумма прироста {} по замерам", CounterGenitive(field))
                                     : fmt::format("сумма: {}", noun);
  }
  return fmt::format("{}: {}", WordsOf(plan.aggregate).value, noun);
}

std::string_view OperatorWords(plan::CompareOp op) {
  switch (op) {
    case plan::CompareOp::kGreater: return "больше";
    case plan::CompareOp::kGreaterEqual: return "не меньше";
    case plan::CompareOp::kLess: return "меньше";
    case plan::CompareOp::kLessEqual: return "не больше";
    case plan::CompareOp::kEqual: return "равно";
    case plan::CompareOp::kNotEqual: return "не равно";
  }
  return "";
}

std::string ConditionText(const plan::Condition& condition) {
  return fmt::format("{} {} {}", NumericNoun(condition.field), OperatorWords(condition.op),
                     GroupDigits(condition.value));
}

std::string Quoted(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& value : values) out += fmt::format("{}«{}»", out.empty() ? "" : ", ", value);
  return out;
}

// «с 28.11.2025 00:00 по 29.11.2025 00:00 (UTC), конец не включён».
std::string RangeText(const plan::InstantRange& range, UtcOffset offset) {
  const std::string zone = ZoneLabel(offset);
  if (range.from && range.to) {
    return fmt::format("с {} по {} ({}), конец не включён", FormatMoment(*range.from, offset),
                       FormatMoment(*range.to, offset), zone);
  }
  if (range.from) return fmt::format("с {} ({}) и позже", FormatMoment(*range.from, offset), zone);
  if (range.to) return fmt::format("до {} ({}), не включая этот момент", FormatMoment(*range.to, offset), zone);
  return "за всё время";
}

std::string VideosLine(const plan::Plan& plan, const plan::TimeContext& context) {
  const auto& f = plan.filters;
  std::vector<std::string> parts;
  if (!f.creator_ids.empty()) {
    parts.push_back(fmt::format("{} {}", f.creator_ids.size() == 1 ? "автора" : "авторов", Quoted(f.creator_ids)));
  }
  if (!f.video_ids.empty()) parts.push_back(fmt::format("с id {}", Quoted(f.video_ids)));
  if (f.published) {
    parts.push_back(fmt::format("опубликованные {}", RangeText(plan::Resolve(*f.published, context), context.offset)));
  }
  if (plan.source == Source::kState && plan.as_of) parts.emplace_back("опубликованные до этого момента");
  if (parts.empty()) return "Какие видео: все.";
  return fmt::format("Какие видео: {}.", fmt::join(parts, "; "));
}

std::string MomentLine(const plan::Plan& plan, const plan::TimeContext& context) {
  const auto end = plan::ResolveMoment(plan, context);
  if (!end || !plan.as_of) return {};
  const std::string zone = ZoneLabel(context.offset);
  if (plan.as_of->has_time) {
    return fmt::format("Момент: {} ({}) включительно — учтены замеры не позже него.",
                       FormatMoment(*end - 1, context.offset), zone);
  }
  const Date& day = plan.as_of->value.date;
  return fmt::format("Момент: конец дня {:02}.{:02}.{:04} — учтены замеры до {} ({}), не включая этот момент.", day.day,
                     day.month, day.year, FormatMoment(*end, context.offset), zone);
}

std::string_view GroupNoun(plan::GroupBy group_by) {
  switch (group_by) {
    case plan::GroupBy::kCreator: return "по авторам";
    case plan::GroupBy::kVideo: return "по видео";
    case plan::GroupBy::kPublicationDate: return "по дням публикации";
    case plan::GroupBy::kMeasurementDate: return "по дням замеров";
  }
  return "";
}

// What a ranking's values are, in three cases (see Measure).
struct RankingWords {
  std::string nominative;
  std::string instrumental;
  std::string dative;
};

RankingWords RankingMeasure(const plan::Plan& plan) {
  const Field field = plan.field.value_or(Field::kViews);
  std::string_view counted = CounterGenitive(field);
  if (plan.aggregate == Aggregate::kCount) counted = RowsGenitive(plan.source);
  if (plan.aggregate == Aggregate::kCountDistinct) counted = DistinctKeyGenitive(plan.field.value_or(Field::kVideoId));
  // «прирост» is masculine, «число» neuter; the adjective of avg/max/min agrees with it.
  const bool growth = !IsCount(plan.aggregate) && plan::IsDeltaField(field);
  const Measure noun = growth ? Measure{"прирост", "приростом", "приросту"} : Measure{"число", "числом", "числу"};
  const AggregateWords& words = WordsOf(plan.aggregate);
  const Measure& adjective = growth ? words.masculine : words.neuter;
  return RankingWords{fmt::format("{}{} {}", adjective.nominative, noun.nominative, counted),
                      fmt::format("{}{} {}", adjective.instrumental, noun.instrumental, counted),
                      fmt::format("{}{} {}", adjective.dative, noun.dative, counted)};
}

std::string_view GroupSingular(plan::GroupBy group_by) {
  switch (group_by) {
    case plan::GroupBy::kCreator: return "Креатор";
    case plan::GroupBy::kVideo: return "Видео";
    case plan::GroupBy::kPublicationDate: return "День публикации";
    case plan::GroupBy::kMeasurementDate: return "День замеров";
  }
  return "";
}

std::string_view GroupGenitive(plan::GroupBy group_by) {
  switch (group_by) {
    case plan::GroupBy::kCreator: return "креаторов";
    case plan::GroupBy::kVideo: return "видео";
    case plan::GroupBy::kPublicationDate: return "дней публикации";
    case plan::GroupBy::kMeasurementDate: return "дней замеров";
  }
  return "";
}

std::string GroupingLine(const plan::Plan& plan) {
  if (!plan.group_by) return {};
  const bool ascending = plan.order == plan::Order::kAsc;
  return fmt::format("Группировка: {}; показаны первые {} по {} значения.", GroupNoun(*plan.group_by),
                     plan.limit.value_or(10), ascending ? "возрастанию" : "убыванию");
}

std::string_view BucketWords(plan::Bucket bucket) {
  switch (bucket) {
    case plan::Bucket::kHour: return "по часам";
    case plan::Bucket::kDay: return "по дням";
    case plan::Bucket::kWeek: return "по неделям (с понедельника по воскресенье, ключ — дата понедельника)";
    case plan::Bucket::kMonth: return "по месяцам";
  }
  return "";
}

// What one line of a series holds: the value per bucket, the bucket size, which time, the zone.
std::string SeriesLine(const plan::Plan& plan, const plan::TimeContext& context) {
  if (!plan.series) return {};
  const bool measurement = plan.series->time == plan::SeriesTime::kMeasurement;
  const std::string zone = context.offset.minutes == 0 ? "UTC" : "UTC" + FormatUtcOffset(context.offset);
  return fmt::format(
      "Ряд: это значение {} {}, в часовом поясе {}; каждый интервал периода показан отдельной строкой, 0 — если "
      "ничего не было.",
      BucketWords(plan.series->bucket), measurement ? "времени замера" : "времени публикации", zone);
}

}  // namespace

std::string SeriesTitle(const plan::Plan& plan) {
  if (!plan.series) return {};
  const Field field = plan.field.value_or(Field::kViews);
  std::string what;
  if (plan.aggregate == Aggregate::kCount) {
    what = fmt::format("Число {}", RowsGenitive(plan.source));
  } else if (plan.aggregate == Aggregate::kCountDistinct) {
    what = fmt::format("Число {}", DistinctKeyGenitive(plan.field.value_or(Field::kVideoId)));
  } else {
    what = fmt::format("{} {}", plan::IsDeltaField(field) ? "Прирост" : "Сумма", CounterGenitive(field));
  }
  const std::string_view bucket = plan.series->bucket == plan::Bucket::kHour   ? "по часам"
                                  : plan.series->bucket == plan::Bucket::kDay  ? "по дням"
                                  : plan.series->bucket == plan::Bucket::kWeek ? "по неделям"
                                                                               : "по месяцам";
  const bool published = plan.series->time == plan::SeriesTime::kPublication;
  return fmt::format("{} {}{}", what, bucket, published ? " публикации" : "");
}

std::string RankingValueLabel(const plan::Plan& plan) {
  if (!plan.group_by) return {};
  return RankingMeasure(plan).nominative;
}

// «01.11.2025–30.11.2025» for whole local days (the end day included), «28.11.2025 10:00 –
// 28.11.2025 15:00» otherwise; an open end is «с …» or «до …».
std::string CompactRange(const plan::InstantRange& range, UtcOffset offset) {
  const auto whole_day = [offset](Instant at) { return ToLocal(at, offset).seconds_of_day == 0; };
  const auto day = [offset](Instant at) {
    const Date d = ToLocal(at, offset).date;
    return fmt::format("{:02}.{:02}.{:04}", d.day, d.month, d.year);
  };
  if (range.from && range.to && whole_day(*range.from) && whole_day(*range.to)) {
    const Instant last_day = *range.to - kMicrosPerSecond * 86400;
    if (last_day <= *range.from) return day(*range.from);
    return fmt::format("{}–{}", day(*range.from), day(last_day));
  }
  if (range.from && range.to)
    return fmt::format("{} – {}", FormatMoment(*range.from, offset), FormatMoment(*range.to, offset));
  if (range.from) return fmt::format("с {}", FormatMoment(*range.from, offset));
  if (range.to) return fmt::format("до {}", FormatMoment(*range.to, offset));
  return "за всё время";
}

std::string ChartSubtitle(const plan::Plan& plan, const plan::TimeContext& given) {
  const plan::TimeContext context = plan::ContextFor(plan, given);
  const auto& f = plan.filters;
  std::vector<std::string> parts;
  if (f.measured) parts.push_back("замеры " + CompactRange(plan::Resolve(*f.measured, context), context.offset));
  if (!f.creator_ids.empty()) {
    parts.push_back(fmt::format("{} {}", f.creator_ids.size() == 1 ? "автор" : "авторы", Quoted(f.creator_ids)));
  }
  if (!f.video_ids.empty()) parts.push_back(fmt::format("видео {}", Quoted(f.video_ids)));
  if (f.published) {
    parts.push_back("опубликованные " + CompactRange(plan::Resolve(*f.published, context), context.offset));
  }
  if (f.hours_after_publication) {
    parts.push_back(fmt::format("первые {} ч после публикации", *f.hours_after_publication));
  }
  for (const auto& condition : f.conditions) parts.push_back(ConditionText(condition));
  if (const auto moment = plan::ResolveMoment(plan, context); moment && plan.as_of) {
    parts.push_back("на " + FormatMoment(plan.as_of->has_time ? *moment - 1 : *moment, context.offset));
  }
  if (!parts.empty() || context.offset.minutes != 0) parts.push_back("время " + ZoneLabel(context.offset));
  return fmt::format("{}", fmt::join(parts, " · "));
}

std::string RankingTitle(const plan::Plan& plan) {
  if (!plan.group_by) return {};
  const int limit = plan.limit.value_or(10);
  const bool ascending = plan.order == plan::Order::kAsc;
  const RankingWords measure = RankingMeasure(plan);
  if (limit == 1) {
    return fmt::format("{} с {} {}", GroupSingular(*plan.group_by), ascending ? "наименьшим" : "наибольшим",
                       measure.instrumental);
  }
  if (ascending) {
    return fmt::format("{} {} с наименьшим {}", limit, GroupGenitive(*plan.group_by), measure.instrumental);
  }
  return fmt::format("Топ-{} {} по {}", limit, GroupGenitive(*plan.group_by), measure.dative);
}

std::string DescribePlan(const plan::Plan& plan, const plan::TimeContext& context) {
  std::vector<std::string> lines;
  lines.push_back(fmt::format("Посчитано: {}.", WhatWasComputed(plan)));
  lines.push_back(fmt::format("Откуда: {}.", SourceDescription(plan.source)));
  if (auto moment = MomentLine(plan, context); !moment.empty()) lines.push_back(std::move(moment));
  lines.push_back(VideosLine(plan, context));
  const auto& f = plan.filters;
  if (f.measured) {
    lines.push_back(fmt::format("Период замеров: {}.", RangeText(plan::Resolve(*f.measured, context), context.offset)));
  }
  if (f.hours_after_publication) {
    lines.push_back(
        fmt::format("Замеры: только за первые {} ч после публикации каждого видео.", *f.hours_after_publication));
  }
  if (!f.conditions.empty()) {
    std::vector<std::string> conditions;
    for (const auto& condition : f.conditions) conditions.push_back(ConditionText(condition));
    lines.push_back(fmt::format("Условия: {}.", fmt::join(conditions, "; ")));
  }
  if (auto grouping = GroupingLine(plan); !grouping.empty()) lines.push_back(std::move(grouping));
  if (auto series = SeriesLine(plan, context); !series.empty()) lines.push_back(std::move(series));
  if (plan.time_zone) {
    lines.push_back(fmt::format("Часовой пояс {} назван в вопросе: дни, месяцы и периоды считаны в нём.",
                                ZoneLabel(*plan.time_zone)));
  }
  return fmt::format("{}", fmt::join(lines, "\n"));
}

std::optional<plan::Plan> RowCountPlan(const plan::Plan& plan) {
  if (plan.action != plan::Action::kQuery) return std::nullopt;
  plan::Plan count = plan;
  count.aggregate = Aggregate::kCount;
  count.field.reset();
  count.group_by.reset();
  count.order.reset();
  count.limit.reset();
  count.series.reset();
  count.compare.reset();
  return count;
}

std::string DescribeRowCount(const plan::Plan& plan, std::int64_t rows) {
  return fmt::format("Учтено строк: {} ({}).", GroupDigits(rows),
                     plan.source == Source::kSnapshots ? "замеры статистики" : "видео");
}

std::string FormatIsoInZone(Instant instant, UtcOffset offset) {
  const Instant shifted = instant + static_cast<Instant>(offset.minutes) * 60 * kMicrosPerSecond;
  const Instant micros = ((shifted % kMicrosPerSecond) + kMicrosPerSecond) % kMicrosPerSecond;
  const std::string fraction = micros == 0 ? "" : fmt::format(".{:06}", micros);
  const std::string zone = offset.minutes == 0 ? "Z" : FormatUtcOffset(offset);
  return fmt::format("{}{}{}", FormatDateTime(ToLocal(instant, offset)), fraction, zone);
}

std::string FormatIsoDuration(std::int64_t micros) {
  if (micros == 0) return "PT0S";
  const bool negative = micros < 0;
  // Magnitudes fit: a plan's durations are hours after publication and zone offsets.
  std::uint64_t rest = negative ? 0 - static_cast<std::uint64_t>(micros) : static_cast<std::uint64_t>(micros);
  const std::uint64_t days = rest / kMicrosPerDay;
  rest %= kMicrosPerDay;
  const std::uint64_t hours = rest / kMicrosPerHour;
  rest %= kMicrosPerHour;
  const std::uint64_t minutes = rest / (60 * kMicrosPerSecond);
  rest %= 60 * kMicrosPerSecond;
  const std::uint64_t seconds = rest / kMicrosPerSecond;
  const std::uint64_t fraction = rest % kMicrosPerSecond;
  std::string out = negative ? "-P" : "P";
  if (days != 0) out += fmt::format("{}D", days);
  if (hours != 0 || minutes != 0 || seconds != 0 || fraction != 0) out += "T";
  if (hours != 0) out += fmt::format("{}H", hours);
  if (minutes != 0) out += fmt::format("{}M", minutes);
  if (fraction != 0) {
    out += fmt::format("{}.{:06}S", seconds, fraction);
  } else if (seconds != 0) {
    out += fmt::format("{}S", seconds);
  }
  return out;
}

std::string GroupDigits(std::int64_t value) {
  const std::string digits =
      fmt::format("{}", value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

std::string DescribeQuery(const sql::Query& query, sql::Dialect dialect, UtcOffset offset) {
  std::string out = query.text;
  const char sigil = dialect == sql::Dialect::kPostgres ? '$' : '?';
  for (std::size_t i = 0; i < query.params.size(); ++i) {
    const auto& param = query.params[i];
    const sql::ParamMeaning meaning = i < query.meanings.size() ? query.meanings[i] : sql::ParamMeaning{};
    std::string shown;
    switch (meaning.kind) {
      case sql::ParamKind::kInstant: shown = fmt::format("'{}'", FormatIsoInZone(meaning.micros, offset)); break;
      case sql::ParamKind::kMicroseconds:
        shown = fmt::format("{} µs = {}", meaning.micros, FormatIsoDuration(meaning.micros));
        break;
      case sql::ParamKind::kInteger:
      case sql::ParamKind::kText:
        shown = std::holds_alternative<std::int64_t>(param) ? fmt::format("{}", std::get<std::int64_t>(param))
                                                            : fmt::format("'{}'", std::get<std::string>(param));
        break;
    }
    out += fmt::format("\n  {}{} = {}", sigil, i + 1, shown);
  }
  return out;
}

}  // namespace videobot::service
