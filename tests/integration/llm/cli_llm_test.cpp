// The real binary with `--planner llm` against the fake server.
#include <gtest/gtest.h>
#include <unistd.h>

#include "llm_test_support.hpp"
#include "support/test_env.hpp"

namespace videobot::testing {
namespace {

bool CliSupportsPlanner() {
  if (BinaryPath().empty() || access(BinaryPath().c_str(), X_OK) != 0) return false;
  const ProcessResult help = RunProcess({BinaryPath(), "--help"});
  return help.out.find("--planner") != std::string::npos && RunProcess({BinaryPath(), "plan", "--help"}).exit_code == 0;
}

std::vector<std::string> ModelEnvironment(const FakeOpenAiServer& server) {
  return {"LLM_BASE_URL=" + server.BaseUrl(), std::string("LLM_API_KEY=") + kTestApiKey, "LLM_MODEL=test-model",
          "LLM_TIMEOUT_S=5", "LLM_PROXY_URL="};
}

// Outside CI a half-built tree may lack the binary; CI always builds it, so there it must run.
#define VIDEOBOT_REQUIRE_PLANNER_CLI()                                                     \
  do {                                                                                     \
    if (!CliSupportsPlanner()) {                                                           \
      if (InCi()) FAIL() << "the videobot binary with `--planner` and `plan` is required"; \
      GTEST_SKIP() << "no videobot binary with `--planner` and `plan`";                    \
    }                                                                                      \
  } while (0)

TEST(LlmCli, PlanFromTheModelIsPrinted) {
  VIDEOBOT_REQUIRE_PLANNER_CLI();
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(kValidPlanJson));
  const std::string question = "Сколько видео набрало больше 100 000 просмотров?";
  const ProcessResult result =
      RunProcess({BinaryPath(), "--planner", "llm", "plan", question}, {}, ModelEnvironment(server));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("views_count"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("100000"), std::string::npos) << result.out;
  ASSERT_EQ(server.RequestCount(), 1u);
  EXPECT_EQ(server.Requests()[0].Json().at("messages").at(1).at("content"), question);
  EXPECT_EQ(result.err.find(kTestApiKey), std::string::npos);
  EXPECT_EQ(result.out.find(kTestApiKey), std::string::npos);
}

TEST(LlmCli, GarbageFromTheModelIsARussianInputError) {
  VIDEOBOT_REQUIRE_PLANNER_CLI();
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion("Не знаю."));
  const ProcessResult result =
      RunProcess({BinaryPath(), "--planner", "llm", "plan", "Сколько видео?"}, {}, ModelEnvironment(server));
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_NE(result.err.find("Языковая модель"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find(kTestApiKey), std::string::npos);
  EXPECT_EQ(server.RequestCount(), 2u);  // the answer and one repair turn
}

TEST(LlmCli, KeyRejectedByTheServerNeverReachesTheOutput) {
  VIDEOBOT_REQUIRE_PLANNER_CLI();
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Status(401, std::string("Incorrect API key provided: ") + kTestApiKey));
  const ProcessResult result =
      RunProcess({BinaryPath(), "--planner", "llm", "plan", "Сколько видео?"}, {}, ModelEnvironment(server));
  EXPECT_NE(result.exit_code, 0);
  EXPECT_EQ(result.err.find(kTestApiKey), std::string::npos) << result.err;
  EXPECT_EQ(result.out.find(kTestApiKey), std::string::npos) << result.out;
}

TEST(LlmCli, HelpDoesNotShowTheKey) {
  VIDEOBOT_REQUIRE_PLANNER_CLI();
  const ProcessResult result = RunProcess({BinaryPath(), "--help"}, {}, {std::string("LLM_API_KEY=") + kTestApiKey});
  EXPECT_EQ(result.out.find(kTestApiKey), std::string::npos);
  EXPECT_EQ(result.err.find(kTestApiKey), std::string::npos);
}

// A plan counting videos with more than `views` final views; `creator` adds a creator filter.
std::string CountAbove(std::int64_t views, const std::string& creator = "") {
  const std::string creators = creator.empty() ? "null" : "[\"" + creator + "\"]";
  return R"({"action":"query","refusal_reason":null,"source":"videos","aggregate":"count","field":null,)"
         R"("filters":{"creator_ids":)" +
         creators +
         R"(,"video_ids":null,"published":null,"measured":null,)"
         R"("hours_after_publication":null,"conditions":[{"field":"views_count","op":">","value":)" +
         std::to_string(views) + R"(}]},"group_by":null,"order":null,"limit":null})";
}

std::string LastRepair(const FakeOpenAiServer& server) {
  const auto requests = server.Requests();
  if (requests.size() < 2) return "";
  return requests[1].Json().at("messages").back().at("content").get<std::string>();
}

TEST(LlmCli, AnUngroundedModelPlanIsRepairedOnceThenRefused) {
  VIDEOBOT_REQUIRE_PLANNER_CLI();
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(CountAbove(1000)));
  const ProcessResult result =
      RunProcess({BinaryPath(), "--planner", "llm", "plan", "Сколько видео набрало больше 100 000 просмотров?"}, {},
                 ModelEnvironment(server));
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("поняла вопрос не так"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("100000"), std::string::npos) << result.err;
  ASSERT_EQ(server.RequestCount(), 2u);
  EXPECT_NE(LastRepair(server).find("plan_ungrounded"), std::string::npos) << LastRepair(server);
  EXPECT_NE(LastRepair(server).find("1000 есть в плане"), std::string::npos) << LastRepair(server);
}

