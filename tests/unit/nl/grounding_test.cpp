// Literals of questions read by the parser's recognisers (nl/grounding.hpp), and the grounding
// check of plans against them (plan/literals.hpp).

#include "nl/grounding.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "nl/rule_parser.hpp"
#include "plan/plan_json.hpp"
#include "plan/validator.hpp"
#include "support/golden_file.hpp"
#include "support/test_env.hpp"

namespace videobot::nl {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr const char* kCreator = "aca1061a9d324ecf8c3fa2bb32d7be63";
constexpr const char* kOtherCreator = "0123456789abcdef0123456789abcdef";
constexpr const char* kVideo = "ecd8a4e4-1f24-4b97-a944-35d17078ce7c";

plan::TimeContext At(const char* now) { return plan::TimeContext{*ParseTimestamp(now), UtcOffset{}}; }

const plan::TimeContext kNow = At("2025-12-02T12:00:00Z");

plan::Literals Read(std::string_view question, const plan::TimeContext& context = kNow) {
  auto literals = ExtractQuestionLiterals(question, context);
  EXPECT_TRUE(literals) << literals.error().Describe();
  return literals ? *literals : plan::Literals{};
}

plan::PeriodBound Day(int year, int month, int day) {
  return plan::PeriodBound{DateTime{Date{year, month, day}, 0}, false};
}

plan::PeriodBound Moment(int year, int month, int day, int hour) {
  return plan::PeriodBound{DateTime{Date{year, month, day}, hour * 3600}, true};
}

plan::Period Range(plan::PeriodBound from, plan::PeriodBound to) {
  plan::Period period;
  period.from = from;
  period.to = to;
  return period;
}

std::vector<plan::Period> Periods(const plan::Literals& literals) {
  std::vector<plan::Period> periods;
  for (const auto& literal : literals.periods) periods.push_back(literal.period);
  return periods;
}

TEST(QuestionLiterals, IdsAreReadInAnyCaseAndMalformedOnesAreUnreadable) {
  const auto literals = Read(
      "Сколько просмотров у видео ECD8A4E4-1F24-4B97-A944-35D17078CE7C креатора "
      "ACA1061A9D324ECF8C3FA2BB32D7BE63 и креатора 0123456789abcdef0123456789abcdef?");
  EXPECT_THAT(literals.video_ids, ElementsAre(kVideo));
  EXPECT_THAT(literals.creator_ids, ElementsAre(kCreator, kOtherCreator));
  EXPECT_THAT(literals.unreadable, IsEmpty());
  EXPECT_THAT(literals.numbers, IsEmpty());

  const auto malformed = Read("Сколько видео у креатора aca1061a9d324ecf8c3fa2bb32d7be6?");
  EXPECT_THAT(malformed.creator_ids, IsEmpty());
  ASSERT_EQ(malformed.unreadable.size(), 1u);
  EXPECT_EQ(malformed.unreadable[0], "aca1061a9d324ecf8c3fa2bb32d7be6");
}

TEST(QuestionLiterals, NumbersWithSpacesAndWordMultipliers) {
  EXPECT_THAT(Read("Сколько видео набрало больше 10 000 просмотров?").numbers, ElementsAre(10000));
  EXPECT_THAT(Read("Сколько видео набрало больше 10\u00A0000 просмотров?").numbers, ElementsAre(10000));
  EXPECT_THAT(Read("Сколько видео набрало больше 10 тыс. просмотров?").numbers, ElementsAre(10000));
  EXPECT_THAT(Read("Сколько видео набрало более 1,5 млн просмотров?").numbers, ElementsAre(1500000));
  EXPECT_THAT(Read("Сколько видео набрало больше ста тысяч просмотров?").numbers, ElementsAre(100000));
  EXPECT_THAT(Read("Сколько видео набрало от 100 до 500 лайков?").numbers, ElementsAre(100, 500));
  EXPECT_THAT(Read("Покажи топ-5 креаторов по просмотрам").numbers, ElementsAre(5));
  EXPECT_THAT(Read("Какой прирост лайков за первые 3 часа после публикации?").numbers, ElementsAre(3));
  EXPECT_THAT(Read("Сколько всего видео есть в системе?").numbers, IsEmpty());
}

TEST(QuestionLiterals, NumbersWrittenAsComparisonWordsAreImplied) {
  const auto literals = Read("Сколько видео получили хотя бы одну жалобу?");
  EXPECT_THAT(literals.numbers, IsEmpty());
  EXPECT_THAT(literals.implied_numbers, ElementsAre(1));
  EXPECT_THAT(Read("Сколько видео набрало больше 100 000 просмотров? Ответь одним числом.").numbers,
              ElementsAre(100000));
  EXPECT_THAT(Read("Покажи топ-1 креатора по лайкам").numbers, ElementsAre(1));
}

TEST(QuestionLiterals, DatesAreResolvedAsTheParserResolvesThem) {
  const auto dated = Read("На сколько просмотров выросли все видео 28 ноября 2025?");
  EXPECT_THAT(dated.numbers, IsEmpty()) << "the year and the day are part of the date";
  EXPECT_THAT(Periods(dated), ElementsAre(Range(Day(2025, 11, 28), Day(2025, 11, 28))));
  ASSERT_EQ(dated.periods.size(), 1u);
  EXPECT_NE(dated.periods[0].text.find("28 ноября 2025"), std::string::npos) << dated.periods[0].text;

  // Without a year: the most recent such day that has started by now.
  EXPECT_THAT(Periods(Read("На сколько выросли лайки 28 ноября?")),
              ElementsAre(Range(Day(2025, 11, 28), Day(2025, 11, 28))));
  EXPECT_THAT(Periods(Read("На сколько выросли лайки 28 ноября?", At("2025-11-20T00:00:00Z"))),
              ElementsAre(Range(Day(2024, 11, 28), Day(2024, 11, 28))));
  EXPECT_THAT(Periods(Read("Сколько видео вышло с 1 по 5 ноября 2025 включительно?")),
              ElementsAre(Range(Day(2025, 11, 1), Day(2025, 11, 5))));
  EXPECT_THAT(Periods(Read("Сколько видео опубликовано в июне 2025 года?")),
              ElementsAre(Range(Day(2025, 6, 1), Day(2025, 6, 30))));
  EXPECT_THAT(Periods(Read("Какой прирост лайков был 28.11.2025?")),
              ElementsAre(Range(Day(2025, 11, 28), Day(2025, 11, 28))));
}

TEST(QuestionLiterals, TimeRangesJoinTheirDay) {
  const auto literals = Read(
      "На сколько просмотров выросли видео креатора aca1061a9d324ecf8c3fa2bb32d7be63 "
      "с 10:00 до 15:00 28 ноября 2025 года?");
  EXPECT_THAT(Periods(literals), ElementsAre(Range(Moment(2025, 11, 28, 10), Moment(2025, 11, 28, 15))));
  EXPECT_THAT(literals.numbers, IsEmpty());
  EXPECT_THAT(literals.unreadable, IsEmpty());
  EXPECT_THAT(literals.creator_ids, ElementsAre(kCreator));

  EXPECT_THAT(Read("Сколько просмотров набрали видео с 10:00 до 15:00?").unreadable,
              ElementsAre(::testing::HasSubstr("10:00")));
}

TEST(QuestionLiterals, RelativePeriodsCarryTheirCount) {
  const auto literals = Read("Сколько новых просмотров за последние 7 дней?");
  EXPECT_THAT(literals.numbers, IsEmpty()) << "7 belongs to the period";
  ASSERT_EQ(literals.periods.size(), 1u);
  EXPECT_EQ(literals.periods[0].period.relative, plan::Relative::kLastNDays);
  EXPECT_EQ(literals.periods[0].period.count, 7);
  EXPECT_EQ(Read("Сколько видео вышло вчера?").periods.at(0).period.relative, plan::Relative::kYesterday);
}

TEST(QuestionLiterals, DatesThatDoNotResolveAreUnreadable) {
  EXPECT_THAT(Read("Сколько видео вышло 31 ноября 2025?").unreadable, ElementsAre(::testing::HasSubstr("31 ноября")));
  EXPECT_THAT(Read("Сколько видео вышло 31 ноября 2025?").periods, IsEmpty());
}

TEST(QuestionLiterals, UnreadableTextIsAnError) {
  const auto blank = ExtractQuestionLiterals("   ", kNow);
  ASSERT_FALSE(blank);
  EXPECT_EQ(blank.error().code, ErrorCode::kQuestionNotUnderstood);
  const auto huge = ExtractQuestionLiterals(std::string(5000, 'a'), kNow);
  ASSERT_FALSE(huge);
  EXPECT_EQ(huge.error().code, ErrorCode::kQuestionTooLong);
}

// --- the grounding check: question literals against plans ------------------------------------

plan::Plan Parse(const std::string& json) {
  auto plan = plan::ParsePlan(json);
  EXPECT_TRUE(plan) << plan.error().Describe();
  return plan ? *plan : plan::Plan{};
}

Status Check(std::string_view question, const plan::Plan& plan, const plan::TimeContext& context = kNow) {
  return plan::CheckGrounded(Read(question, context), plan, context);
}

plan::Plan CountVideos(std::vector<std::string> creators, std::vector<plan::Condition> conditions = {},
                       std::optional<plan::Period> published = std::nullopt) {
  plan::Plan plan;
  plan.filters.creator_ids = std::move(creators);
  plan.filters.conditions = std::move(conditions);
  plan.filters.published = std::move(published);
  return plan;
}

plan::Plan GrowthOn(std::optional<plan::Period> measured) {
  plan::Plan plan;
  plan.source = plan::Source::kSnapshots;
  plan.aggregate = plan::Aggregate::kSum;
  plan.field = plan::Field::kDeltaViews;
  plan.filters.measured = std::move(measured);
  return plan;
}

const plan::Condition kAbove10000{plan::Field::kViews, plan::CompareOp::kGreater, 10000};

TEST(Grounding, ExactLiteralsAreGrounded) {
  const std::string question = std::string("Сколько видео у креатора с id ") + kCreator +
                               " набрали больше 10 000 просмотров по итоговой статистике?";
  EXPECT_TRUE(Check(question, CountVideos({kCreator}, {kAbove10000})));
  EXPECT_TRUE(Check("На сколько просмотров в сумме выросли все видео 28 ноября 2025?",
                    GrowthOn(Range(Day(2025, 11, 28), Day(2025, 11, 28)))));
  // The same day written as an exclusive date-time end.
  EXPECT_TRUE(Check("На сколько просмотров в сумме выросли все видео 28 ноября 2025?",
                    GrowthOn(Range(Moment(2025, 11, 28, 0), Moment(2025, 11, 29, 0)))));
  // «вчера» as the relative period or as yesterday's date.
  plan::Period yesterday;
  yesterday.relative = plan::Relative::kYesterday;
  EXPECT_TRUE(Check("На сколько выросли просмотры вчера?", GrowthOn(yesterday)));
  EXPECT_TRUE(Check("На сколько выросли просмотры вчера?", GrowthOn(Range(Day(2025, 12, 1), Day(2025, 12, 1)))));
}

TEST(Grounding, ANamedTimeZoneMustBeThePlansAndNoneIsInvented) {
  plan::Plan moscow = GrowthOn(Range(Day(2025, 11, 28), Day(2025, 11, 28)));
  moscow.time_zone = UtcOffset{180};
  const plan::Plan configured = GrowthOn(Range(Day(2025, 11, 28), Day(2025, 11, 28)));
  EXPECT_TRUE(Check("На сколько выросли просмотры 28 ноября 2025 по Москве?", moscow));
  // The hours of «UTC+3» are the zone, not a number the plan lacks.
  EXPECT_TRUE(Check("На сколько выросли просмотры 28 ноября 2025 (UTC+3)?", moscow));
  const auto missing = Check("На сколько выросли просмотры 28 ноября 2025 по Москве?", configured);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().path, "/time_zone");
  const auto invented = Check("На сколько выросли просмотры 28 ноября 2025?", moscow);
  ASSERT_FALSE(invented);
  EXPECT_EQ(invented.error().path, "/time_zone");
  plan::Plan utc = configured;
  utc.time_zone = UtcOffset{0};
  EXPECT_FALSE(Check("На сколько выросли просмотры 28 ноября 2025 по Москве?", utc));
}

