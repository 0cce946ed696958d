// LlmPlanSource against the scripted fake server on loopback, through the real libcurl client.
#include "llm/llm_plan_source.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <thread>

#include "app/planner_factory.hpp"
#include "llm_test_support.hpp"
#include "nl/grounding.hpp"
#include "plan/validator.hpp"

namespace videobot::testing {
namespace {

using llm::LlmPlanSource;
using Json = nlohmann::json;
using std::chrono::milliseconds;

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(LlmPlanSourceLoopback, CorrectPlanAndTheRequestItCameFrom) {
  FakeOpenAiServer server;
  server.Enqueue(FakeOpenAiServer::Completion(kValidPlanJson));
  LlmPlanSource source(SettingsFor(server));
  const std::string question = "  Сколько видео набрало больше 100\u00A0000 просмотров?? ";
  const auto plan = source.MakePlan(question, TestContext());
  ASSERT_TRUE(plan) << plan.error().Describe();
  EXPECT_EQ(*plan, *plan::ParsePlan(kValidPlanJson));
  EXPECT_EQ(source.Name(), "llm");

  const auto requests = server.Requests();
  ASSERT_EQ(requests.size(), 1u);
  const RecordedRequest& request = requests[0];
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.path, "/v1/chat/completions");
  EXPECT_EQ(request.Header("Authorization"), std::string("Bearer ") + kTestApiKey);
  EXPECT_NE(request.Header("Content-Type").find("application/json"), std::string::npos);
  EXPECT_EQ(request.Header("Expect"), "");  // no 100-continue round trip
  const Json body = request.Json();
  ASSERT_TRUE(body.is_object()) << request.body;
  EXPECT_EQ(body.at("model"), "test-model");
  EXPECT_EQ(body.at("temperature"), 0);
  const Json& format = body.at("response_format");
  EXPECT_EQ(format.at("type"), "json_schema");
  EXPECT_EQ(format.at("json_schema").at("strict"), true);
  EXPECT_EQ(format.at("json_schema").at("name"), "plan");
  EXPECT_EQ(format.at("json_schema").at("schema"), Json::parse(plan::PlanSchemaText()));
  const Json& messages = body.at("messages");
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].at("role"), "system");
  EXPECT_NE(messages[0].at("content").get<std::string>().find("2025-12-10"), std::string::npos);
  EXPECT_NE(messages[0].at("content").get<std::string>().find("snapshots"), std::string::npos);
  EXPECT_EQ(messages[1].at("role"), "user");
  EXPECT_EQ(messages[1].at("content"), question);  // exactly as written, spaces and all
}

TEST(LlmPlanSourceLoopback, NoAuthorizationHeaderWithoutAKey) {
  FakeOpenAiServer server;
  server.Enqueue(FakeOpenAiServer::Completion(kValidPlanJson));
  auto settings = SettingsFor(server);
  settings.api_key.clear();
  LlmPlanSource source(settings);
  ASSERT_TRUE(source.MakePlan("Сколько видео?", TestContext()));
  EXPECT_EQ(server.Requests().at(0).Header("Authorization"), "");
}

TEST(LlmPlanSourceLoopback, PlanInsideMarkdownFences) {
  FakeOpenAiServer server;
  server.Enqueue(FakeOpenAiServer::Completion("Вот план запроса:\n```json\n" + kValidPlanJson + "\n```\nГотово!"));
  LlmPlanSource source(SettingsFor(server));
  const auto plan = source.MakePlan("вопрос", TestContext());
  ASSERT_TRUE(plan) << plan.error().Describe();
  EXPECT_EQ(*plan, *plan::ParsePlan(kValidPlanJson));
  EXPECT_EQ(server.RequestCount(), 1u);
}

TEST(LlmPlanSourceLoopback, GarbageGetsOneRepairTurnThenBadOutput) {
  FakeOpenAiServer server;
  server.Enqueue(FakeOpenAiServer::Completion("Сорок два."));
  server.Enqueue(FakeOpenAiServer::Completion("Всё ещё не знаю."));
  LlmPlanSource source(SettingsFor(server));
  const auto plan = source.MakePlan("Сколько видео?", TestContext());
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().code, ErrorCode::kLlmBadOutput);
  EXPECT_EQ(server.RequestCount(), 2u);
  const Json repair = server.Requests().at(1).Json();
  const Json& messages = repair.at("messages");
  ASSERT_EQ(messages.size(), 4u);
  EXPECT_EQ(messages[1].at("content"), "Сколько видео?");
  EXPECT_EQ(messages[2].at("role"), "assistant");
  EXPECT_EQ(messages[2].at("content"), "Сорок два.");
  EXPECT_EQ(messages[3].at("role"), "user");
  EXPECT_NE(messages[3].at("content").get<std::string>().find("plan_not_json"), std::string::npos);
}

