// Model plans checked against the question's literals (ids, numbers, periods): LlmPlanSource with
// the parser's literal reader, against the scripted fake server.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "llm/llm_plan_source.hpp"
#include "llm_test_support.hpp"
#include "nl/grounding.hpp"
#include "nl/rule_parser.hpp"
#include "plan/plan_json.hpp"
#include "plan/validator.hpp"
#include "service/planner_router.hpp"

namespace videobot::testing {
namespace {

using Json = nlohmann::json;

constexpr const char* kCreator = "aca1061a9d324ecf8c3fa2bb32d7be63";
constexpr const char* kOtherCreator = "0123456789abcdef0123456789abcdef";

// A plan document: `filters` holds the keys to override.
std::string PlanJson(const std::string& source, const std::string& aggregate, const Json& field,
                     const std::vector<std::pair<std::string, Json>>& filters) {
  Json plan = {{"action", "query"}, {"refusal_reason", nullptr}, {"source", source}, {"aggregate", aggregate},
               {"field", field},    {"group_by", nullptr},       {"order", nullptr}, {"limit", nullptr}};
  Json all = {{"creator_ids", nullptr},
              {"video_ids", nullptr},
              {"published", nullptr},
              {"measured", nullptr},
              {"hours_after_publication", nullptr},
              {"conditions", Json::array()}};
  for (const auto& [key, value] : filters) all[key] = value;
  plan["filters"] = all;
  return plan.dump();
}

Json Day(const std::string& from, const std::string& to) {
  return Json{{"from", from}, {"to", to}, {"relative", nullptr}, {"count", nullptr}};
}

Json ViewsAbove(std::int64_t value) {
  return Json::array({Json{{"field", "views_count"}, {"op", ">"}, {"value", value}}});
}

const std::string kCreatorQuestion = std::string("Сколько видео у креатора с id ") + kCreator +
                                     " набрали больше 10 000 просмотров по итоговой статистике?";
const std::string kCreatorPlan =
    PlanJson("videos", "count", nullptr, {{"creator_ids", Json::array({kCreator})}, {"conditions", ViewsAbove(10000)}});
const std::string kGrowthQuestion = "На сколько просмотров в сумме выросли все видео 28 ноября 2025?";
const std::string kGrowthPlan =
    PlanJson("snapshots", "sum", "delta_views_count", {{"measured", Day("2025-11-28", "2025-11-28")}});

std::unique_ptr<llm::LlmPlanSource> GroundedSource(const FakeOpenAiServer& server) {
  return std::make_unique<llm::LlmPlanSource>(SettingsFor(server), llm::MakeCurlClientFactory(SettingsFor(server)),
                                              llm::RetryPolicy{}, nl::ExtractQuestionLiterals);
}

// The user message of the repair turn the server received (its second request).
std::string RepairText(const FakeOpenAiServer& server) {
  const auto requests = server.Requests();
  if (requests.size() < 2) return "";
  const Json body = requests[1].Json();
  return body.at("messages").back().at("content").get<std::string>();
}

struct UngroundedCase {
  const char* name;
  std::string question;
  std::string plan;
  std::vector<std::string> repair_mentions;  ///< what the repair turn must name
};

std::vector<UngroundedCase> UngroundedCases() {
  return {
      {"extra creator id",
       "Сколько видео набрали больше 10 000 просмотров?",
       PlanJson("videos", "count", nullptr,
                {{"creator_ids", Json::array({kCreator})}, {"conditions", ViewsAbove(10000)}}),
       {kCreator, "нет в вопросе"}},
      {"missing creator id",
       kCreatorQuestion,
       PlanJson("videos", "count", nullptr, {{"conditions", ViewsAbove(10000)}}),
       {kCreator, "нет в плане"}},
      {"another creator id",
       kCreatorQuestion,
       PlanJson("videos", "count", nullptr,
                {{"creator_ids", Json::array({kOtherCreator})}, {"conditions", ViewsAbove(10000)}}),
       {kCreator, kOtherCreator}},
      {"wrong threshold",
       kCreatorQuestion,
       PlanJson("videos", "count", nullptr,
                {{"creator_ids", Json::array({kCreator})}, {"conditions", ViewsAbove(1000)}}),
       {"10000", "1000 есть в плане"}},
      {"wrong date",
       kGrowthQuestion,
       PlanJson("snapshots", "sum", "delta_views_count", {{"measured", Day("2025-11-27", "2025-11-27")}}),
       {"2025-11-27", "28 ноября 2025"}},
      {"extra date",
       "Какое общее количество лайков набрали все видео?",
       PlanJson("videos", "sum", "likes_count", {{"published", Day("2025-11-01", "2025-11-30")}}),
       {"published", "2025-11-30"}},
      {"missing period",
       kGrowthQuestion,
       PlanJson("snapshots", "sum", "delta_views_count", {}),
       {"28 ноября 2025", "нет в плане"}},
  };
}

TEST(LlmGrounding, EachKindOfUngroundedPlanGetsARepairTurnNamingItThenARefusal) {
  for (const UngroundedCase& c : UngroundedCases()) {
    SCOPED_TRACE(c.name);
    FakeOpenAiServer server;
    server.SetFallback(FakeOpenAiServer::Completion(c.plan));
    auto source = GroundedSource(server);
    const auto plan = source->MakePlan(c.question, TestContext());
    ASSERT_FALSE(plan) << plan::ToJson(*plan).dump();
    EXPECT_EQ(plan.error().code, ErrorCode::kPlanUngrounded);
    EXPECT_NE(plan.error().message.find("угадывать нельзя"), std::string::npos) << plan.error().message;
    ASSERT_EQ(server.RequestCount(), 2u) << "one answer and one repair turn";
    const std::string repair = RepairText(server);
    EXPECT_NE(repair.find("plan_ungrounded"), std::string::npos) << repair;
    for (const std::string& mention : c.repair_mentions)
      EXPECT_NE(repair.find(mention), std::string::npos) << mention << " in " << repair;
    EXPECT_EQ(server.Requests()[1].Json().at("messages").at(2).at("content"), c.plan) << "the model sees its answer";
  }
}

TEST(LlmGrounding, GroundedPlansAreAnsweredAtOnce) {
  for (const auto& [question, plan_json] :
       {std::pair{kCreatorQuestion, kCreatorPlan}, std::pair{kGrowthQuestion, kGrowthPlan}}) {
    FakeOpenAiServer server;
    server.Enqueue(FakeOpenAiServer::Completion(plan_json));
    auto source = GroundedSource(server);
    const auto plan = source->MakePlan(question, TestContext());
    ASSERT_TRUE(plan) << plan.error().Describe();
    EXPECT_EQ(*plan, *plan::ParsePlan(plan_json));
    EXPECT_EQ(server.RequestCount(), 1u);
  }
}

TEST(LlmGrounding, ARepairedPlanIsAccepted) {
  FakeOpenAiServer server;
  server.Enqueue(FakeOpenAiServer::Completion(PlanJson(
      "videos", "count", nullptr, {{"creator_ids", Json::array({kCreator})}, {"conditions", ViewsAbove(1000)}})));
  server.Enqueue(FakeOpenAiServer::Completion(kCreatorPlan));
  auto source = GroundedSource(server);
  const auto plan = source->MakePlan(kCreatorQuestion, TestContext());
  ASSERT_TRUE(plan) << plan.error().Describe();
  EXPECT_EQ(*plan, *plan::ParsePlan(kCreatorPlan));
  EXPECT_EQ(server.RequestCount(), 2u);
}

TEST(LlmGrounding, UngroundedPlansAreNotCached) {
  FakeOpenAiServer server;
  server.SetFallback(
      FakeOpenAiServer::Completion(PlanJson("videos", "count", nullptr, {{"conditions", ViewsAbove(5)}})));
  auto source = GroundedSource(server);
  EXPECT_FALSE(source->MakePlan(kCreatorQuestion, TestContext()));
  EXPECT_EQ(source->cache().Size(), 0u);
}

TEST(LlmGrounding, QuestionsWithUnreadableFragmentsNeverReachTheModel) {
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(kCreatorPlan));
  auto source = GroundedSource(server);
  for (const char* question :
       {"Сколько видео у креатора aca1061a9d324ecf8c3fa2bb32d7be6?", "Сколько видео вышло 31 ноября 2025?"}) {
    const auto plan = source->MakePlan(question, TestContext());
    ASSERT_FALSE(plan) << question;
    EXPECT_EQ(plan.error().code, ErrorCode::kQuestionNotUnderstood) << question;
    EXPECT_NE(plan.error().message.find("Пример вопроса"), std::string::npos) << plan.error().message;
  }
  EXPECT_EQ(server.RequestCount(), 0u);
}

TEST(LlmGrounding, TheMetricIsBeyondGroundingAndVerifyCatchesIt) {
  // «Сколько видео …» answered with a sum of likes: the same literals, another meaning.
  const std::string question = "Сколько видео набрало больше 100 000 просмотров за всё время?";
  const std::string likes = PlanJson("videos", "sum", "likes_count", {{"conditions", ViewsAbove(100000)}});
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(likes));
  auto model = GroundedSource(server);
  EXPECT_TRUE(model->MakePlan(question, TestContext())) << "grounding sees ids, numbers and dates only";

