// The question parser on random and mutated input: it never crashes, every refusal carries a
// question_* code and a readable message, and every plan it returns is valid, survives a JSON
// round trip and compiles to catalogue-only SQL. Seeds are the golden questions of
// tests/cases/nl; inputs that once failed are replayed from fuzz_regressions/questions.tsv.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "fuzz_input.hpp"
#include "nl/rule_parser.hpp"
#include "plan_checks.hpp"
#include "support/golden_file.hpp"
#include "support/test_env.hpp"

namespace videobot::fuzz {
namespace {

// The questions of the golden records (tests/cases/golden).
const std::vector<std::string>& RealQuestions() {
  static const std::vector<std::string> questions = [] {
    std::vector<std::string> out;
    for (const auto& c : testing::golden::AllCases()) {
      if (c.record.question && !c.record.question->empty()) out.push_back(*c.record.question);
    }
    return out;
  }();
  return questions;
}

// Words and fragments the parser reacts to, for splicing into mutated questions.
const std::vector<std::string> kDictionary = {
    "сколько",
    "видео",
    "креатора",
    "с id",
    "aca1061a9d324ecf8c3fa2bb32d7be63",
    "ecd8a4e4-1f24-4b97-a944-35d17078ce7c",
    "больше",
    "не меньше",
    "до",
    "от",
    "просмотров",
    "лайков",
    "комментариев",
    "жалоб",
    "выросли",
    "прирост",
    "разных",
    "замеров",
    "с",
    "по",
    "включительно",
    "28",
    "ноября",
    "2025",
    "28.11.2025",
    "2025-11-28",
    "10:00",
    "15:00",
    "вчера",
    "за последние",
    "7 дней",
    "часов",
    "топ",
    "10 000",
    "1,5 млн",
    "10 тыс.",
    "в среднем",
    "максимум",
    "по креаторам",
    "за первые 3 часа после публикации",
    "удали",
    "DROP TABLE",
    "?",
    "«",
    "»",
    "(",
    ")",
    "—",
    "...",
    "!!!",
    ";",
    "'",
    "\"",
    "99999999999999999999",
    "-5",
    "0",
    "31 февраля",
    "29.02.2023",
    "9999-12-31",
    "0000-00-00",
    "25:61",
    "в 2025 году",
    "месяц",
    "неделю",
};

std::string Punctuation(Random& random, std::size_t length) {
  static const std::vector<std::string> kMarks = {"(", ")", "[", "]", "«", "»", "\"", "'", "?", "!", ".", ",",
                                                  ";", ":", "—", "-", "…", "/", "\\", "*", "{", "}", "<", ">"};
  std::string out;
  for (std::size_t i = 0; i < length; ++i) out += random.Pick(kMarks);
  return out;
}

// One input of a randomly chosen kind.
std::string NextInput(Random& random) {
  const auto& seeds = RealQuestions();
  const std::string& seed = random.Pick(seeds);
  const auto insert_at = [&](std::string text, const std::string& what) {
    const auto tokens = SplitSpaces(text);
    auto copy = tokens;
    copy.insert(copy.begin() + random.Between(0, static_cast<std::int64_t>(copy.size())), what);
    return JoinSpaces(copy);
  };
  switch (random.Between(0, 9)) {
    case 0: return random.Bytes(static_cast<std::size_t>(random.Between(0, 256)));
    case 1: return random.Utf8(static_cast<std::size_t>(random.Between(0, 80)));
    case 2:
    case 3: return random.MutateTokens(seed, kDictionary, 4);
    case 4: return random.MutateBytes(seed, kDictionary, 3);
    case 5: return insert_at(seed, random.Number());
    case 6: return insert_at(seed, Punctuation(random, static_cast<std::size_t>(random.Between(1, 2000))));
    case 7: {  // long inputs: around and above the 4096-character limit
      std::string text;
      const auto target = static_cast<std::size_t>(random.Between(3000, 10000));
      while (text.size() < target) text += (random.Chance(0.5) ? random.Pick(seeds) : random.CyrillicWord()) + " ";
      return text;
    }
    case 8: return insert_at(seed, random.InvalidUtf8());
    default: return insert_at(seed, random.CyrillicWord());
  }
}

TEST(QuestionFuzz, RandomAndMutatedQuestionsGiveSoundOutcomes) {
  ASSERT_GT(RealQuestions().size(), 100u);
  Random random(BaseSeed());
  nl::RuleParser parser;
  const int iterations = Iterations(6000);
  const Budget budget(15);
  int done = 0;
  int plans = 0;
  double slowest = 0;
  std::string slowest_input;
  for (; done < iterations && !budget.Spent(); ++done) {
    const std::string question = NextInput(random);
    const auto time = random.Chance(0.1) ? plan::TimeContext{TestTime().now, UtcOffset{180}} : TestTime();
    const auto started = std::chrono::steady_clock::now();
    const auto outcome = parser.MakePlan(question, time);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (seconds > slowest) {
      slowest = seconds;
      slowest_input = question.substr(0, 80);
    }
    if (outcome) ++plans;
    ASSERT_TRUE(QuestionOutcomeIsSound(outcome, time)) << "iteration " << done << " input «" << Escape(question) << "»";
  }
  std::printf("question fuzz: %d inputs (%d plans) in %.1f s; slowest %.1f ms «%s»\n", done, plans, budget.Elapsed(),
              slowest * 1000, Escape(slowest_input).c_str());
  EXPECT_GT(plans, 0) << "mutations should keep some questions answerable";
}

TEST(QuestionFuzz, RegressionCases) {
  nl::RuleParser parser;
  const auto cases = ReadRegressionCases("questions.tsv");
  ASSERT_FALSE(cases.empty());
  for (const auto& c : cases) {
    EXPECT_TRUE(QuestionOutcomeIsSound(parser.MakePlan(c.input, TestTime()), TestTime())) << c.name;
  }
}

}  // namespace
}  // namespace videobot::fuzz
