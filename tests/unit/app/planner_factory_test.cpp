// The planner factory: which modes it builds from the model's settings, and what it refuses.
#include "app/planner_factory.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace videobot::app {
namespace {

using llm::Settings;

// A rules source that counts every video, whatever the question.
class CountingRules final : public plan::PlanSource {
 public:
  Result<plan::Plan> MakePlan(std::string_view, const plan::TimeContext&) override { return plan::Plan{}; }
  std::string_view Name() const override { return "rules"; }
};

std::unique_ptr<plan::PlanSource> RulesSource() { return std::make_unique<CountingRules>(); }

// A literal reader that finds nothing in any question.
llm::QuestionLiteralsFn NoLiterals() {
  return [](std::string_view, const plan::TimeContext&) { return Result<plan::Literals>(plan::Literals{}); };
}

TEST(PlannerFactory, UnknownModesAndMissingKeysAreUsageErrors) {
  EXPECT_EQ(MakePlannerRouter("bogus", RulesSource(), Settings{}, NoLiterals()).error().code, ErrorCode::kUsage);
  const auto keyless = MakePlannerRouter("llm", RulesSource(), Settings{}, NoLiterals());
  ASSERT_FALSE(keyless);
  EXPECT_EQ(keyless.error().path, "LLM_API_KEY");
  Settings local;
  local.base_url = "http://127.0.0.1:11434/v1";
  EXPECT_TRUE(MakePlannerRouter("auto", RulesSource(), local, NoLiterals()));  // a local server needs no key
  Settings keyed;
  keyed.api_key = "sk-x";
  auto automatic = MakePlannerRouter("", RulesSource(), keyed, NoLiterals());
  ASSERT_TRUE(automatic);
  EXPECT_EQ((*automatic)->Name(), "auto");
  auto rules_only = MakePlannerRouter("", RulesSource(), Settings{});
  ASSERT_TRUE(rules_only);
  EXPECT_EQ((*rules_only)->mode(), service::PlannerMode::kRules);
  EXPECT_EQ((*rules_only)->Name(), "rules");
}

TEST(PlannerFactory, ModelModesNeedAQuestionLiteralReader) {
  Settings keyed;
  keyed.api_key = "sk-x";
  for (const char* mode : {"llm", "auto", "verify", ""}) {
    const auto unchecked = MakePlannerRouter(mode, RulesSource(), keyed);
    ASSERT_FALSE(unchecked) << mode;
    EXPECT_EQ(unchecked.error().code, ErrorCode::kUsage) << mode;
    EXPECT_TRUE(MakePlannerRouter(mode, RulesSource(), keyed, NoLiterals())) << mode;
  }
  EXPECT_TRUE(MakePlannerRouter("rules", RulesSource(), keyed));
}

TEST(PlannerFactory, BrokenSettingsOnlyMatterToModesThatUseTheModel) {
  const Result<Settings> broken = Fail(ErrorCode::kUsage, "LLM_TIMEOUT_S плохой", "LLM_TIMEOUT_S");
  EXPECT_EQ(MakePlannerRouter("auto", RulesSource(), broken, NoLiterals()).error().path, "LLM_TIMEOUT_S");
  EXPECT_EQ(MakePlannerRouter("", RulesSource(), broken, NoLiterals()).error().path, "LLM_TIMEOUT_S");
  auto rules = MakePlannerRouter("rules", RulesSource(), broken, NoLiterals());
  ASSERT_TRUE(rules);
  EXPECT_EQ((*rules)->Name(), "rules");
}

}  // namespace
}  // namespace videobot::app
