#include "llm/system_prompt.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "common/text.hpp"
#include "llm/json_extract.hpp"
#include "plan/validator.hpp"

namespace videobot::llm {
namespace {

std::vector<std::string> JsonExamples(std::string_view text) {
  std::vector<std::string> examples;
  const std::string_view open = "```json\n";
  for (auto pos = text.find(open); pos != std::string_view::npos; pos = text.find(open, pos)) {
    pos += open.size();
    const auto close = text.find("```", pos);
    if (close == std::string_view::npos) break;
    examples.emplace_back(text.substr(pos, close - pos));
    pos = close + 3;
  }
  return examples;
}

TEST(LlmSystemPrompt, IsEmbeddedRussianText) {
  const std::string_view prompt = SystemPromptTemplate();
  ASSERT_GT(prompt.size(), 2000u);
  EXPECT_TRUE(IsValidUtf8(prompt));
  for (const char* topic : {"videos", "snapshots", "delta_views_count", "hours_after_publication", "count_distinct",
                            "modification", "включительно", "as_of", "state", "на начало ноября"}) {
    EXPECT_NE(prompt.find(topic), std::string_view::npos) << topic;
  }
}

TEST(LlmSystemPrompt, EveryExamplePlanPassesTheValidator) {
  const auto examples = JsonExamples(SystemPromptTemplate());
  ASSERT_GE(examples.size(), 10u);
  int refusals = 0;
  int states = 0;
  for (const auto& example : examples) {
    const auto plan = plan::ParsePlan(example);
    ASSERT_TRUE(plan) << example << "\n" << plan.error().Describe();
    if (plan->action == plan::Action::kRefuse) ++refusals;
    if (plan->source == plan::Source::kState && plan->action == plan::Action::kQuery) ++states;
  }
  EXPECT_GE(states, 2) << "examples of counters as of a moment (source state, as_of)";
  EXPECT_GE(refusals, 2);
  EXPECT_LT(refusals, static_cast<int>(examples.size()) / 2);
}

TEST(LlmSystemPrompt, AppendsTheCurrentMomentInTheConfiguredZone) {
  // 2025-11-30 22:30 UTC is Monday 2025-12-01 01:30 in Moscow.
  const Instant now = ToInstant(DateTime{Date{2025, 11, 30}, 22 * 3600 + 30 * 60}, UtcOffset{0});
  const std::string moscow = BuildSystemPrompt(plan::TimeContext{now, UtcOffset{180}});
  EXPECT_EQ(moscow.rfind(SystemPromptTemplate().substr(0, 200), 0), 0u);
  EXPECT_NE(moscow.find("2025-12-01 (понедельник), 01:30"), std::string::npos) << moscow.substr(moscow.size() - 300);
  EXPECT_NE(moscow.find("UTC+03:00"), std::string::npos);
  const std::string utc = BuildSystemPrompt(plan::TimeContext{now, UtcOffset{0}});
  EXPECT_NE(utc.find("2025-11-30 (воскресенье), 22:30"), std::string::npos);
}

}  // namespace
}  // namespace videobot::llm
