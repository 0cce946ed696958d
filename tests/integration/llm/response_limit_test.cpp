// The real binary against a model server whose replies are too large: a gzip bomb (about 1 MB
// that inflates to 1 GiB), a 50 MB chunked body and a huge announced Content-Length. `ask` must
// stop with a clear Russian message, and its peak RSS must stay near that of a normal answer.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <regex>

#include "child_process.hpp"
#include "llm_test_support.hpp"
#include "support/test_env.hpp"

namespace videobot::testing {
namespace {

constexpr std::uint64_t kMib = 1024 * 1024;
/// How much more than a normal answer an oversized reply may make `ask` hold at its peak.
constexpr long kRssAllowanceKib = 64 * 1024;
constexpr const char* kQuestion = "Сколько видео набрало больше 100 000 просмотров?";
constexpr const char* kTooLargeMessage = "Языковая модель прислала слишком большой ответ";

class ResponseLimitCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (BinaryPath().empty() || access(BinaryPath().c_str(), X_OK) != 0) {
      if (InCi()) FAIL() << "the videobot binary is required";
      GTEST_SKIP() << "no videobot binary";
    }
    database_url_ = "sqlite:" + dir_.path() + "/videos.db";
    const ProcessResult generated =
        RunProcess({BinaryPath(), "generate", "--videos", "40", "--creators", "5", "--seed", "11"});
    ASSERT_EQ(generated.exit_code, 0) << generated.err;
    const ProcessResult loaded = RunProcess({BinaryPath(), "--db", database_url_, "load", "-"}, generated.out,
                                            {"VIDEOBOT_PLANNER=rules", "LLM_API_KEY="});
    ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  }

  /// `videobot --planner MODE ask QUESTION` against `server`, measured.
  MeasuredRun Ask(const FakeOpenAiServer& server, const std::string& mode, const std::string& question,
                  std::vector<std::string> extra_env = {}) {
    std::vector<std::string> env = {"LLM_BASE_URL=" + server.BaseUrl(),
                                    std::string("LLM_API_KEY=") + kTestApiKey,
                                    "LLM_MODEL=test-model",
                                    "LLM_TIMEOUT_S=20",
                                    "LLM_PROXY_URL=",
                                    "LLM_MAX_RESPONSE_BYTES=",
                                    "VIDEOBOT_PLANNER="};
    env.insert(env.end(), extra_env.begin(), extra_env.end());
    return RunMeasured(
        {BinaryPath(), "--db", database_url_, "--now", "2025-12-10T12:00:00Z", "--planner", mode, "ask", question}, env,
        dir_.path(), VIDEOBOT_RSS_PROBE);
  }

  /// The peak RSS of `ask` when the model answers with a normal plan.
  long BaselineRssKib() {
    FakeOpenAiServer server;
    server.SetFallback(FakeOpenAiServer::Completion(kValidPlanJson));
    const MeasuredRun run = Ask(server, "llm", kQuestion);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_TRUE(std::regex_match(run.out, std::regex("[0-9]+\n"))) << run.out;
    return run.peak_rss_kib;
  }

  /// Asks through a model that answers `reply` and checks the failure and the memory it cost.
  void ExpectRefusedWithinMemory(const FakeReply& reply, const std::string& what) {
    const long baseline = BaselineRssKib();
    FakeOpenAiServer server;
    server.SetFallback(reply);
    const MeasuredRun run = Ask(server, "llm", kQuestion);
    std::printf("[ peak RSS ] %s: baseline %ld KiB, oversized reply %ld KiB\n", what.c_str(), baseline,
                run.peak_rss_kib);
    EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_NE(run.err.find(kTooLargeMessage), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("4 МиБ"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find(kTestApiKey), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("127.0.0.1"), std::string::npos) << run.err;
    EXPECT_EQ(server.RequestCount(), 1u) << "an oversized reply is not asked for again";
    EXPECT_LE(run.peak_rss_kib - baseline, kRssAllowanceKib)
        << what << ": baseline " << baseline << " KiB, oversized reply " << run.peak_rss_kib << " KiB";
  }

  TempDir dir_;
  std::string database_url_;
};

TEST_F(ResponseLimitCli, AGzipBombIsStoppedWithinMemory) {
  const FakeReply bomb = FakeOpenAiServer::GzipBomb(std::uint64_t{1} << 30);
  ASSERT_LT(bomb.body.size(), 2 * kMib);  // about 1 MB on the wire
  ExpectRefusedWithinMemory(bomb, "gzip bomb, 1 GiB inflated");
}

TEST_F(ResponseLimitCli, AFiftyMegabytePlainBodyIsStoppedWithinMemory) {
  ExpectRefusedWithinMemory(FakeOpenAiServer::Oversized(50 * kMib, /*announce_length=*/false), "50 MB chunked body");
}

TEST_F(ResponseLimitCli, AHugeAnnouncedLengthIsRefusedBeforeTheBody) {
  ExpectRefusedWithinMemory(FakeOpenAiServer::Oversized(std::uint64_t{1} << 40, /*announce_length=*/true),
                            "Content-Length of 1 TiB");
}

TEST_F(ResponseLimitCli, TheLimitIsSetByTheEnvironment) {
  FakeOpenAiServer server;
  // A normal plan padded with blanks after it: about 3 KiB, well under the default 4 MiB.
  server.SetFallback(FakeOpenAiServer::Completion(kValidPlanJson + std::string(3000, ' ')));
  const MeasuredRun normal = Ask(server, "llm", kQuestion);
  EXPECT_EQ(normal.exit_code, 0) << normal.err;

  const MeasuredRun limited = Ask(server, "llm", kQuestion, {"LLM_MAX_RESPONSE_BYTES=1024"});
  EXPECT_EQ(limited.exit_code, 2) << limited.out << limited.err;
  EXPECT_NE(limited.err.find(kTooLargeMessage), std::string::npos) << limited.err;
  EXPECT_NE(limited.err.find("1 КиБ"), std::string::npos) << limited.err;

  const MeasuredRun malformed = Ask(server, "llm", kQuestion, {"LLM_MAX_RESPONSE_BYTES=4MB"});
  EXPECT_EQ(malformed.exit_code, 2) << malformed.out << malformed.err;
  EXPECT_NE(malformed.err.find("LLM_MAX_RESPONSE_BYTES"), std::string::npos) << malformed.err;
}

TEST_F(ResponseLimitCli, InAutoModeTheRulesAnswerStandsAndTheModelsFailureIsToldOtherwise) {
  FakeOpenAiServer quiet;
  const MeasuredRun rules = Ask(quiet, "rules", kQuestion);
  ASSERT_EQ(rules.exit_code, 0) << rules.err;

  FakeOpenAiServer bomb;
  bomb.SetFallback(FakeOpenAiServer::GzipBomb(std::uint64_t{1} << 30));
  const MeasuredRun understood = Ask(bomb, "auto", kQuestion);
  EXPECT_EQ(understood.exit_code, 0) << understood.err;
  EXPECT_EQ(understood.out, rules.out);

  const MeasuredRun not_understood = Ask(bomb, "auto", "Расскажи что-нибудь интересное про котиков и собак");
  EXPECT_NE(not_understood.exit_code, 0) << not_understood.out;
  EXPECT_EQ(not_understood.out, "");
  if (bomb.RequestCount() > 0) {
    EXPECT_NE(not_understood.err.find(kTooLargeMessage), std::string::npos) << not_understood.err;
  }
}

}  // namespace
}  // namespace videobot::testing
