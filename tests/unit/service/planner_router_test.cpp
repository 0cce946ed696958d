#include "service/planner_router.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <functional>

namespace videobot::service {

// A plan source answering from a function and counting its calls.
class FakeSource final : public plan::PlanSource {
 public:
  using Answer = std::function<Result<plan::Plan>(std::string_view)>;
  FakeSource(std::string name, Answer answer, std::shared_ptr<std::atomic<int>> calls)
      : name_(std::move(name)), answer_(std::move(answer)), calls_(std::move(calls)) {}
  Result<plan::Plan> MakePlan(std::string_view question, const plan::TimeContext&) override {
    ++*calls_;
    return answer_(question);
  }
  std::string_view Name() const override { return name_; }

 private:
  std::string name_;
  Answer answer_;
  std::shared_ptr<std::atomic<int>> calls_;
};

namespace {

const plan::TimeContext kContext{ToInstant(DateTime{Date{2025, 12, 10}, 12 * 3600}, UtcOffset{0}), UtcOffset{0}};

plan::Plan CountVideos() { return plan::Plan{}; }

plan::Plan CountVideosAbove(std::int64_t views) {
  plan::Plan plan;
  plan.filters.conditions = {{plan::Field::kViews, plan::CompareOp::kGreater, views}};
  return plan;
}

Unexpected NotUnderstood() { return Fail(ErrorCode::kQuestionNotUnderstood, "не понял"); }

struct Harness {
  std::shared_ptr<std::atomic<int>> rules_calls = std::make_shared<std::atomic<int>>(0);
  std::shared_ptr<std::atomic<int>> llm_calls = std::make_shared<std::atomic<int>>(0);