plan::Plan ViewsAt(plan::Moment moment) {
  plan::Plan plan;
  plan.source = plan::Source::kState;
  plan.aggregate = plan::Aggregate::kSum;
  plan.field = plan::Field::kViews;
  plan.as_of = moment;
  return plan;
}

TEST(Grounding, StateMomentsCompareByTheInstantTheStateIsTakenAt) {
  const plan::Moment end_of_28{DateTime{Date{2025, 11, 28}, 0}, false};
  const plan::Moment ten_on_28{DateTime{Date{2025, 11, 28}, 10 * 3600}, true};
  EXPECT_TRUE(Check("Сколько просмотров было у всех видео на 28 ноября 2025?", ViewsAt(end_of_28)));
  // The end of the 28th excludes a measurement stamped 29.11 00:00:00; the instant 00:00 includes it.
  EXPECT_FALSE(Check("Сколько просмотров было у всех видео на 28 ноября 2025?",
                     ViewsAt(plan::Moment{DateTime{Date{2025, 11, 29}, 0}, true})));
  EXPECT_TRUE(Check("Сколько просмотров было у всех видео по состоянию на 10:00 28.11.2025?", ViewsAt(ten_on_28)));
  const auto wrong = Check("Сколько просмотров было у всех видео на 28 ноября 2025?", ViewsAt(ten_on_28));
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().path, "/as_of");
  // A moment the question lacks, or a growth period instead of the moment.
  EXPECT_FALSE(Check("Сколько просмотров было у всех видео?", ViewsAt(end_of_28)));
  EXPECT_FALSE(Check("Сколько просмотров было у всех видео на 28 ноября 2025?",
                     GrowthOn(Range(Day(2025, 11, 28), Day(2025, 11, 28)))));
}

