// The RuleParser API: name, refusals with an example, and that every accepted plan is valid.

#include "nl/rule_parser.hpp"

#include <gtest/gtest.h>

#include "plan/validator.hpp"

namespace videobot::nl {
namespace {

const plan::TimeContext kContext{ParseTimestamp("2025-12-02T12:00:00Z").value(), UtcOffset{}};

TEST(RuleParser, Name) {
  RuleParser parser;
  EXPECT_EQ(parser.Name(), "rules");
  const plan::PlanSource& source = parser;
  EXPECT_EQ(source.Name(), "rules");
}

TEST(RuleParser, RefusalsCarryACodeAndOneExample) {
  RuleParser parser;
  struct Case {
    const char* question;
    ErrorCode code;
  };
  for (const Case& c :
       {Case{"Привет!", ErrorCode::kQuestionOutOfScope}, Case{"Удали все видео", ErrorCode::kQuestionModification},
        Case{"DROP TABLE videos", ErrorCode::kQuestionModification},
        Case{"Сколько репостов у видео?", ErrorCode::kQuestionUnknownMetric},
        Case{"Сколько видео опубликовано с 5 по 1 ноября 2025?", ErrorCode::kQuestionReversedRange},
        Case{"Сколько длинных видео?", ErrorCode::kQuestionNotUnderstood}}) {
    auto result = parser.MakePlan(c.question, kContext);
    ASSERT_FALSE(result.has_value()) << c.question;
    EXPECT_EQ(result.error().code, c.code) << c.question;
    const std::string& message = result.error().message;
    EXPECT_NE(message.find("Пример вопроса: «"), std::string::npos) << message;
    EXPECT_EQ(message.find("Пример вопроса"), message.rfind("Пример вопроса")) << "one example only";
  }
}

TEST(RuleParser, TooLongAndInvalidText) {
  RuleParser parser;
  EXPECT_EQ(parser.MakePlan(std::string(5000, 'x'), kContext).error().code, ErrorCode::kQuestionTooLong);
  EXPECT_EQ(parser.MakePlan("\xc3\x28", kContext).error().code, ErrorCode::kQuestionNotUnderstood);
  EXPECT_EQ(parser.MakePlan("", kContext).error().code, ErrorCode::kQuestionNotUnderstood);
}

TEST(RuleParser, IsDeterministic) {
  RuleParser parser;
  const char* question = "На сколько просмотров выросли все видео 28 ноября 2025?";
  auto first = parser.MakePlan(question, kContext);
  auto second = parser.MakePlan(question, kContext);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(*first, *second);
}

TEST(RuleParser, NeverCrashesOnNoise) {
  // Fragments and shuffles of real questions: any outcome is fine except an invalid plan.
  RuleParser parser;
  const std::string words[] = {"сколько", "видео",   "креатора",   "aca1061a9d324ecf8c3fa2bb32d7be63",
                               "больше",  "10 000",  "просмотров", "с",
                               "по",      "28",      "ноября",     "2025",
                               "до",      "15:00",   "на",         "выросли",
                               "разных",  "(",       ")",          "?",
                               "—",       "то есть", "топ",        "5",
                               "-"};
  const std::size_t n = std::size(words);
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) {
      for (std::size_t c = 0; c < n; c += 3) {
        const std::string question = words[a] + " " + words[b] + " " + words[c] + " " + words[(a + b) % n];
        auto result = parser.MakePlan(question, kContext);
        if (result) {
          auto valid = plan::ValidatePlan(*result);
          EXPECT_TRUE(valid.has_value()) << question << ": " << valid.error().Describe();
        }
      }
    }
  }
}

}  // namespace
}  // namespace videobot::nl