  std::unique_ptr<PlannerRouter> Make(PlannerMode mode, FakeSource::Answer rules, FakeSource::Answer llm) {
    auto router = MakePlannerRouter(mode, std::make_unique<FakeSource>("rules", std::move(rules), rules_calls),
                                    std::make_unique<FakeSource>("llm", std::move(llm), llm_calls));
    EXPECT_TRUE(router);
    return std::move(*router);
  }
};

TEST(PlannerMode, ParsesNamesAndDefaults) {
  const bool without_key = false;
  const bool with_key = true;
  EXPECT_EQ(*ParsePlannerMode("", without_key), PlannerMode::kRules);
  EXPECT_EQ(*ParsePlannerMode("", with_key), PlannerMode::kAuto);
  EXPECT_EQ(*ParsePlannerMode("llm", without_key), PlannerMode::kLlm);
  EXPECT_EQ(*ParsePlannerMode("verify", with_key), PlannerMode::kVerify);
  EXPECT_EQ(*ParsePlannerMode("rules", with_key), PlannerMode::kRules);
  const auto bad = ParsePlannerMode("smart", with_key);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kUsage);
  EXPECT_NE(bad.error().message.find("rules, llm, auto, verify"), std::string::npos);
}

TEST(PlannerRouter, MissingSourcesAreUsageErrors) {
  auto calls = std::make_shared<std::atomic<int>>(0);
  auto source = [&] {
    return std::make_unique<FakeSource>(
        "x", [](std::string_view) { return Result<plan::Plan>(CountVideos()); }, calls);
  };
  EXPECT_EQ(MakePlannerRouter(PlannerMode::kAuto, nullptr, source()).error().code, ErrorCode::kUsage);
  EXPECT_EQ(MakePlannerRouter(PlannerMode::kVerify, source(), nullptr).error().code, ErrorCode::kUsage);
  EXPECT_TRUE(MakePlannerRouter(PlannerMode::kRules, source(), nullptr));
  EXPECT_TRUE(MakePlannerRouter(PlannerMode::kLlm, nullptr, source()));
}

TEST(PlannerRouter, RulesAndLlmModesUseOneSource) {
  Harness h;
  auto rules = h.Make(
      PlannerMode::kRules, [](std::string_view) { return NotUnderstood(); },
      [](std::string_view) { return Result<plan::Plan>(CountVideos()); });
  EXPECT_EQ(rules->Route("q", kContext).error().code, ErrorCode::kQuestionNotUnderstood);
  EXPECT_EQ(*h.llm_calls, 0);
  auto llm = h.Make(
      PlannerMode::kLlm, [](std::string_view) { return Result<plan::Plan>(CountVideos()); },
      [](std::string_view) { return Result<plan::Plan>(CountVideosAbove(5)); });
  const auto routed = llm->Route("q", kContext);
  ASSERT_TRUE(routed);
  EXPECT_EQ(routed->planner, "llm");
  EXPECT_EQ(routed->plan, CountVideosAbove(5));
  EXPECT_EQ(*h.rules_calls, 1);
}

TEST(PlannerRouter, AutoPrefersTheRules) {
  Harness h;
  auto router = h.Make(
      PlannerMode::kAuto, [](std::string_view) { return Result<plan::Plan>(CountVideos()); },
      [](std::string_view) { return Result<plan::Plan>(CountVideosAbove(1)); });
  const auto routed = router->Route("Сколько всего видео?", kContext);
  ASSERT_TRUE(routed);
  EXPECT_EQ(routed->planner, "rules");
  EXPECT_EQ(routed->plan, CountVideos());
  EXPECT_EQ(*h.llm_calls, 0);
}

TEST(PlannerRouter, AutoAsksTheModelWhenTheRulesDidNotUnderstand) {
  for (bool as_refusal_plan : {false, true}) {
    Harness h;
    auto router = h.Make(
        PlannerMode::kAuto,
        [as_refusal_plan](std::string_view) -> Result<plan::Plan> {
          if (as_refusal_plan) return plan::MakeRefusal(plan::RefusalReason::kNotUnderstood);
          return NotUnderstood();
        },
        [](std::string_view) { return Result<plan::Plan>(CountVideosAbove(7)); });
    const auto routed = router->Route("что-то хитрое", kContext);
    ASSERT_TRUE(routed);
    EXPECT_EQ(routed->planner, "llm");
    EXPECT_EQ(routed->plan, CountVideosAbove(7));
    EXPECT_EQ(*h.llm_calls, 1);
  }
}

TEST(PlannerRouter, AutoNeverSendsRefusedOrFailedQuestionsToTheModel) {
  for (auto reason :
       {plan::RefusalReason::kModification, plan::RefusalReason::kOutOfScope, plan::RefusalReason::kAmbiguous}) {
    Harness h;
    auto router = h.Make(
        PlannerMode::kAuto, [reason](std::string_view) { return Result<plan::Plan>(plan::MakeRefusal(reason)); },
        [](std::string_view) { return Result<plan::Plan>(CountVideos()); });
    const auto routed = router->Route("удали все видео", kContext);
    ASSERT_TRUE(routed);
    EXPECT_EQ(routed->plan.action, plan::Action::kRefuse);
    EXPECT_EQ(*h.llm_calls, 0);
  }
  Harness h;
  auto router = h.Make(
      PlannerMode::kAuto,
      [](std::string_view) -> Result<plan::Plan> { return Fail(ErrorCode::kQuestionModification, "нельзя"); },
      [](std::string_view) { return Result<plan::Plan>(CountVideos()); });
  EXPECT_EQ(router->Route("удали", kContext).error().code, ErrorCode::kQuestionModification);
  EXPECT_EQ(*h.llm_calls, 0);
}

TEST(PlannerRouter, AutoPassesOnTheModelsFailure) {
  Harness h;
  auto router = h.Make(
      PlannerMode::kAuto, [](std::string_view) { return NotUnderstood(); },
      [](std::string_view) -> Result<plan::Plan> { return Fail(ErrorCode::kLlmUnavailable, "недоступна"); });
  EXPECT_EQ(router->MakePlan("q", kContext).error().code, ErrorCode::kLlmUnavailable);
}

TEST(PlannerRouter, VerifyReturnsAgreedPlans) {
  Harness h;
  auto router = h.Make(
      PlannerMode::kVerify, [](std::string_view) { return Result<plan::Plan>(CountVideosAbove(100)); },
      [](std::string_view) { return Result<plan::Plan>(CountVideosAbove(100)); });
  const auto routed = router->Route("q", kContext);
  ASSERT_TRUE(routed);
  EXPECT_TRUE(routed->verified);
  EXPECT_EQ(routed->planner, "rules+llm");
  EXPECT_EQ(*h.rules_calls, 1);
  EXPECT_EQ(*h.llm_calls, 1);
}

TEST(PlannerRouter, VerifyReportsDisagreementInsteadOfGuessing) {
  Harness h;
  auto router = h.Make(
      PlannerMode::kVerify, [](std::string_view) { return Result<plan::Plan>(CountVideosAbove(100)); },
      [](std::string_view) { return Result<plan::Plan>(CountVideosAbove(1000)); });
  const auto result = router->MakePlan("q", kContext);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kPlannersDisagree);
  EXPECT_EQ(result.error().path, "/filters/conditions/0/value");
  EXPECT_EQ(ErrorCodeName(result.error().code), "planners_disagree");
}