TEST(Grounding, ExtraCreatorId) {
  const auto status = Check("Сколько видео набрали больше 10 000 просмотров?", CountVideos({kCreator}, {kAbove10000}));
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kPlanUngrounded);
  EXPECT_EQ(status.error().path, "/filters/creator_ids");
  EXPECT_NE(status.error().message.find(kCreator), std::string::npos) << status.error().message;
  EXPECT_NE(status.error().message.find("нет в вопросе"), std::string::npos) << status.error().message;
}

TEST(Grounding, MissingCreatorId) {
  const std::string question =
      std::string("Сколько видео у креатора ") + kCreator + " набрали больше 10 000 просмотров?";
  const auto status = Check(question, CountVideos({}, {kAbove10000}));
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().path, "/filters/creator_ids");
  EXPECT_NE(status.error().message.find("нет в плане"), std::string::npos) << status.error().message;
  // Another creator instead of the asked one: both directions are named.
  const auto swapped = Check(question, CountVideos({kOtherCreator}, {kAbove10000}));
  ASSERT_FALSE(swapped);
  EXPECT_NE(swapped.error().message.find(kCreator), std::string::npos);
  EXPECT_NE(swapped.error().message.find(kOtherCreator), std::string::npos);
}

TEST(Grounding, WrongThreshold) {
  const auto status = Check("Сколько видео набрали больше 10 000 просмотров?",
                            CountVideos({}, {{plan::Field::kViews, plan::CompareOp::kGreater, 1000}}));
  ASSERT_FALSE(status);
  EXPECT_NE(status.error().message.find("10000"), std::string::npos) << status.error().message;
  EXPECT_NE(status.error().message.find("1000 есть в плане"), std::string::npos) << status.error().message;
  EXPECT_FALSE(Check("Сколько видео набрали больше 10 000 просмотров?", CountVideos({})));
}

