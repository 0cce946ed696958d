// Explanations a person can read: the plan in plain Russian with its bounds in the configured
// zone, and the SQL with readable parameters on both engines (never raw microseconds).
#include <gtest/gtest.h>

#include "plan/validator.hpp"
#include "service/explanation.hpp"
#include "sql/compiler.hpp"

namespace videobot::service {
namespace {

constexpr std::string_view kGrowthOnOneDay = R"({"action":"query","refusal_reason":null,"source":"snapshots",
  "aggregate":"sum","field":"delta_views_count","filters":{"creator_ids":null,"video_ids":null,"published":null,
  "measured":{"from":"2025-11-28","to":"2025-11-28","relative":null,"count":null},"hours_after_publication":null,
  "conditions":[]},"group_by":null,"order":null,"limit":null})";

constexpr std::string_view kStateAtTen = R"({"action":"query","refusal_reason":null,"source":"state",
  "aggregate":"count","field":null,"filters":{"creator_ids":null,"video_ids":null,"published":null,"measured":null,
  "hours_after_publication":null,"conditions":[{"field":"views_count","op":">","value":100000}]},
  "group_by":null,"order":null,"limit":null,"as_of":"2025-11-28T10:00"})";

constexpr std::string_view kTopCreators = R"({"action":"query","refusal_reason":null,"source":"videos",
  "aggregate":"sum","field":"views_count","filters":{"creator_ids":["aca1061a9d324ecf8c3fa2bb32d7be63"],
  "video_ids":null,"published":{"from":"2025-11-01","to":null,"relative":null,"count":null},"measured":null,
  "hours_after_publication":null,"conditions":[]},"group_by":"creator","order":"desc","limit":3})";

constexpr std::string_view kFirstHours = R"({"action":"query","refusal_reason":null,"source":"snapshots",
  "aggregate":"sum","field":"delta_comments_count","filters":{"creator_ids":null,"video_ids":null,"published":null,
  "measured":null,"hours_after_publication":1000,"conditions":[]},"group_by":null,"order":null,"limit":null})";

plan::Plan Parse(std::string_view text) {
  auto plan = plan::ParsePlan(text);
  EXPECT_TRUE(plan.has_value()) << (plan ? "" : plan.error().Describe());
  return plan ? *plan : plan::Plan{};
}

const plan::TimeContext kUtc{*ParseTimestamp("2025-12-01T12:00:00Z"), UtcOffset{0}};
const plan::TimeContext kMoscow{*ParseTimestamp("2025-12-01T12:00:00Z"), UtcOffset{180}};

bool Contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST(Explanation, SaysWhatWasSummedAndThePeriodWithItsBounds) {
  const std::string text = DescribePlan(Parse(kGrowthOnOneDay), kUtc);
  EXPECT_TRUE(Contains(text, "Посчитано: сумма прироста просмотров по замерам.")) << text;
  EXPECT_TRUE(Contains(text, "Какие видео: все.")) << text;
  EXPECT_TRUE(Contains(text, "Период замеров: с 28.11.2025 00:00 по 29.11.2025 00:00 (UTC), конец не включён."))
      << text;
  for (std::string_view markup : {"{", "<", "*", "`", "null"}) EXPECT_FALSE(Contains(text, markup)) << text;
}

TEST(Explanation, BoundsAreInTheConfiguredZone) {
  const std::string text = DescribePlan(Parse(kGrowthOnOneDay), kMoscow);
  EXPECT_TRUE(Contains(text, "с 28.11.2025 00:00 по 29.11.2025 00:00 (UTC+03:00)")) << text;
}

TEST(Explanation, AZoneNamedInTheQuestionIsSaidAndItsBoundsUsed) {
  plan::Plan plan = Parse(kGrowthOnOneDay);
  plan.time_zone = UtcOffset{180};
  const std::string text = DescribePlan(plan, plan::ContextFor(plan, kUtc));
  EXPECT_TRUE(Contains(text, "с 28.11.2025 00:00 по 29.11.2025 00:00 (UTC+03:00)")) << text;
  EXPECT_TRUE(Contains(text, "Часовой пояс UTC+03:00 назван в вопросе")) << text;
  EXPECT_FALSE(Contains(DescribePlan(Parse(kGrowthOnOneDay), kUtc), "назван в вопросе"));
}

TEST(Explanation, StateMomentAndConditionsAreNamed) {
  const std::string text = DescribePlan(Parse(kStateAtTen), kMoscow);
  EXPECT_TRUE(Contains(text, "Посчитано: число видео.")) << text;
  EXPECT_TRUE(Contains(text, "Момент: 28.11.2025 10:00 (UTC+03:00) включительно")) << text;
  EXPECT_TRUE(Contains(text, "Условия: число просмотров больше 100 000.")) << text;
  EXPECT_TRUE(Contains(text, "опубликованные до этого момента")) << text;
}

