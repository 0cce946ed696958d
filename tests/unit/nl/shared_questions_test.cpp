// The shared acceptance questions (../shared/questions/*.tsv): every question with an answer
// gets a valid query plan, every REFUSE question is refused. The answers themselves are
// checked end to end against the databases by the service tests.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "nl/rule_parser.hpp"
#include "plan/plan_json.hpp"
#include "plan/validator.hpp"
#include "support/test_env.hpp"

namespace videobot::nl {
namespace {

TEST(SharedQuestions, ParseOrRefuseAsExpected) {
  VIDEOBOT_REQUIRE_SHARED();
  const std::filesystem::path dir = std::filesystem::path(testing::SharedDir()) / "questions";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no questions in " << dir;
  const plan::TimeContext context{*ParseTimestamp("2025-12-02T12:00:00Z"), UtcOffset{}};
  RuleParser parser;
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".tsv") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      const auto tab = line.find('\t');
      if (line.empty() || tab == std::string::npos) continue;
      const std::string question = line.substr(0, tab);
      const std::string answer = line.substr(tab + 1);
      SCOPED_TRACE(entry.path().filename().string() + ": " + question);
      const auto result = parser.MakePlan(question, context);
      ++checked;
      if (answer.rfind("REFUSE", 0) == 0) {
        EXPECT_FALSE(result.has_value()) << plan::ToJson(*result).dump();
        continue;
      }
      ASSERT_TRUE(result.has_value()) << result.error().Describe();
      EXPECT_EQ(result->action, plan::Action::kQuery);
      const auto valid = plan::ValidatePlan(*result);
      EXPECT_TRUE(valid.has_value()) << valid.error().Describe();
    }
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace videobot::nl