TEST(Grounding, WrongDateExtraDateAndMissingPeriod) {
  const char* question = "На сколько просмотров в сумме выросли все видео 28 ноября 2025?";
  const auto wrong = Check(question, GrowthOn(Range(Day(2025, 11, 27), Day(2025, 11, 27))));
  ASSERT_FALSE(wrong);
  EXPECT_NE(wrong.error().message.find("2025-11-27"), std::string::npos) << wrong.error().message;
  EXPECT_NE(wrong.error().message.find("28 ноября 2025"), std::string::npos) << wrong.error().message;
  // A day more than asked.
  EXPECT_FALSE(Check(question, GrowthOn(Range(Day(2025, 11, 28), Day(2025, 11, 29)))));
  // The period left out.
  const auto missing = Check(question, GrowthOn(std::nullopt));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().path, "/filters");
  // A period the question never mentions.
  plan::Plan extra = CountVideos({});
  extra.filters.published = Range(Day(2025, 11, 1), Day(2025, 11, 30));
  const auto added = Check("Сколько всего видео есть в системе?", extra);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().path, "/filters/published");
  // A year-less date resolved to another year than the parser's.
  EXPECT_FALSE(Check("На сколько выросли просмотры 28 ноября?", GrowthOn(Range(Day(2024, 11, 28), Day(2024, 11, 28)))));
}

