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
#define VIDEOBOT_REQUIRE_PLANNER_CLI()                                                      \
  do {                                                                                      \
    if (!CliSupportsPlanner()) {                                                            \
      if (InCi()) FAIL() << "the videobot binary with `--planner` and `plan` is required";  \
      GTEST_SKIP() << "no videobot binary with `--planner` and `plan`";                     \
    }                                                                                       \
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
  const ProcessResult result =
      RunProcess({BinaryPath(), "--help"}, {}, {std::string("LLM_API_KEY=") + kTestApiKey});
  EXPECT_EQ(result.out.find(kTestApiKey), std::string::npos);
  EXPECT_EQ(result.err.find(kTestApiKey), std::string::npos);
}

}  // namespace
}  // namespace videobot::testing
