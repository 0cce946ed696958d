// Questions at the edges of what the parser may answer: typed operators, numbers written in
// words, reversed and empty ranges, metrics the data lacks, numbers and years out of range, and
// words that ask for a shape other than one number (series, comparisons, "the most …").
// Each refusal is checked for its code and for a message that names what is wrong.

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "nl/rule_parser.hpp"
#include "plan/plan_json.hpp"

namespace videobot::nl {
namespace {

const plan::TimeContext kContext{ParseTimestamp("2025-12-02T12:00:00Z").value(), UtcOffset{}};

Result<plan::Plan> Parse(const std::string& question) { return RuleParser().MakePlan(question, kContext); }

// The single condition of an accepted plan as "field op value", or the refusal's code name.
std::string Condition(const std::string& question) {
  const auto result = Parse(question);
  if (!result) return std::string(ErrorCodeName(result.error().code));
  const auto conditions = plan::ToJson(*result)["filters"]["conditions"];
  if (!conditions.is_array() || conditions.size() != 1) return "plan " + plan::ToJson(*result).dump();
  const auto& c = conditions[0];
  return c["field"].get<std::string>() + " " + c["op"].get<std::string>() + " " + c["value"].dump();
}

// The refusal's code name and message ("" when the question was answered).
struct Refusal {
  std::string code;
  std::string message;
};

Refusal Refuse(const std::string& question) {
  const auto result = Parse(question);
  if (result) return Refusal{"", "answered: " + plan::ToJson(*result).dump()};
  return Refusal{std::string(ErrorCodeName(result.error().code)), result.error().message};
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(TypedOperators, MeanWhatTheySay) {
  const std::string tail = " 134 просмотров?";
  const std::string head = "Сколько видео набрали ";
  EXPECT_EQ(Condition(head + ">" + tail), "views_count > 134");
  EXPECT_EQ(Condition(head + "<" + tail), "views_count < 134");
  EXPECT_EQ(Condition(head + ">=" + tail), "views_count >= 134");
  EXPECT_EQ(Condition(head + "=>" + tail), "views_count >= 134");
  EXPECT_EQ(Condition(head + "≥" + tail), "views_count >= 134");
  EXPECT_EQ(Condition(head + "<=" + tail), "views_count <= 134");
  EXPECT_EQ(Condition(head + "=<" + tail), "views_count <= 134");
  EXPECT_EQ(Condition(head + "≤" + tail), "views_count <= 134");
  EXPECT_EQ(Condition(head + "=" + tail), "views_count = 134");
  EXPECT_EQ(Condition(head + "==" + tail), "views_count = 134");
}

TEST(TypedOperators, NotEqualIsNeverGreater) {
  const std::string head = "Сколько видео набрали ";
  EXPECT_EQ(Condition(head + "<> 134 просмотров?"), "views_count != 134");
  EXPECT_EQ(Condition(head + "!= 134 просмотров?"), "views_count != 134");
  EXPECT_EQ(Condition(head + "≠ 134 просмотров?"), "views_count != 134");
}

TEST(TypedOperators, OthersAreRefusedNamingTheSign) {
  for (const std::string sign : {"><", ">>", "<<", "=>>", "<=>", "!==", "=!"}) {
    const Refusal refusal = Refuse("Сколько видео набрали " + sign + " 134 просмотров?");
    EXPECT_EQ(refusal.code, "question_not_understood") << sign;
    EXPECT_TRUE(Contains(refusal.message, "знак")) << sign << ": " << refusal.message;
  }
  // A space inside the sign: two signs, neither followed by its number.
  const Refusal spaced = Refuse("Сколько видео набрали < > 134 просмотров?");
  EXPECT_EQ(spaced.code, "question_not_understood");
  EXPECT_TRUE(Contains(spaced.message, "«<»")) << spaced.message;
}

TEST(TypedOperators, EqualsSignBeforeAnIdStaysGlue) {
  const auto result = Parse("Сколько видео у креатора id=aca1061a9d324ecf8c3fa2bb32d7be63?");
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(plan::ToJson(*result)["filters"]["creator_ids"][0], "aca1061a9d324ecf8c3fa2bb32d7be63");
}

TEST(NumberWords, MultiplyAsWritten) {
  EXPECT_EQ(Condition("Сколько видео набрали больше тысячи тысяч просмотров?"), "views_count > 1000000");
  EXPECT_EQ(Condition("Сколько видео набрали больше миллиона тысяч просмотров?"), "views_count > 1000000000");
  EXPECT_EQ(Condition("Сколько видео набрали больше двух миллионов трёхсот тысяч просмотров?"),
            "views_count > 2300000");
  EXPECT_EQ(Condition("Сколько видео набрали больше 2 млн 300 тыс. просмотров?"), "views_count > 2300000");
  EXPECT_EQ(Condition("Сколько видео набрали больше полутора миллионов просмотров?"), "views_count > 1500000");
}

TEST(NumberWords, UnreadableOrTooLargeNumbersAreRefusedNamingTheNumber) {
  const Refusal disorder = Refuse("Сколько видео набрали больше чем тысяча миллион просмотров?");
  EXPECT_EQ(disorder.code, "question_not_understood");
  EXPECT_TRUE(Contains(disorder.message, "число «тысяча миллион»")) << disorder.message;

  const Refusal large = Refuse("Сколько видео набрали больше 10000000000000000 просмотров?");
  EXPECT_EQ(large.code, "question_not_understood");
  EXPECT_TRUE(Contains(large.message, "слишком большое")) << large.message;
  EXPECT_FALSE(Contains(large.message, "непонятное слово")) << large.message;

  const Refusal words = Refuse("Сколько видео набрали больше миллиарда миллиардов просмотров?");
  EXPECT_TRUE(Contains(words.message, "слишком большое")) << words.message;
}

TEST(ReversedRanges, DatesAreRefusedNamingTheRange) {
  const Refusal dates = Refuse("Сколько видео опубликовано с 5 ноября по 1 ноября 2025?");
  EXPECT_EQ(dates.code, "question_reversed_range");
  EXPECT_TRUE(Contains(dates.message, "«с 5 ноября по 1 ноября 2025»")) << dates.message;
  EXPECT_TRUE(Contains(dates.message, "05.11.2025")) << "the start keeps the year written: " << dates.message;

  EXPECT_EQ(Refuse("Сколько видео опубликовано с 5 ноября 2025 по 1 ноября?").code, "question_reversed_range");
  EXPECT_EQ(Refuse("Сколько видео опубликовано с 5 по 1 ноября?").code, "question_reversed_range");
  EXPECT_EQ(Refuse("Сколько видео опубликовано с 5 ноября по 30 октября?").code, "question_reversed_range");
}

TEST(ReversedRanges, ARangeAcrossNewYearKeepsItsMeaning) {
  for (const std::string question : {"Сколько видео опубликовано с 28 декабря по 3 января 2025?",
                                     "Сколько видео опубликовано с 28 декабря 2024 по 3 января?",
                                     "Сколько видео опубликовано с 28 декабря по 3 января?"}) {
    const auto result = Parse(question);
    ASSERT_TRUE(result) << question << ": " << result.error().message;
    const auto published = plan::ToJson(*result)["filters"]["published"];
    EXPECT_EQ(published["from"], "2024-12-28") << question;
    EXPECT_EQ(published["to"], "2025-01-03") << question;
  }
}

TEST(ReversedRanges, TimesAndEmptyTimeRangesAreRefused) {
  const Refusal reversed = Refuse("На сколько выросли просмотры с 22:00 до 02:00 28 ноября 2025?");
  EXPECT_EQ(reversed.code, "question_reversed_range");
  EXPECT_TRUE(Contains(reversed.message, "28.11.2025 22:00")) << reversed.message;

  const Refusal empty = Refuse("На сколько выросли просмотры с 10:00 до 10:00 28 ноября 2025?");
  EXPECT_EQ(empty.code, "question_reversed_range");
  EXPECT_TRUE(Contains(empty.message, "пуст")) << empty.message;

  const Refusal empty_days = Refuse("Сколько видео опубликовано с 5 ноября до 5 ноября 2025?");
  EXPECT_EQ(empty_days.code, "question_reversed_range");
  EXPECT_TRUE(Contains(empty_days.message, "пуст")) << empty_days.message;
}

TEST(ReversedRanges, NumbersAreRefusedAndEqualBoundsAreFine) {
  const Refusal numbers = Refuse("Сколько видео набрали от 20 до 10 просмотров?");
  EXPECT_EQ(numbers.code, "question_reversed_range");
  EXPECT_TRUE(Contains(numbers.message, "«от 20 до 10»")) << numbers.message;

  EXPECT_EQ(Refuse("Сколько видео набрали больше 100 просмотров и меньше 50 просмотров?").code,
            "question_reversed_range");
  const auto equal = Parse("Сколько видео набрали от 20 до 20 просмотров?");
  ASSERT_TRUE(equal) << equal.error().message;
  EXPECT_EQ(plan::ToJson(*equal)["filters"]["conditions"].size(), 2u);
}

TEST(MissingMetrics, AreRefusedNamingTheMetricAndThePresentOnes) {
  struct Case {
    const char* question;
    const char* named;
  };
  for (const Case& c : {
           Case{"Какое суммарное время просмотра у всех видео?", "время просмотра"},
           Case{"Какое среднее время просмотров видео креатора aca1061a9d324ecf8c3fa2bb32d7be63?", "время просмотров"},
           Case{"Сколько часов просмотра набрали все видео?", "часов просмотра"},
           Case{"Какая глубина просмотра у видео?", "глубина"},
           Case{"Сколько просмотров до конца набрали видео?", "просмотров до конца"},
           Case{"Сколько досмотров у всех видео?", "досмотров"},
           Case{"Сколько полных просмотров у видео?", "полных просмотров"},
           Case{"Сколько уникальных просмотров у видео?", "уникальных просмотров"},
           Case{"Какая общая длительность всех видео?", "длительность"},
           Case{"Какая продолжительность видео в среднем?", "продолжительность"},
           Case{"Какой охват у видео?", "охват"},
           Case{"Какой reach у видео?", "reach"},
           Case{"Сколько подписчиков у креатора aca1061a9d324ecf8c3fa2bb32d7be63?", "подписчиков"},
           Case{"Сколько людей подписалось на креатора?", "подписалось"},
           Case{"Сколько репостов у видео?", "репостов"},
           Case{"Сколько шеров набрали видео?", "шеров"},
           Case{"Сколько раз поделились видео?", "поделились"},
           Case{"Сколько сохранений у видео?", "сохранений"},
           Case{"Какой доход у видео?", "доход"},
           Case{"Какая выручка у видео?", "выручка"},
           Case{"Какая монетизация у видео?", "монетизация"},
           Case{"Какой CTR у видео?", "ctr"},
           Case{"Какая кликабельность у видео?", "кликабельность"},
           Case{"Сколько показов у видео?", "показов"},
           Case{"Сколько impressions у видео?", "impressions"},
           Case{"Какая вовлечённость у видео?", "вовлеченность"},
           Case{"Какой ER у видео?", "er"},
           Case{"Сколько дизлайков у видео?", "дизлайков"},
           Case{"Сколько ответов на комментарии у видео?", "ответов на комментарии"},
       }) {
    const Refusal refusal = Refuse(c.question);
    EXPECT_EQ(refusal.code, "question_unknown_metric") << c.question << ": " << refusal.message;
    EXPECT_TRUE(Contains(refusal.message, std::string("«") + c.named + "»")) << c.question << ": " << refusal.message;
    EXPECT_TRUE(Contains(refusal.message, "просмотры, лайки, комментарии и жалобы")) << refusal.message;
  }
}

TEST(MissingMetrics, TimeAsAQuantityIsRefused) {
  EXPECT_EQ(Refuse("Какое суммарное время у всех видео?").code, "question_unknown_metric");
  EXPECT_EQ(Refuse("Сколько времени смотрели видео креатора aca1061a9d324ecf8c3fa2bb32d7be63?").code,
            "question_unknown_metric");
}

TEST(MissingMetrics, TimeZonePhrasesWithTimeStillWork) {
  const plan::TimeContext moscow{ParseTimestamp("2025-12-02T12:00:00Z").value(), ParseUtcOffset("+03:00").value()};
  EXPECT_TRUE(RuleParser().MakePlan("Сколько видео опубликовано 28 ноября 2025 по московскому времени?", moscow));
  EXPECT_TRUE(Parse("Сколько видео опубликовано 28 ноября 2025 по времени UTC?"));
  EXPECT_TRUE(Parse("На сколько выросли просмотры в промежутке времени с 10:00 до 15:00 28 ноября 2025?"));
}

TEST(Messages, YearsOutsideTheRangeSaySo) {
  for (const std::string year : {"1900", "9999"}) {
    const Refusal refusal = Refuse("Сколько видео опубликовано в " + year + " году?");
    EXPECT_EQ(refusal.code, "question_not_understood") << year;
    EXPECT_TRUE(Contains(refusal.message, "год " + year + " вне диапазона")) << refusal.message;
  }
  EXPECT_TRUE(Contains(Refuse("Сколько видео опубликовано 28.11.1900?").message, "год 1900")) << "numeric dates too";
}

TEST(Series, WordsThatAskForASeriesBuildASeries) {
  for (const std::string question : {
           "Покажи почасовой прирост лайков 28 ноября 2025",
           "Сколько просмотров набирали видео по дням в ноябре 2025?",
           "Прирост лайков по часам 28 ноября 2025",
           "Сколько видео публиковалось по неделям в ноябре 2025?",
           "Сколько видео опубликовано по месяцам в 2025 году?",
           "Сколько видео выходило в каждом месяце 2025 года?",
           "Сколько видео публиковал креатор aca1061a9d324ecf8c3fa2bb32d7be63 каждый день в ноябре 2025?",
           "Какой ежедневный прирост просмотров в ноябре 2025?",
           "Покажи динамику просмотров в ноябре 2025",
           "Как менялись просмотры в ноябре 2025?",
           "Какой прирост просмотров за каждый час 28 ноября 2025?",
       }) {
    const auto plan = Parse(question);
    ASSERT_TRUE(plan.has_value()) << question << ": " << plan.error().Describe();
    EXPECT_TRUE(plan->series.has_value()) << question;
  }
}

TEST(Series, SeriesThatCannotBeBuiltAreRefusedNeverAnsweredWithOneNumber) {
  for (const std::string question : {
           "Какой прирост просмотров за час 28 ноября 2025?",
           "Прирост просмотров по годам за 2025 год",
           "Прирост лайков по часам за 2025 год",
           "Прирост лайков по дням и по неделям в ноябре 2025",
       }) {
    const Refusal refusal = Refuse(question);
    // Final: understood, so the model is not asked to squeeze a series into one number.
    EXPECT_EQ(refusal.code, "question_unsupported") << question << ": " << refusal.message;
  }
}

TEST(Series, AnExplanationCannotAskForASeries) {
  const Refusal refusal = Refuse("Сколько просмотров набрали видео в ноябре 2025? Разбей по неделям.");
  EXPECT_EQ(refusal.code, "question_not_understood");
  EXPECT_TRUE(Contains(refusal.message, "по неделям")) << refusal.message;
}

TEST(Series, PerHourAggregatesStayAnswered) {
  EXPECT_TRUE(Parse("Каков средний почасовой прирост просмотров в октябре 2025?"));
  EXPECT_TRUE(Parse("Какой максимальный прирост просмотров за час?"));
  EXPECT_TRUE(Parse("Сколько замеров, в которых прирост лайков за час превысил 50?"));
}

TEST(Comparisons, TwoSidesAreAnsweredAsComparisons) {
  for (const std::string question : {
           "Сравни просмотры видео креатора aca1061a9d324ecf8c3fa2bb32d7be63 за октябрь и ноябрь 2025",
           "На сколько больше просмотров у видео креатора aca1061a9d324ecf8c3fa2bb32d7be63, чем у креатора "
           "bca1061a9d324ecf8c3fa2bb32d7be63?",
           "Сравни просмотры и лайки видео",
       }) {
    const auto plan = Parse(question);
    ASSERT_TRUE(plan.has_value()) << question << ": " << plan.error().message;
    EXPECT_TRUE(plan->compare.has_value()) << question;
  }
}

TEST(ComparisonsAndSuperlatives, AreRefused) {
  for (const std::string question : {
           "На сколько процентов выросли просмотры в ноябре 2025?",
           "Какая разница между просмотрами в октябре и ноябре 2025?",
           "Какой самый активный креатор?",
           "Сколько просмотров у самого просматриваемого видео?",
           "Какое лучшее видео креатора aca1061a9d324ecf8c3fa2bb32d7be63?",
       }) {
    EXPECT_FALSE(Parse(question).has_value()) << question;
  }
  EXPECT_TRUE(Contains(Refuse("Какая разница между просмотрами в октябре и ноябре 2025?").message, "сравнение"))
      << "says how to ask";
  const auto ambiguous = Refuse("Какой самый активный креатор?");
  EXPECT_EQ(ambiguous.code, "question_ambiguous");
  EXPECT_TRUE(Contains(ambiguous.message, "назовите одну меру")) << "says what would make it answerable";
}

TEST(ComparisonsAndSuperlatives, SuperlativesWithOneMeasureAreOneRowRankings) {
  const auto popular = Parse("Какое видео самое популярное?");
  ASSERT_TRUE(popular.has_value());
  EXPECT_EQ(popular->group_by, plan::GroupBy::kVideo);
  EXPECT_EQ(popular->field, plan::Field::kViews);
  EXPECT_EQ(popular->limit, 1);
  const auto liked = Parse("Самое залайканное видео креатора aca1061a9d324ecf8c3fa2bb32d7be63");
  ASSERT_TRUE(liked.has_value());
  EXPECT_EQ(liked->field, plan::Field::kLikes);
  EXPECT_EQ(liked->filters.creator_ids.size(), 1u);
  const auto counted = Parse("Покажи 5 видео с наибольшим количеством лайков");
  ASSERT_TRUE(counted.has_value());
  EXPECT_EQ(counted->limit, 5);
  EXPECT_EQ(counted->order, plan::Order::kDesc);
}

TEST(WhichQuestions, AskingWhichThingIsNotAskingHowMany) {
  for (const std::string question : {
           "Кто из креаторов опубликовал видео 28 ноября 2025?",
           "Какой креатор опубликовал видео 3f2504e0-4f89-41d3-9a0c-0305e82c3301?",
           "Какое видео у креатора aca1061a9d324ecf8c3fa2bb32d7be63?",
           "Какая дата публикации у видео 3f2504e0-4f89-41d3-9a0c-0305e82c3301?",
       }) {
    const Refusal refusal = Refuse(question);
    EXPECT_EQ(refusal.code, "question_not_understood") << question << ": " << refusal.message;
    EXPECT_TRUE(Contains(refusal.message, "Сколько")) << refusal.message;
  }
  EXPECT_TRUE(Parse("Какое количество видео опубликовано в ноябре 2025?"));
  EXPECT_TRUE(Parse("Каково общее число видео в системе?"));
  EXPECT_TRUE(Parse("Какой креатор набрал больше всего просмотров?"));
}

TEST(ItemWording, OneVideoIsNotAllVideos) {
  const Refusal one = Refuse("Сколько просмотров у одного видео креатора aca1061a9d324ecf8c3fa2bb32d7be63?");
  EXPECT_EQ(one.code, "question_ambiguous");
  EXPECT_TRUE(Contains(one.message, "«одного видео»")) << one.message;
  EXPECT_EQ(Refuse("Сколько креаторов имеют одно видео?").code, "question_ambiguous");
  EXPECT_EQ(Refuse("Покажи просмотры по видео креатора aca1061a9d324ecf8c3fa2bb32d7be63").code, "question_ambiguous");
  EXPECT_TRUE(Parse("Какое максимальное число просмотров у одного видео?"));
  EXPECT_TRUE(Parse("Сколько в среднем просмотров у одного видео?"));
  EXPECT_TRUE(Parse("Сколько креаторов имеют хотя бы одно видео с больше 1000 просмотров?"));
}

}  // namespace
}  // namespace videobot::nl