TEST(Grounding, SignConditionsAndSingleWinnersNeedNoNumber) {
  plan::Plan new_views = GrowthOn(Range(Day(2025, 11, 27), Day(2025, 11, 27)));
  new_views.aggregate = plan::Aggregate::kCountDistinct;
  new_views.field = plan::Field::kVideoId;
  new_views.filters.conditions = {{plan::Field::kDeltaViews, plan::CompareOp::kGreater, 0}};
  EXPECT_TRUE(Check("Сколько разных видео получали новые просмотры 27 ноября 2025?", new_views));

  plan::Plan top = CountVideos({});
  top.aggregate = plan::Aggregate::kSum;
  top.field = plan::Field::kViews;
  top.group_by = plan::GroupBy::kCreator;
  top.order = plan::Order::kDesc;
  top.limit = 1;
  EXPECT_TRUE(Check("Какой креатор набрал больше всего просмотров?", top));
  top.limit = 3;
  EXPECT_FALSE(Check("Какой креатор набрал больше всего просмотров?", top));
}

TEST(Grounding, UnreadableQuestionsGroundNothingAndRefusalsNeedNoGrounding) {
  EXPECT_FALSE(Check("Сколько видео у креатора aca1061a9d324ecf8c3fa2bb32d7be6?", CountVideos({})));
  EXPECT_TRUE(
      Check("Сколько видео набрали больше 10 000 просмотров?", plan::MakeRefusal(plan::RefusalReason::kAmbiguous)));
}

TEST(Grounding, TheMetricAndTheAggregateAreBeyondIt) {
  // «Сколько видео …» answered with a sum of likes holds the same literals: grounding cannot
  // see it (the verify mode can).
  plan::Plan likes = CountVideos({}, {kAbove10000});
  likes.aggregate = plan::Aggregate::kSum;
  likes.field = plan::Field::kLikes;
  EXPECT_TRUE(Check("Сколько видео набрали больше 10 000 просмотров?", likes));
}

// Every worked example of the model's prompt is grounded in its question: the prompt never
// teaches the model a plan that the check would reject.
TEST(Grounding, EveryPromptExampleIsGroundedInItsQuestion) {
  std::ifstream in(VIDEOBOT_PROMPT_FILE);
  ASSERT_TRUE(in) << VIDEOBOT_PROMPT_FILE;
  std::ostringstream text_buffer;
  text_buffer << in.rdbuf();
  const std::string text = text_buffer.str();
  const std::string question_mark = "Вопрос: ";
  int checked = 0;
  for (auto pos = text.find(question_mark); pos != std::string::npos; pos = text.find(question_mark, pos)) {
    pos += question_mark.size();
    const std::string question = text.substr(pos, text.find('\n', pos) - pos);
    const auto open = text.find("```json\n", pos);
    ASSERT_NE(open, std::string::npos) << question;
    const auto body = open + 8;
    const std::string plan_json = text.substr(body, text.find("```", body) - body);
    SCOPED_TRACE(question);
    const auto status = Check(question, Parse(plan_json));
    EXPECT_TRUE(status) << status.error().Describe();
    ++checked;
  }
  EXPECT_GE(checked, 10);
}

// --- every plan the rules produce is grounded in its question ------------------------------------

struct GoldenPlan {
  std::string where;
  std::string question;
  std::string plan;
  plan::TimeContext context;
};

// The golden records whose question the rules answer with a plan.
std::vector<GoldenPlan> GoldenPlans() {
  std::vector<GoldenPlan> cases;
  for (const auto& c : testing::golden::AllCases()) {
    if (!c.record.question || !c.record.plan) continue;
    cases.push_back(GoldenPlan{c.where, *c.record.question, testing::golden::FullPlan(c.record),
                               testing::golden::TimeOf(c.settings)});
  }
  return cases;
}

TEST(Grounding, EveryGoldenRulesPlanIsGroundedInItsQuestion) {
  const auto cases = GoldenPlans();
  ASSERT_GE(cases.size(), 200u);
  for (const GoldenPlan& c : cases) {
    SCOPED_TRACE(c.where + ": " + c.question);
    const auto status = Check(c.question, Parse(c.plan), c.context);
    EXPECT_TRUE(status) << status.error().Describe();
  }
}

TEST(Grounding, EverySharedQuestionTheRulesAnswerIsGrounded) {
  VIDEOBOT_REQUIRE_SHARED();
  const std::filesystem::path dir = std::filesystem::path(testing::SharedDir()) / "questions";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no questions in " << dir;
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".tsv") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      const auto tab = line.find('\t');
      if (line.empty() || tab == std::string::npos) continue;
      const std::string question = line.substr(0, tab);
      const auto plan = ParseQuestion(question, kNow);
      if (!plan) continue;
      SCOPED_TRACE(question);
      const auto status = Check(question, *plan);
      EXPECT_TRUE(status) << status.error().Describe();
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace videobot::nl