TEST(LlmCli, AGroundedModelPlanIsAnswered) {
  VIDEOBOT_REQUIRE_PLANNER_CLI();
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(CountAbove(100000)));
  const ProcessResult result =
      RunProcess({BinaryPath(), "--planner", "llm", "plan", "Сколько видео набрало больше 100 000 просмотров?"}, {},
                 ModelEnvironment(server));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("100000"), std::string::npos) << result.out;
  EXPECT_EQ(server.RequestCount(), 1u);
}

TEST(LlmCli, AutoKeepsTheRulesAnswerForAQuestionTheyUnderstand) {
  VIDEOBOT_REQUIRE_PLANNER_CLI();
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(CountAbove(5, "0123456789abcdef0123456789abcdef")));
  const ProcessResult result = RunProcess(
      {BinaryPath(), "--planner", "auto", "plan", "Сколько видео набрало больше 100 000 просмотров за всё время?"}, {},
      ModelEnvironment(server));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("100000"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("0123456789abcdef"), std::string::npos) << result.out;
  EXPECT_EQ(server.RequestCount(), 0u);
}

TEST(LlmCli, AutoNeverAsksTheModelToAnswerASeriesWithOneNumber) {
  VIDEOBOT_REQUIRE_PLANNER_CLI();
  // A grounded scalar plan (the day's growth) is exactly the confident wrong answer to avoid.
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(CountAbove(5)));
  for (const char* question : {"Какой прирост лайков за час 28 ноября 2025?", "Какой самый активный креатор?",
                               "Во сколько раз больше лайков, чем комментариев?"}) {
    const ProcessResult result =
        RunProcess({BinaryPath(), "--planner", "auto", "plan", question}, {}, ModelEnvironment(server));
    EXPECT_EQ(result.exit_code, 2) << question << ": " << result.out;
    EXPECT_TRUE(result.out.empty()) << question << ": " << result.out;
  }
  // A comparison the rules understand is answered by them, as the comparison it is.
  const ProcessResult comparison =
      RunProcess({BinaryPath(), "--planner", "auto", "plan", "Сравни просмотры за октябрь и ноябрь 2025"}, {},
                 ModelEnvironment(server));
  EXPECT_EQ(comparison.exit_code, 0) << comparison.err;
  EXPECT_NE(comparison.out.find("\"mode\": \"both\""), std::string::npos) << comparison.out;
  // The hourly growth of a day is answered by the rules themselves, as the series it is.
  const ProcessResult hourly =
      RunProcess({BinaryPath(), "--planner", "auto", "plan", "Покажи почасовой прирост лайков 28 ноября 2025"}, {},
                 ModelEnvironment(server));
  EXPECT_EQ(hourly.exit_code, 0) << hourly.err;
  EXPECT_NE(hourly.out.find("\"bucket\": \"hour\""), std::string::npos) << hourly.out;
  EXPECT_EQ(server.RequestCount(), 0u);
}

TEST(LlmCli, AutoRefusesAnUngroundedModelPlanWhenTheRulesHadNoAnswer) {
  VIDEOBOT_REQUIRE_PLANNER_CLI();
  // The rules decline the unknown word; the model answers with another threshold, twice.
  const std::string question = "Сколько видео набрало больше 100 000 просмотров, дружище?";
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(CountAbove(1000)));
  const ProcessResult refused =
      RunProcess({BinaryPath(), "--planner", "auto", "plan", question}, {}, ModelEnvironment(server));
  EXPECT_EQ(refused.exit_code, 2) << refused.out << refused.err;
  EXPECT_NE(refused.err.find("поняла вопрос не так"), std::string::npos) << refused.err;
  EXPECT_EQ(server.RequestCount(), 2u);

  FakeOpenAiServer grounded;
  grounded.SetFallback(FakeOpenAiServer::Completion(CountAbove(100000)));
  const ProcessResult answered =
      RunProcess({BinaryPath(), "--planner", "auto", "plan", question}, {}, ModelEnvironment(grounded));
  EXPECT_EQ(answered.exit_code, 0) << answered.err;
  EXPECT_EQ(grounded.RequestCount(), 1u);
}

TEST(LlmCli, VerifyRefusesTheCountAnsweredAsASumOfLikes) {
  VIDEOBOT_REQUIRE_PLANNER_CLI();
  // Same literals, another metric and aggregate: only verify can see it.
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(
      R"({"action":"query","refusal_reason":null,"source":"videos","aggregate":"sum","field":"likes_count",)"
      R"("filters":{"creator_ids":null,"video_ids":null,"published":null,"measured":null,)"
      R"("hours_after_publication":null,"conditions":[{"field":"views_count","op":">","value":100000}]},)"
      R"("group_by":null,"order":null,"limit":null})"));
  const ProcessResult result = RunProcess(
      {BinaryPath(), "--planner", "verify", "plan", "Сколько видео набрало больше 100 000 просмотров за всё время?"},
      {}, ModelEnvironment(server));
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_NE(result.err.find("поняли вопрос по-разному"), std::string::npos) << result.err;
  EXPECT_EQ(server.RequestCount(), 1u);
}

TEST(LlmCli, AModelRefusalWithNullFiltersIsReportedAsARefusal) {
  VIDEOBOT_REQUIRE_PLANNER_CLI();
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(
      R"({"action":"refuse","refusal_reason":"modification","source":null,"aggregate":null,"field":null,)"
      R"("filters":null,"group_by":null,"order":null,"limit":null})"));
  const ProcessResult result =
      RunProcess({BinaryPath(), "--planner", "llm", "plan", "Удали все видео"}, {}, ModelEnvironment(server));
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_NE(result.err.find("не изменяю данные"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("Языковая модель"), std::string::npos) << result.err;
  EXPECT_EQ(server.RequestCount(), 1u);
}

}  // namespace
}  // namespace videobot::testing