TEST(PlannerRouter, VerifyTreatsRefusalVersusQueryAsDisagreement) {
  Harness h;
  auto router = h.Make(
      PlannerMode::kVerify,
      [](std::string_view) { return Result<plan::Plan>(plan::MakeRefusal(plan::RefusalReason::kModification)); },
      [](std::string_view) { return Result<plan::Plan>(CountVideos()); });
  EXPECT_EQ(router->MakePlan("q", kContext).error().code, ErrorCode::kPlannersDisagree);
}

TEST(PlannerRouter, VerifyFallsBackToTheModelAloneWhenTheRulesDecline) {
  Harness h;
  auto router = h.Make(
      PlannerMode::kVerify, [](std::string_view) { return NotUnderstood(); },
      [](std::string_view) { return Result<plan::Plan>(CountVideosAbove(3)); });
  const auto routed = router->Route("q", kContext);
  ASSERT_TRUE(routed);
  EXPECT_EQ(routed->planner, "llm");
  EXPECT_FALSE(routed->verified);
}

TEST(PlannerRouter, VerifyTreatsAnUngroundedModelPlanAsDisagreement) {
  Harness h;
  auto router = h.Make(
      PlannerMode::kVerify, [](std::string_view) { return Result<plan::Plan>(CountVideosAbove(100)); },
      [](std::string_view) -> Result<plan::Plan> {
        return Fail(ErrorCode::kPlanUngrounded, "число 1000 есть в плане, но нет в вопросе",
                    "/filters/conditions/0/value");
      });
  const auto result = router->MakePlan("q", kContext);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kPlannersDisagree);
  EXPECT_EQ(result.error().path, "/filters/conditions/0/value");
}

TEST(PlannerRouter, AutoKeepsTheRulesAnswerWithoutAskingTheModel) {
  // Whatever the model would say, a question the rules understand is answered by the rules.
  Harness h;
  auto router = h.Make(
      PlannerMode::kAuto, [](std::string_view) { return Result<plan::Plan>(CountVideosAbove(100)); },
      [](std::string_view) -> Result<plan::Plan> {
        return Fail(ErrorCode::kPlanUngrounded, "не совпадает", "/filters");
      });
  const auto routed = router->Route("q", kContext);
  ASSERT_TRUE(routed);
  EXPECT_EQ(routed->plan, CountVideosAbove(100));
  EXPECT_EQ(*h.llm_calls, 0);
}

TEST(PlannerRouter, AutoPassesOnAnUngroundedModelPlanAsARefusal) {
  Harness h;
  auto router = h.Make(
      PlannerMode::kAuto, [](std::string_view) { return NotUnderstood(); },
      [](std::string_view) -> Result<plan::Plan> {
        return Fail(ErrorCode::kPlanUngrounded, "не совпадает", "/filters");
      });
  EXPECT_EQ(router->MakePlan("q", kContext).error().code, ErrorCode::kPlanUngrounded);
}

TEST(PlannerRouter, VerifyKeepsTheRulesPlanUnverifiedWhenTheModelFails) {
  Harness h;
  auto router = h.Make(
      PlannerMode::kVerify, [](std::string_view) { return Result<plan::Plan>(CountVideos()); },
      [](std::string_view) -> Result<plan::Plan> { return Fail(ErrorCode::kLlmUnavailable, "нет"); });
  const auto routed = router->Route("q", kContext);
  ASSERT_TRUE(routed);
  EXPECT_EQ(routed->planner, "rules");
  EXPECT_FALSE(routed->verified);
  EXPECT_EQ(routed->plan, CountVideos());
}

}  // namespace
}  // namespace videobot::service
