#include "service/comparison_answer.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cstdint>
#include <optional>

#include "plan/comparison.hpp"
#include "service/explanation.hpp"
#include "sql/compiler.hpp"

namespace videobot::service {
namespace {

using plan::Field;
using plan::Period;
using plan::PeriodBound;

constexpr std::array<std::string_view, 12> kMonthsGenitive{"января",   "февраля", "марта",  "апреля",
                                                           "мая",      "июня",    "июля",   "августа",
                                                           "сентября", "октября", "ноября", "декабря"};
constexpr std::array<std::string_view, 12> kMonthsNominative{
    "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"};

std::string DayText(const Date& date) {
  return fmt::format("{} {} {}", date.day, kMonthsGenitive[static_cast<std::size_t>(date.month - 1)], date.year);
}

std::string BoundText(const PeriodBound& bound) {
  if (!bound.has_time) return DayText(bound.value.date);
  const DateTime& at = bound.value;
  return fmt::format("{} {:02}:{:02}", DayText(at.date), at.seconds_of_day / 3600, at.seconds_of_day / 60 % 60);
}

std::string RelativeText(const Period& period) {
  const int count = period.count.value_or(0);
  switch (*period.relative) {
    case plan::Relative::kToday: return "сегодня";
    case plan::Relative::kYesterday: return "вчера";
    case plan::Relative::kThisWeek: return "эта неделя";
    case plan::Relative::kLastWeek: return "прошлая неделя";
    case plan::Relative::kThisMonth: return "этот месяц";
    case plan::Relative::kLastMonth: return "прошлый месяц";
    case plan::Relative::kThisYear: return "этот год";
    case plan::Relative::kLastYear: return "прошлый год";
    case plan::Relative::kLastNDays: return fmt::format("последние {} дн.", count);
    case plan::Relative::kLastNHours: return fmt::format("последние {} ч", count);
  }
  return "период";
}

bool IsWholeDays(const Period& period) {
  return period.from && period.to && !period.from->has_time && !period.to->has_time;
}

std::string PeriodText(const Period& period) {
  if (period.relative) return RelativeText(period);
  if (IsWholeDays(period)) {
    const Date& from = period.from->value.date;
    const Date& to = period.to->value.date;
    if (from == to) return DayText(from);
    if (from.year == to.year && from.month == 1 && from.day == 1 && to.month == 12 && to.day == 31) {
      return fmt::format("{} год", from.year);
    }
    if (from.year == to.year && from.month == to.month && from.day == 1 && to.day == DaysInMonth(to.year, to.month)) {
      return fmt::format("{} {}", kMonthsNominative[static_cast<std::size_t>(from.month - 1)], from.year);
    }
  }
  std::string text;
  if (period.from) text = "с " + BoundText(*period.from);
  if (period.to) text += std::string(text.empty() ? "" : " ") + "по " + BoundText(*period.to);
  return text;
}

std::string MetricNominative(Field field) {
  if (const metrics::Metric* metric = plan::MetricOf(field)) {
    return plan::IsDeltaField(field) ? "прирост " + std::string(metric->genitive) : std::string(metric->nominative);
  }
  switch (plan::KeyOf(field).value()) {
    case plan::KeyField::kVideoId: return "видео";
    case plan::KeyField::kCreatorId: return "креаторы";
    case plan::KeyField::kPublicationDate: return "дни публикации";
    case plan::KeyField::kMeasurementDate: return "дни замеров";
  }
  return "значение";
}

std::string CreatorsText(const std::vector<std::string>& ids) {
  std::string text = ids.size() == 1 ? "креатор" : "креаторы";
  for (std::size_t i = 0; i < ids.size(); ++i) text += (i == 0 ? " " : ", ") + ids[i];
  return text;
}

std::optional<std::int64_t> ParseInteger(const std::string& text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::pair<std::string, std::string> ComparisonLabels(const plan::Plan& plan) {
  const plan::Plan a = plan::ComparisonSideA(plan);
  const plan::Plan b = plan::ComparisonSideB(plan);
  std::string a_label;
  std::string b_label;
  const auto add = [&](const std::string& x, const std::string& y) {
    a_label += (a_label.empty() ? "" : ", ") + x;
    b_label += (b_label.empty() ? "" : ", ") + y;
  };
  if (a.filters.creator_ids != b.filters.creator_ids)
    add(CreatorsText(a.filters.creator_ids), CreatorsText(b.filters.creator_ids));
  if (a.field != b.field && a.field && b.field) add(MetricNominative(*a.field), MetricNominative(*b.field));
  if (a.filters.published != b.filters.published && a.filters.published && b.filters.published) {
    add(PeriodText(*a.filters.published), PeriodText(*b.filters.published));
  }
  if (a.filters.measured != b.filters.measured && a.filters.measured && b.filters.measured) {
    add(PeriodText(*a.filters.measured), PeriodText(*b.filters.measured));
  }
  if (a.as_of != b.as_of && a.as_of && b.as_of) add("на " + BoundText(*a.as_of), "на " + BoundText(*b.as_of));
  if (a_label.empty() || a_label == b_label) return {"A", "B"};
  return {a_label, b_label};
}

Result<ComparisonResult> CompareValues(const plan::Plan& plan, const std::string& a, const std::string& b) {
  const auto [a_label, b_label] = ComparisonLabels(plan);
  ComparisonResult result{plan.compare->mode, a_label, b_label, a, b, ""};
  if (result.mode == plan::CompareMode::kBoth) return result;
  const auto x = ParseInteger(a);
  const auto y = ParseInteger(b);
  if (!x || !y) {
    return Fail(ErrorCode::kNoData,
                fmt::format("Разницу дробных значений бот не считает: {} — {}, {} — {}.", a_label, a, b_label, b));
  }
  if (result.mode == plan::CompareMode::kDifference) {
    const auto difference = plan::ExactDifference(*x, *y);
    if (!difference) return Fail(ErrorCode::kValueOutOfRange, "Разница слишком велика, чтобы посчитать её точно.");
    result.result = std::to_string(*difference);
    return result;
  }
  if (*y == 0) {
    return Fail(ErrorCode::kNoData,
                fmt::format("Процент изменения посчитать нельзя: значение, с которым сравнивают ({}), равно 0, "
                            "а {} — {}.",
                            b_label, a_label, a));
  }
  const auto percent = plan::ExactPercent(*x, *y);
  if (!percent) return Fail(ErrorCode::kValueOutOfRange, "Процент слишком велик, чтобы посчитать его точно.");
  result.result = *percent;
  return result;
}

std::string ComparisonText(const ComparisonResult& comparison) {
  if (comparison.mode != plan::CompareMode::kBoth) return comparison.result;
  return fmt::format("{} {}\n{} {}", comparison.a_label, comparison.a, comparison.b_label, comparison.b);
}

}  // namespace videobot::service

namespace videobot::service {

std::string DescribeComparisonQueries(const plan::Plan& plan, sql::Dialect dialect, const plan::TimeContext& context) {
  const auto [a_label, b_label] = ComparisonLabels(plan);
  const auto describe = [&](const plan::Plan& side) {
    return DescribeQuery(sql::Compile(side, sql::CompileOptions{dialect, context}), dialect, context.offset);
  };
  return fmt::format("-- A: {}\n{}\n\n-- B: {}\n{}", a_label, describe(plan::ComparisonSideA(plan)), b_label,
                     describe(plan::ComparisonSideB(plan)));
}

std::string DescribeComparison(const plan::Plan& plan, const plan::TimeContext& context) {
  const auto [a_label, b_label] = ComparisonLabels(plan);
  std::string_view how = "Ответ: A − B (может быть отрицательным).";
  if (plan.compare->mode == plan::CompareMode::kPercent) {
    how = "Ответ: (A − B) / B × 100, два знака после точки, округление половины от нуля; при B = 0 не считается.";
  } else if (plan.compare->mode == plan::CompareMode::kBoth) {
    how = "Ответ: оба значения, A и B, по строке на каждое.";
  }
  return fmt::format("Сравнение двух значений. {}\nA — {}:\n{}\nB — {}:\n{}", how, a_label,
                     DescribePlan(plan::ComparisonSideA(plan), context), b_label,
                     DescribePlan(plan::ComparisonSideB(plan), context));
}

}  // namespace videobot::service