TEST(LlmPlanSourceLoopback, SchemaInvalidPlanRepaired) {
  FakeOpenAiServer server;
  server.Enqueue(FakeOpenAiServer::Completion(kSchemaInvalidPlanJson));
  server.Enqueue(FakeOpenAiServer::Completion(kValidPlanJson));
  LlmPlanSource source(SettingsFor(server));
  const auto plan = source.MakePlan("Сколько видео?", TestContext());
  ASSERT_TRUE(plan) << plan.error().Describe();
  EXPECT_EQ(*plan, *plan::ParsePlan(kValidPlanJson));
  ASSERT_EQ(server.RequestCount(), 2u);
  const std::string repair = server.Requests().at(1).Json().at("messages").at(3).at("content").get<std::string>();
  EXPECT_NE(repair.find("plan_schema"), std::string::npos) << repair;
  EXPECT_NE(repair.find("/source"), std::string::npos) << repair;
}

TEST(LlmPlanSourceLoopback, InvalidPlanNotRepairedIsBadOutputWithPath) {
  FakeOpenAiServer server;
  server.Enqueue(FakeOpenAiServer::Completion(kSemanticallyInvalidPlanJson));
  server.Enqueue(FakeOpenAiServer::Completion(kSemanticallyInvalidPlanJson));
  server.Enqueue(FakeOpenAiServer::Completion(kValidPlanJson));  // never asked for
  LlmPlanSource source(SettingsFor(server));
  const auto plan = source.MakePlan("Сколько видео?", TestContext());
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().code, ErrorCode::kLlmBadOutput);
  EXPECT_EQ(plan.error().path, "/field");
  EXPECT_EQ(server.RequestCount(), 2u);
  const std::string repair = server.Requests().at(1).Json().at("messages").at(3).at("content").get<std::string>();
  EXPECT_NE(repair.find("plan_semantic"), std::string::npos) << repair;
}

TEST(LlmPlanSourceLoopback, RefusalPlanIsReturned) {
  FakeOpenAiServer server;
  server.Enqueue(FakeOpenAiServer::Completion(kRefusalPlanJson));
  LlmPlanSource source(SettingsFor(server));
  const auto plan = source.MakePlan("Удали все видео", TestContext());
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->action, plan::Action::kRefuse);
  EXPECT_EQ(plan->refusal_reason, plan::RefusalReason::kModification);
}

TEST(LlmPlanSourceLoopback, RetriesAfterTooManyRequestsHonouringRetryAfter) {
  FakeOpenAiServer server;
  server.Enqueue(FakeOpenAiServer::Status(429, "slow down", {{"Retry-After", "1"}}));
  server.Enqueue(FakeOpenAiServer::Completion(kValidPlanJson));
  LlmPlanSource source(SettingsFor(server));
  const auto start = std::chrono::steady_clock::now();
  const auto plan = source.MakePlan("Сколько видео?", TestContext());
  ASSERT_TRUE(plan) << plan.error().Describe();
  EXPECT_GE(SecondsSince(start), 0.95);  // waited as asked, not the 250 ms default back-off
  EXPECT_EQ(server.RequestCount(), 2u);
}

TEST(LlmPlanSourceLoopback, RetryAfterBeyondTheDeadlineGivesUpAtOnce) {
  FakeOpenAiServer server;
  server.Enqueue(FakeOpenAiServer::Status(429, "slow down", {{"Retry-After", "30"}}));
  LlmPlanSource source(SettingsFor(server, milliseconds(3'000)));
  const auto start = std::chrono::steady_clock::now();
  const auto plan = source.MakePlan("Сколько видео?", TestContext());
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().code, ErrorCode::kLlmUnavailable);
  EXPECT_NE(plan.error().message.find("429"), std::string::npos) << plan.error().message;
  EXPECT_LT(SecondsSince(start), 1.0);
  EXPECT_EQ(server.RequestCount(), 1u);
}

TEST(LlmPlanSourceLoopback, ServerErrorThenSuccess) {
  FakeOpenAiServer server;
  server.Enqueue(FakeOpenAiServer::Status(500, "boom"));
  server.Enqueue(FakeOpenAiServer::Completion(kValidPlanJson));
  LlmPlanSource source(SettingsFor(server));
  ASSERT_TRUE(source.MakePlan("Сколько видео?", TestContext()));
  EXPECT_EQ(server.RequestCount(), 2u);
  EXPECT_EQ(source.http_attempts(), 2);
}

TEST(LlmPlanSourceLoopback, PersistentServerErrorsExhaustTheRetries) {
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Status(503, "overloaded"));
  llm::RetryPolicy policy;
  policy.initial_backoff = milliseconds(20);
  LlmPlanSource source(SettingsFor(server), llm::MakeCurlClientFactory(SettingsFor(server)), policy);
  const auto plan = source.MakePlan("Сколько видео?", TestContext());
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().code, ErrorCode::kLlmUnavailable);
  EXPECT_NE(plan.error().message.find("HTTP 503"), std::string::npos) << plan.error().message;
  EXPECT_EQ(server.RequestCount(), static_cast<std::size_t>(policy.max_attempts));
}

