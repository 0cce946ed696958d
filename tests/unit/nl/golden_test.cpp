// Golden cases: tests/cases/nl/*.tsv, one question per line with the expected plan (compact
// JSON as produced by plan::ToJson) or "REFUSE <error_code>". Lines "@now <timestamp>" and
// "@offset <offset>" set the clock and time zone for the lines after them in that file.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "nl/rule_parser.hpp"
#include "plan/plan_json.hpp"
#include "plan/validator.hpp"

namespace videobot::nl {
namespace {

constexpr const char* kDefaultNow = "2025-12-02T12:00:00Z";

struct GoldenCase {
  std::string file;
  int line = 0;
  std::string question;
  std::string expected;
  plan::TimeContext context;
};

std::vector<GoldenCase> LoadCases() {
  std::vector<GoldenCase> cases;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(VIDEOBOT_NL_CASES_DIR)) {
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path);
    plan::TimeContext context{*ParseTimestamp(kDefaultNow), UtcOffset{}};
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.empty() || line[0] == '#') continue;
      if (line.rfind("@now ", 0) == 0) {
        context.now = ParseTimestamp(line.substr(5)).value();
        continue;
      }
      if (line.rfind("@offset ", 0) == 0) {
        context.offset = ParseUtcOffset(line.substr(8)).value();
        continue;
      }
      const auto tab = line.find('\t');
      if (tab == std::string::npos) {
        ADD_FAILURE() << path << ":" << number << ": no tab";
        continue;
      }
      cases.push_back(GoldenCase{path.filename().string(), number, line.substr(0, tab), line.substr(tab + 1), context});
    }
  }
  return cases;
}

const std::vector<GoldenCase>& Cases() {
  static const std::vector<GoldenCase> cases = LoadCases();
  return cases;
}

class GoldenTest : public ::testing::TestWithParam<std::size_t> {};

TEST_P(GoldenTest, MatchesExpectedPlan) {
  const GoldenCase& c = Cases()[GetParam()];
  SCOPED_TRACE(c.file + ":" + std::to_string(c.line) + ": " + c.question);
  RuleParser parser;
  const auto result = parser.MakePlan(c.question, c.context);
  if (c.expected.rfind("REFUSE ", 0) == 0) {
    ASSERT_FALSE(result.has_value()) << "expected a refusal, got " << plan::ToJson(*result).dump();
    // "REFUSE code" or "REFUSE code<TAB>the whole message".
    const std::string refusal = c.expected.substr(7);
    const auto tab = refusal.find('\t');
    EXPECT_EQ(ErrorCodeName(result.error().code), refusal.substr(0, tab));
    EXPECT_NE(result.error().message.find("Пример вопроса: «"), std::string::npos) << result.error().message;
    if (tab != std::string::npos) {
      EXPECT_EQ(result.error().message, refusal.substr(tab + 1));
    }
    return;
  }
  ASSERT_TRUE(result.has_value()) << result.error().Describe();
  const auto valid = plan::ValidatePlan(*result);
  EXPECT_TRUE(valid.has_value()) << valid.error().Describe();
  // Compared as unordered objects: a case file may write the optional keys in any order.
  auto expected = nlohmann::json::parse(c.expected);
  // Plans without a moment may leave out the last key, "as_of" (null).
  if (expected.is_object() && !expected.contains("as_of")) expected["as_of"] = nullptr;
  // One-number plans may leave out "series" (null).
  if (expected.is_object() && !expected.contains("series")) expected["series"] = nullptr;
  // Plans that compare nothing may leave out "compare" (null).
  if (expected.is_object() && !expected.contains("compare")) expected["compare"] = nullptr;
  // Plans without a named time zone may leave out "time_zone" (null).
  if (expected.is_object() && !expected.contains("time_zone")) expected["time_zone"] = nullptr;
  EXPECT_EQ(nlohmann::json::parse(plan::ToJson(*result).dump()), expected) << plan::ToJson(*result).dump();
}

std::string CaseName(const ::testing::TestParamInfo<std::size_t>& info) {
  const GoldenCase& c = Cases()[info.param];
  std::string name = c.file.substr(0, c.file.find('.')) + "_line" + std::to_string(c.line);
  std::replace_if(name.begin(), name.end(), [](char ch) { return !std::isalnum(static_cast<unsigned char>(ch)); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenTest, ::testing::Range<std::size_t>(0, Cases().size()), CaseName);

TEST(GoldenFiles, HaveEnoughCases) { EXPECT_GE(Cases().size(), 300u); }

}  // namespace
}  // namespace videobot::nl
