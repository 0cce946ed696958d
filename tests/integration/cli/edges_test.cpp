// Answers at the edges of the data, through the real binary on both engines: nothing loaded, a
// period or a moment outside what the data covers (also a year-less date that resolves to a year
// without data) — a refusal that says so and names the covered range, never a silent 0.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "support/test_env.hpp"

namespace videobot::testing {
namespace {

enum class Engine { kSqlite, kPostgres };

class DataEdges : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    if (GetParam() == Engine::kPostgres) {
      VIDEOBOT_REQUIRE_POSTGRES();
      postgres_ = std::make_unique<ScratchPostgres>();
      url_ = postgres_->url();
    } else {
      url_ = "sqlite:" + dir_.path() + "/edges.db";
    }
  }

  ProcessResult Run(std::vector<std::string> args, const std::string& now = "2025-12-02T12:00:00Z",
                    const std::string& input = {}) {
    args.insert(args.begin(), {BinaryPath(), "--db", url_, "--now", now});
    return RunProcess(args, input, {"VIDEOBOT_PLANNER=rules", "LLM_API_KEY="});
  }

  void LoadSample() {
    const auto generated = RunProcess({BinaryPath(), "generate", "--videos", "40", "--creators", "5", "--seed", "5"});
    ASSERT_EQ(generated.exit_code, 0) << generated.err;
    const auto loaded = Run({"load", "-"}, "2025-12-02T12:00:00Z", generated.out);
    ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  }

  // A refusal on stderr, nothing on stdout, exit status 2, holding `fragment`.
  static void ExpectRefusal(const ProcessResult& result, const std::string& fragment, const std::string& what) {
    EXPECT_EQ(result.exit_code, 2) << what << ": " << result.out << result.err;
    EXPECT_TRUE(result.out.empty()) << what << ": " << result.out;
    EXPECT_NE(result.err.find(fragment), std::string::npos) << what << ": " << result.err;
  }

  TempDir dir_;
  std::unique_ptr<ScratchPostgres> postgres_;
  std::string url_;
};

TEST_P(DataEdges, NothingLoadedIsSaidInsteadOfZero) {
  ASSERT_EQ(Run({"migrate"}).exit_code, 0);
  for (const char* question :
       {"Сколько всего видео есть в системе?", "Какое общее количество лайков набрали все видео?",
        "На сколько просмотров выросли все видео 28 ноября 2025?"}) {
    ExpectRefusal(Run({"ask", question}), "Данные ещё не загружены", question);
  }
}

TEST_P(DataEdges, AYearlessDateWithoutDataNamesTheCoveredRange) {
  LoadSample();
  // A year later «28 ноября» is 28.11.2026, after the last measurement.
  const auto result = Run({"ask", "Насколько выросли лайки 28 ноября?"}, "2026-12-02T12:00:00Z");
  ExpectRefusal(result, "Замеров за этот период (с 28.11.2026 00:00 до 29.11.2026 00:00) нет", "a year later");
  EXPECT_NE(result.err.find("данные есть с "), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("(UTC)"), std::string::npos) << result.err;
}

TEST_P(DataEdges, PeriodsBeforeOrAfterTheMeasurementsAreRefusedAndOverlapsAnswered) {
  LoadSample();
  ExpectRefusal(Run({"ask", "Какой прирост просмотров был 28 ноября 2020 года?"}), "данные есть с ", "before");
  ExpectRefusal(Run({"ask", "На сколько выросли просмотры вчера?"}, "2030-06-02T12:00:00Z"), "данные есть с ",
                "yesterday, years later");
  const auto overlapping = Run({"ask", "На сколько выросли просмотры с 1 января 2020 по 31 декабря 2030?"});
  EXPECT_EQ(overlapping.exit_code, 0) << overlapping.err;
  const auto wider = Run({"ask", "На сколько выросли просмотры с 1 января 2000 по 31 декабря 2040?"});
  EXPECT_EQ(overlapping.out, wider.out) << "the overlap is answered from what exists";
  EXPECT_NE(overlapping.out, "0\n");
}

TEST_P(DataEdges, PublicationsAfterTheDataEndsAreRefusedBeforeItAreATrueZero) {
  LoadSample();
  ExpectRefusal(Run({"ask", "Сколько видео опубликовано вчера?"}, "2030-06-02T12:00:00Z"), "Данные собраны только по",
                "published yesterday, years later");
  const auto long_ago = Run({"ask", "Сколько видео опубликовано в 2001 году?"});
  EXPECT_EQ(long_ago.exit_code, 0) << long_ago.err;
  EXPECT_EQ(long_ago.out, "0\n");
}

TEST_P(DataEdges, MomentsOutsideTheMeasurementsAreUnknownNotZero) {
  LoadSample();
  ExpectRefusal(Run({"ask", "Сколько просмотров было у всех видео на 1 января 2020?"}), "неизвестны", "before");
  ExpectRefusal(Run({"ask", "Сколько просмотров было у всех видео на 1 января 2030?"}), "неизвестны", "after");
}

INSTANTIATE_TEST_SUITE_P(Engines, DataEdges, ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         [](const ::testing::TestParamInfo<Engine>& param) {
                           return param.param == Engine::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
}  // namespace videobot::testing