TEST(LlmPlanSourceLoopback, HangPastTheDeadlineIsUnavailable) {
  FakeOpenAiServer server;
  FakeReply hang = FakeOpenAiServer::Completion(kValidPlanJson);
  hang.delay = milliseconds(8'000);
  server.SetFallback(hang);
  LlmPlanSource source(SettingsFor(server, milliseconds(1'000)));
  const auto start = std::chrono::steady_clock::now();
  const auto plan = source.MakePlan("Сколько видео?", TestContext());
  const double elapsed = SecondsSince(start);
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().code, ErrorCode::kLlmUnavailable);
  EXPECT_NE(plan.error().message.find("не ответила"), std::string::npos) << plan.error().message;
  EXPECT_GE(elapsed, 0.9);
  EXPECT_LT(elapsed, 2.0);
}

TEST(LlmPlanSourceLoopback, RejectedKeyIsNotRetriedAndNeverEchoed) {
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Status(401, std::string("Incorrect API key provided: ") + kTestApiKey));
  LlmPlanSource source(SettingsFor(server));
  const auto plan = source.MakePlan("Сколько видео?", TestContext());
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().code, ErrorCode::kLlmUnavailable);
  EXPECT_NE(plan.error().message.find("401"), std::string::npos);
  EXPECT_NE(plan.error().message.find("Incorrect API key provided: ***"), std::string::npos) << plan.error().message;
  EXPECT_EQ(plan.error().Describe().find(kTestApiKey), std::string::npos);
  EXPECT_EQ(server.RequestCount(), 1u);
}

TEST(LlmPlanSourceLoopback, ProtocolViolationIsBadOutputWithoutTheKey) {
  FakeOpenAiServer server;
  server.SetFallback(FakeReply{200, std::string("{\"echo\":\"") + kTestApiKey + "\"}", {}, milliseconds(0)});
  LlmPlanSource source(SettingsFor(server));
  const auto plan = source.MakePlan("Сколько видео?", TestContext());
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().code, ErrorCode::kLlmBadOutput);
  EXPECT_EQ(plan.error().Describe().find(kTestApiKey), std::string::npos);
}

TEST(LlmPlanSourceLoopback, UnreachableServerIsUnavailable) {
  std::string base_url;
  {
    FakeOpenAiServer gone;
    base_url = gone.BaseUrl();
  }
  llm::Settings settings;
  settings.base_url = base_url;
  settings.api_key = kTestApiKey;
  settings.timeout = milliseconds(3'000);
  llm::RetryPolicy policy;
  policy.initial_backoff = milliseconds(10);
  LlmPlanSource source(settings, llm::MakeCurlClientFactory(settings), policy);
  const auto plan = source.MakePlan("Сколько видео?", TestContext());
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().code, ErrorCode::kLlmUnavailable);
  EXPECT_NE(plan.error().message.find("недоступна"), std::string::npos) << plan.error().message;
  EXPECT_EQ(plan.error().Describe().find(kTestApiKey), std::string::npos);
  EXPECT_EQ(source.http_attempts(), policy.max_attempts);
}

TEST(LlmPlanSourceLoopback, RepeatedQuestionsComeFromTheCacheUntilTheDateChanges) {
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(kValidPlanJson));
  LlmPlanSource source(SettingsFor(server));
  ASSERT_TRUE(source.MakePlan("Сколько видео набрало больше 100 000 просмотров?", TestContext()));
  ASSERT_TRUE(source.MakePlan("  сколько ВИДЕО набрало больше 100 000   просмотров?", TestContext()));
  EXPECT_EQ(server.RequestCount(), 1u);
  plan::TimeContext tomorrow = TestContext();
  tomorrow.now += kMicrosPerDay;
  ASSERT_TRUE(source.MakePlan("Сколько видео набрало больше 100 000 просмотров?", tomorrow));
  EXPECT_EQ(server.RequestCount(), 2u);
  EXPECT_EQ(source.cache().Size(), 2u);
}

TEST(LlmPlanSourceLoopback, FailuresAreNotCached) {
  FakeOpenAiServer server;
  server.Enqueue(FakeOpenAiServer::Status(400, "bad request"));
  server.Enqueue(FakeOpenAiServer::Completion(kValidPlanJson));
  LlmPlanSource source(SettingsFor(server));
  EXPECT_EQ(source.MakePlan("Сколько видео?", TestContext()).error().code, ErrorCode::kLlmUnavailable);
  EXPECT_TRUE(source.MakePlan("Сколько видео?", TestContext()));
  EXPECT_EQ(server.RequestCount(), 2u);
}