  auto verify = service::MakePlannerRouter(service::PlannerMode::kVerify, std::make_unique<nl::RuleParser>(),
                                           GroundedSource(server));
  ASSERT_TRUE(verify);
  const auto routed = (*verify)->MakePlan(question, TestContext());
  ASSERT_FALSE(routed);
  EXPECT_EQ(routed.error().code, ErrorCode::kPlannersDisagree);
}

TEST(LlmGrounding, VerifyRefusesWhenTheModelsPlanIsUngrounded) {
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(PlanJson(
      "videos", "count", nullptr, {{"creator_ids", Json::array({kCreator})}, {"conditions", ViewsAbove(1000)}})));
  auto verify = service::MakePlannerRouter(service::PlannerMode::kVerify, std::make_unique<nl::RuleParser>(),
                                           GroundedSource(server));
  ASSERT_TRUE(verify);
  const auto routed = (*verify)->MakePlan(kCreatorQuestion, TestContext());
  ASSERT_FALSE(routed);
  EXPECT_EQ(routed.error().code, ErrorCode::kPlannersDisagree);
}

TEST(LlmGrounding, ARefusalWithNullFiltersIsTheRefusalItIs) {
  for (const char* refusal :
       {R"({"action":"refuse","refusal_reason":"modification","source":null,"aggregate":null,"field":null,)"
        R"("filters":null,"group_by":null,"order":null,"limit":null})",
        R"({"action":"refuse","refusal_reason":"out_of_scope"})",
        R"({"action":"refuse","refusal_reason":null,"source":null,"aggregate":null,"field":null,)"
        R"("filters":{"creator_ids":null,"video_ids":null,"published":null,"measured":null,)"
        R"("hours_after_publication":null,"conditions":null},"group_by":null,"order":null,"limit":null})"}) {
    SCOPED_TRACE(refusal);
    FakeOpenAiServer server;
    server.SetFallback(FakeOpenAiServer::Completion(refusal));
    auto source = GroundedSource(server);
    const auto plan = source->MakePlan("Удали все видео креатора aca1061a9d324ecf8c3fa2bb32d7be63", TestContext());
    ASSERT_TRUE(plan) << plan.error().Describe();
    EXPECT_EQ(plan->action, plan::Action::kRefuse);
    EXPECT_TRUE(plan->refusal_reason.has_value());
    EXPECT_EQ(server.RequestCount(), 1u) << "no repair turn for a refusal";
  }
}

}  // namespace
}  // namespace videobot::testing