TEST(Explanation, CreatorPublicationAndGroupingAreNamed) {
  const std::string text = DescribePlan(Parse(kTopCreators), kUtc);
  EXPECT_TRUE(Contains(text, "автора «aca1061a9d324ecf8c3fa2bb32d7be63»")) << text;
  EXPECT_TRUE(Contains(text, "опубликованные с 01.11.2025 00:00 (UTC) и позже")) << text;
  EXPECT_TRUE(Contains(text, "Группировка: по авторам; показаны первые 3 по убыванию значения.")) << text;
}

TEST(Explanation, HoursAfterPublicationAreNamed) {
  const std::string text = DescribePlan(Parse(kFirstHours), kUtc);
  EXPECT_TRUE(Contains(text, "сумма прироста комментариев")) << text;
  EXPECT_TRUE(Contains(text, "первые 1000 ч после публикации")) << text;
}

TEST(Explanation, RowCountPlanKeepsFiltersAndDropsTheAggregate) {
  const auto plan = Parse(kTopCreators);
  const auto count = RowCountPlan(plan);
  ASSERT_TRUE(count.has_value());
  EXPECT_EQ(count->aggregate, plan::Aggregate::kCount);
  EXPECT_FALSE(count->field || count->group_by || count->order || count->limit);
  EXPECT_EQ(count->filters, plan.filters);
  EXPECT_TRUE(plan::ValidatePlan(*count).has_value());
  EXPECT_TRUE(plan::ValidatePlan(*RowCountPlan(Parse(kStateAtTen))).has_value());
  EXPECT_FALSE(RowCountPlan(plan::MakeRefusal(plan::RefusalReason::kAmbiguous)).has_value());
  EXPECT_EQ(DescribeRowCount(plan, 1234567), "Учтено строк: 1 234 567 (видео).");
}

TEST(Explanation, SqlParametersAreReadableOnBothEngines) {
  const auto plan = Parse(kStateAtTen);
  for (const auto dialect : {sql::Dialect::kSqlite, sql::Dialect::kPostgres}) {
    const auto query = sql::Compile(plan, sql::CompileOptions{dialect, kMoscow});
    const std::string shown = DescribeQuery(query, dialect, kMoscow.offset);
    // 10:00 at +03:00, the moment itself included: the bound is one microsecond later.
    EXPECT_TRUE(Contains(shown, "1 = '2025-11-28T10:00:00.000001+03:00'")) << shown;
    EXPECT_TRUE(Contains(shown, "= 100000")) << shown;
    EXPECT_FALSE(Contains(shown, "1764")) << shown;  // no raw microseconds of late 2025
    EXPECT_TRUE(Contains(shown, dialect == sql::Dialect::kPostgres ? "$1 =" : "?1 =")) << shown;
  }
}

TEST(Explanation, DayBoundsAndDurationsAreIso8601) {
  const auto growth = sql::Compile(Parse(kGrowthOnOneDay), sql::CompileOptions{sql::Dialect::kSqlite, kUtc});
  const std::string shown = DescribeQuery(growth, sql::Dialect::kSqlite, kUtc.offset);
  EXPECT_TRUE(Contains(shown, "'2025-11-28T00:00:00Z'")) << shown;
  EXPECT_TRUE(Contains(shown, "'2025-11-29T00:00:00Z'")) << shown;
  const auto hours = sql::Compile(Parse(kFirstHours), sql::CompileOptions{sql::Dialect::kPostgres, kUtc});
  const std::string shown_hours = DescribeQuery(hours, sql::Dialect::kPostgres, kUtc.offset);
  EXPECT_TRUE(Contains(shown_hours, "3600000000000 µs = P41DT16H")) << shown_hours;
}

TEST(Explanation, IsoFormatting) {
  EXPECT_EQ(FormatIsoInZone(0, UtcOffset{0}), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatIsoInZone(0, UtcOffset{180}), "1970-01-01T03:00:00+03:00");
  EXPECT_EQ(FormatIsoInZone(-1, UtcOffset{0}), "1969-12-31T23:59:59.999999Z");
  EXPECT_EQ(FormatIsoDuration(0), "PT0S");
  EXPECT_EQ(FormatIsoDuration(3 * kMicrosPerHour), "PT3H");
  EXPECT_EQ(FormatIsoDuration(-3 * kMicrosPerHour), "-PT3H");
  EXPECT_EQ(FormatIsoDuration(kMicrosPerDay + 90 * 60 * kMicrosPerSecond), "P1DT1H30M");
  EXPECT_EQ(FormatIsoDuration(1), "PT0.000001S");
  EXPECT_EQ(GroupDigits(0), "0");
  EXPECT_EQ(GroupDigits(999), "999");
  EXPECT_EQ(GroupDigits(1000), "1 000");
  EXPECT_EQ(GroupDigits(-1234567), "-1 234 567");
}

}  // namespace
}  // namespace videobot::service
