// Periods as written (period_recognizer) and their resolution against the clock
// (period_resolver): the rules for year-less dates and for inclusive / exclusive ends.

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "nl/normalizer.hpp"
#include "nl/period_recognizer.hpp"
#include "nl/period_resolver.hpp"
#include "nl/tokenizer.hpp"
#include "plan/plan_json.hpp"

namespace videobot::nl {
namespace {

plan::TimeContext At(const char* now, const char* offset = "UTC") {
  return plan::TimeContext{ParseTimestamp(now).value(), ParseUtcOffset(offset).value()};
}

const plan::TimeContext kDecember = At("2025-12-02T12:00:00Z");

// "from..to" as the plan JSON writes them, or "relative:count", or "ERR".
std::string Resolve(const std::string& text, const plan::TimeContext& context = kDecember) {
  const std::string normalized = Normalize(text).value();
  const auto tokens = Tokenize(normalized);
  auto expr = RecognizePeriod(tokens, 0);
  if (!expr) return "NONE";
  if (expr->length != tokens.size()) return "PARTIAL";
  auto period = ResolvePeriod(*expr, context);
  if (!period) return "ERR";
  plan::Plan plan;
  plan.source = plan::Source::kSnapshots;
  plan.filters.measured = *period;
  const auto json = plan::ToJson(plan)["filters"]["measured"];
  if (!json["relative"].is_null()) {
    return json["relative"].get<std::string>() + (json["count"].is_null() ? "" : ":" + json["count"].dump());
  }
  auto end = [](const nlohmann::ordered_json& v) { return v.is_null() ? std::string("-") : v.get<std::string>(); };
  return end(json["from"]) + ".." + end(json["to"]);
}

TEST(Period, SingleDays) {
  EXPECT_EQ(Resolve("28 ноября 2025"), "2025-11-28..2025-11-28");
  EXPECT_EQ(Resolve("28 ноября 2025 года"), "2025-11-28..2025-11-28");
  EXPECT_EQ(Resolve("28.11.2025"), "2025-11-28..2025-11-28");
  EXPECT_EQ(Resolve("2025-11-28"), "2025-11-28..2025-11-28");
  EXPECT_EQ(Resolve("за 28 ноября 2025"), "2025-11-28..2025-11-28");
}

TEST(Period, WholeMonthsAndYears) {
  EXPECT_EQ(Resolve("в июне 2025 года"), "2025-06-01..2025-06-30");
  EXPECT_EQ(Resolve("за май 2025"), "2025-05-01..2025-05-31");
  EXPECT_EQ(Resolve("ноября 2025 года"), "2025-11-01..2025-11-30");
  EXPECT_EQ(Resolve("в феврале 2024"), "2024-02-01..2024-02-29");
  EXPECT_EQ(Resolve("в 2025 году"), "2025-01-01..2025-12-31");
  EXPECT_EQ(Resolve("с июня по август 2025"), "2025-06-01..2025-08-31");
}

TEST(Period, InclusiveDateRanges) {
  EXPECT_EQ(Resolve("с 1 ноября 2025 по 5 ноября 2025 включительно"), "2025-11-01..2025-11-05");
  EXPECT_EQ(Resolve("с 1 по 5 ноября 2025"), "2025-11-01..2025-11-05");
  EXPECT_EQ(Resolve("с 01.10.2025 по 31.10.2025"), "2025-10-01..2025-10-31");
  EXPECT_EQ(Resolve("1-5 ноября 2025"), "2025-11-01..2025-11-05");
  EXPECT_EQ(Resolve("с 1-го по 5-е ноября 2025"), "2025-11-01..2025-11-05");
  EXPECT_EQ(Resolve("с 28 октября по 3 ноября 2025"), "2025-10-28..2025-11-03");
  EXPECT_EQ(Resolve("с 1 ноября 2025 до 5 ноября 2025 включительно"), "2025-11-01..2025-11-05");
}

TEST(Period, ExclusiveAndOpenEnds) {
  EXPECT_EQ(Resolve("с 1 ноября 2025 до 5 ноября 2025"), "2025-11-01..2025-11-05T00:00:00");
  EXPECT_EQ(Resolve("до 5 ноября 2025"), "-..2025-11-05T00:00:00");
  EXPECT_EQ(Resolve("по 5 ноября 2025"), "-..2025-11-05");
  EXPECT_EQ(Resolve("после 5 ноября 2025"), "2025-11-06..-");
  EXPECT_EQ(Resolve("с 5 ноября 2025"), "2025-11-05..-");
  EXPECT_EQ(Resolve("начиная с 5 ноября 2025"), "2025-11-05..-");
  EXPECT_EQ(Resolve("до ноября 2025"), "-..2025-11-01T00:00:00");
}

TEST(Period, TimesOfDay) {
  EXPECT_EQ(Resolve("с 10:00 до 15:00 28 ноября 2025"), "2025-11-28T10:00:00..2025-11-28T15:00:00");
  EXPECT_EQ(Resolve("с 10 до 15 часов 28 ноября 2025"), "2025-11-28T10:00:00..2025-11-28T15:00:00");
  EXPECT_EQ(Resolve("с 10.00 до 15.00 28.11.2025"), "2025-11-28T10:00:00..2025-11-28T15:00:00");
  EXPECT_EQ(Resolve("с 22:00 до 24:00 28 ноября 2025"), "2025-11-28T22:00:00..2025-11-29T00:00:00");
  EXPECT_EQ(Resolve("с 28 ноября 2025 10:00 до 15:00"), "2025-11-28T10:00:00..2025-11-28T15:00:00");
  EXPECT_EQ(Resolve("между 10:00 и 15:00 28 ноября 2025"), "2025-11-28T10:00:00..2025-11-28T15:00:00");
  EXPECT_EQ(Resolve("10:00-15:00 28 ноября 2025"), "2025-11-28T10:00:00..2025-11-28T15:00:00");
  EXPECT_EQ(Resolve("28 ноября 2025 10:00-15:00"), "2025-11-28T10:00:00..2025-11-28T15:00:00");
  EXPECT_EQ(Resolve("с 10 утра до 3 часов дня 28 ноября 2025"), "2025-11-28T10:00:00..2025-11-28T15:00:00");
  EXPECT_EQ(Resolve("с 8 утра до 8 вечера 28 ноября 2025"), "2025-11-28T08:00:00..2025-11-28T20:00:00");
  EXPECT_EQ(Resolve("с 10:00 до 15:00"), "ERR");        // no day
  EXPECT_EQ(Resolve("28 ноября 2025 в 10:00"), "ERR");  // a moment, not a period
}

TEST(Period, YearlessDatesTakeTheMostRecentPast) {
  EXPECT_EQ(Resolve("28 ноября"), "2025-11-28..2025-11-28");
  EXPECT_EQ(Resolve("2 декабря"), "2025-12-02..2025-12-02");  // today
  EXPECT_EQ(Resolve("5 декабря"), "2024-12-05..2024-12-05");  // not yet this year
  EXPECT_EQ(Resolve("за ноябрь"), "2025-11-01..2025-11-30");
  EXPECT_EQ(Resolve("за декабрь"), "2025-12-01..2025-12-31");  // has started
  EXPECT_EQ(Resolve("в январе"), "2025-01-01..2025-01-31");
  EXPECT_EQ(Resolve("с 1 по 5 ноября"), "2025-11-01..2025-11-05");
  EXPECT_EQ(Resolve("с 28 декабря по 3 января"), "2024-12-28..2025-01-03");
  EXPECT_EQ(Resolve("29 февраля"), "2024-02-29..2024-02-29");
}

TEST(Period, YearlessDatesUseTheConfiguredZone) {
  // 22:00 UTC on 31 December is already 1 January in Moscow.
  const auto utc = At("2025-12-31T22:00:00Z");
  const auto moscow = At("2025-12-31T22:00:00Z", "+03:00");
  EXPECT_EQ(Resolve("1 января", utc), "2025-01-01..2025-01-01");
  EXPECT_EQ(Resolve("1 января", moscow), "2026-01-01..2026-01-01");
  EXPECT_EQ(Resolve("за декабрь", moscow), "2025-12-01..2025-12-31");
  EXPECT_EQ(Resolve("в январе", moscow), "2026-01-01..2026-01-31");
}

TEST(Period, Relative) {
  EXPECT_EQ(Resolve("вчера"), "yesterday");
  EXPECT_EQ(Resolve("сегодня"), "today");
  EXPECT_EQ(Resolve("позавчера"), "2025-11-30..2025-11-30");
  EXPECT_EQ(Resolve("за последние 7 дней"), "last_n_days:7");
  EXPECT_EQ(Resolve("за последние семь дней"), "last_n_days:7");
  EXPECT_EQ(Resolve("за последнюю неделю"), "last_n_days:7");
  EXPECT_EQ(Resolve("за последние 2 недели"), "last_n_days:14");
  EXPECT_EQ(Resolve("за последние 5 часов"), "last_n_hours:5");
  EXPECT_EQ(Resolve("за последний час"), "last_n_hours:1");
  EXPECT_EQ(Resolve("за последние сутки"), "last_n_hours:24");
  EXPECT_EQ(Resolve("на прошлой неделе"), "last_week");
  EXPECT_EQ(Resolve("на этой неделе"), "this_week");
  EXPECT_EQ(Resolve("в прошлом месяце"), "last_month");
  EXPECT_EQ(Resolve("в этом месяце"), "this_month");
  EXPECT_EQ(Resolve("за текущий месяц"), "this_month");
  EXPECT_EQ(Resolve("в прошлом году"), "last_year");
  EXPECT_EQ(Resolve("в этом году"), "this_year");
  EXPECT_EQ(Resolve("с начала месяца"), "this_month");
  EXPECT_EQ(Resolve("за вчерашний день"), "yesterday");
}

TEST(Period, NotPeriods) {
  EXPECT_EQ(Resolve("за последний месяц"), "NONE");  // 30 days or the previous month?
  EXPECT_EQ(Resolve("за последний день"), "NONE");
  EXPECT_EQ(Resolve("с 1 по 5"), "NONE");
  EXPECT_EQ(Resolve("от 10 до 20"), "NONE");
  EXPECT_EQ(Resolve("до 100"), "NONE");
  EXPECT_EQ(Resolve("между 1 и 5 ноября"), "NONE");
  EXPECT_EQ(Resolve("за 3 часа"), "NONE");
  EXPECT_EQ(Resolve("31 ноября 2025"), "ERR");
}

TEST(Period, MomentsAreMarked) {
  const std::string normalized = Normalize("на 28 ноября 2025").value();
  const auto tokens = Tokenize(normalized);
  auto expr = RecognizePeriod(tokens, 0);
  ASSERT_TRUE(expr);
  EXPECT_TRUE(expr->as_of);
  EXPECT_FALSE(ResolvePeriod(*expr, kDecember).has_value());
}

// The moment a text names as a state moment, as "YYYY-MM-DD" (the end of that day) or
// "YYYY-MM-DDTHH:MM:SS" (that instant), or the error code's name.
std::string Moment(const char* text) {
  const std::string normalized = Normalize(text).value();
  const auto tokens = Tokenize(normalized);
  auto expr = RecognizePeriod(tokens, 0);
  if (!expr || expr->length != tokens.size() || !expr->as_of) return "NONE";
  auto moment = ResolveMoment(*expr, kDecember);
  if (!moment) return std::string(ErrorCodeName(moment.error().code));
  return moment->has_time ? FormatDateTime(moment->value) : FormatDate(moment->value.date);
}

TEST(Period, MomentsResolveToTheEndOfADayAnInstantOrAnEdge) {
  EXPECT_EQ(Moment("на 28 ноября 2025"), "2025-11-28");
  EXPECT_EQ(Moment("на 28 ноября"), "2025-11-28");
  EXPECT_EQ(Moment("на 28.11.2025 10:00"), "2025-11-28T10:00:00");
  EXPECT_EQ(Moment("на 10:00 28.11.2025"), "2025-11-28T10:00:00");
  EXPECT_EQ(Moment("к 10:00 28 ноября 2025"), "2025-11-28T10:00:00");
  EXPECT_EQ(Moment("на начало ноября"), "2025-11-01T00:00:00");
  EXPECT_EQ(Moment("на конец ноября 2025"), "2025-11-30");
  EXPECT_EQ(Moment("на начало 28 ноября 2025"), "2025-11-28T00:00:00");
  EXPECT_EQ(Moment("к началу декабря 2025"), "2025-12-01T00:00:00");
  EXPECT_EQ(Moment("к концу 2025 года"), "2025-12-31");
  EXPECT_EQ(Moment("на вчера"), "2025-12-01");
  EXPECT_EQ(Moment("на позавчера"), "2025-11-30");
  EXPECT_EQ(Moment("на прошлой неделе"), "NONE");  // a period, not a moment
}

TEST(Period, MomentsWithoutAClearEdgeAreAmbiguous) {
  EXPECT_EQ(Moment("к 1 декабря 2025"), "question_ambiguous");  // its start or its end?
  EXPECT_EQ(Moment("на ноябрь 2025"), "question_ambiguous");
  EXPECT_EQ(Moment("на 31 ноября 2025"), "question_not_understood");
}

}  // namespace
}  // namespace videobot::nl