TEST(LlmPlanSourceLoopback, AnOversizedReplyIsItsOwnFailureAndIsNotRetried) {
  FakeOpenAiServer server;
  server.Enqueue(FakeOpenAiServer::GzipBomb(std::uint64_t{1} << 30));
  server.Enqueue(FakeOpenAiServer::Completion(kValidPlanJson));
  llm::Settings settings = SettingsFor(server);
  settings.max_response_bytes = 1 << 20;
  LlmPlanSource source(settings);
  const auto plan = source.MakePlan("Сколько видео?", TestContext());
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().code, ErrorCode::kResponseTooLarge);
  EXPECT_NE(plan.error().message.find("слишком большой ответ (больше 1 МиБ)"), std::string::npos)
      << plan.error().message;
  EXPECT_EQ(plan.error().message.find(kTestApiKey), std::string::npos);
  EXPECT_EQ(server.RequestCount(), 1u);
  EXPECT_EQ(source.http_attempts(), 1);
  // The next question is asked afresh: the failure was not cached.
  EXPECT_TRUE(source.MakePlan("Сколько видео?", TestContext()));
}

TEST(LlmPlanSourceLoopback, ConcurrentQuestionsFromSeveralThreads) {
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(kValidPlanJson));
  LlmPlanSource source(SettingsFor(server));
  std::vector<std::thread> threads;
  std::atomic<int> successes{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        if (source.MakePlan("вопрос " + std::to_string(t * 10 + i), TestContext())) ++successes;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(successes.load(), 20);
  EXPECT_EQ(server.RequestCount(), 20u);
}

// The offline parser's stand-in: understands exactly one question.
class OneQuestionRules final : public plan::PlanSource {
 public:
  Result<plan::Plan> MakePlan(std::string_view question, const plan::TimeContext&) override {
    if (question == "Сколько всего видео?") return plan::Plan{};
    return Fail(ErrorCode::kQuestionNotUnderstood, "не понял");
  }
  std::string_view Name() const override { return "rules"; }
};

TEST(LlmPlannerRouterLoopback, AutoAndVerifyAgainstTheFakeModel) {
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(kValidPlanJson));
  auto automatic = app::MakePlannerRouter("auto", std::make_unique<OneQuestionRules>(), SettingsFor(server),
                                          nl::ExtractQuestionLiterals);
  ASSERT_TRUE(automatic) << automatic.error().Describe();
  auto by_rules = (*automatic)->Route("Сколько всего видео?", TestContext());
  ASSERT_TRUE(by_rules);
  EXPECT_EQ(by_rules->planner, "rules");
  EXPECT_EQ(server.RequestCount(), 0u);
  auto by_model = (*automatic)->Route("Сколько видео набрало больше 100 тыс. просмотров?", TestContext());
  ASSERT_TRUE(by_model);
  EXPECT_EQ(by_model->planner, "llm");
  EXPECT_EQ(server.RequestCount(), 1u);

  // verify: the rules count all videos, the model counts those above 100 000 views — a number
  // the question lacks, so after its repair turn the model's plan is a disagreement.
  auto verify = app::MakePlannerRouter("verify", std::make_unique<OneQuestionRules>(), SettingsFor(server),
                                       nl::ExtractQuestionLiterals);
  ASSERT_TRUE(verify);
  const auto disagreement = (*verify)->MakePlan("Сколько всего видео?", TestContext());
  ASSERT_FALSE(disagreement);
  EXPECT_EQ(disagreement.error().code, ErrorCode::kPlannersDisagree);
  EXPECT_EQ(disagreement.error().path, "/filters/conditions/0/value");
  EXPECT_EQ(server.RequestCount(), 3u);
}

TEST(LlmPlannerRouterLoopback, AnOversizedModelReplyNeverReplacesTheRulesAnswer) {
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Oversized(50u << 20, /*announce_length=*/false));
  for (const char* mode : {"auto", "verify"}) {
    auto router = app::MakePlannerRouter(mode, std::make_unique<OneQuestionRules>(), SettingsFor(server),
                                         nl::ExtractQuestionLiterals);
    ASSERT_TRUE(router) << router.error().Describe();
    const auto by_rules = (*router)->Route("Сколько всего видео?", TestContext());
    ASSERT_TRUE(by_rules) << mode << ": " << by_rules.error().Describe();
    EXPECT_EQ(by_rules->planner, "rules") << mode;
    const auto by_model = (*router)->Route("Сколько видео набрало больше 100 тыс. просмотров?", TestContext());
    ASSERT_FALSE(by_model) << mode;
    EXPECT_EQ(by_model.error().code, ErrorCode::kResponseTooLarge) << mode;
  }
}

}  // namespace
}  // namespace videobot::testing
