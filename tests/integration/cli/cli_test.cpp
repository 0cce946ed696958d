// The command-line contract, driven through the real binary: exit codes, stdout/stderr split,
// hostile plans rejected before any SQL, tables intact afterwards.
#include <gtest/gtest.h>

#include <fstream>

#include "support/test_env.hpp"

namespace videobot::testing {
namespace {

class Cli : public ::testing::Test {
 protected:
  void SetUp() override { url_ = "sqlite:" + dir_.path() + "/cli.db"; }

  ProcessResult Run(std::vector<std::string> args, const std::string& input = {}) {
    args.insert(args.begin(), {BinaryPath(), "--db", url_, "--now", "2025-12-02T12:00:00Z"});
    return RunProcess(args, input, {"VIDEOBOT_PLANNER=rules", "LLM_API_KEY="});
  }

  // Generates a small data set and loads it.
  void LoadSample() {
    const auto generated = RunProcess({BinaryPath(), "generate", "--videos", "30", "--creators", "5", "--seed", "3"});
    ASSERT_EQ(generated.exit_code, 0) << generated.err;
    const auto loaded = Run({"load", "-"}, generated.out);
    ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  }

  std::string Count(const std::string& question) {
    const auto result = Run({"ask", question});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
  }

  TempDir dir_;
  std::string url_;
};

TEST_F(Cli, HelpAndVersion) {
  const auto help = RunProcess({BinaryPath(), "--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* command : {"migrate", "load", "generate", "ask", "plan", "run-plan", "sql", "chat", "bot"}) {
    EXPECT_NE(help.out.find(command), std::string::npos) << command;
  }
  const auto version = RunProcess({BinaryPath(), "--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("0.1.0"), std::string::npos);
  EXPECT_EQ(RunProcess({BinaryPath(), "no-such-command"}).exit_code, 2);
  EXPECT_EQ(RunProcess({BinaryPath()}).exit_code, 2);
}

TEST_F(Cli, MigrateIsIdempotent) {
  const auto first = Run({"migrate"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("0001"), std::string::npos);
  const auto second = Run({"migrate"});
  ASSERT_EQ(second.exit_code, 0);
  EXPECT_EQ(second.out.find("applied"), std::string::npos) << second.out;
}

TEST_F(Cli, AskPrintsOnlyTheNumber) {
  LoadSample();
  EXPECT_EQ(Count("Сколько всего видео есть в системе?"), "30\n");
  const auto refused = Run({"ask", "Какая погода будет завтра?"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_TRUE(refused.out.empty());
  EXPECT_FALSE(refused.err.empty());
}

TEST_F(Cli, PlanAndSqlNeedNoData) {
  const auto plan = Run({"plan", "Сколько всего видео есть в системе?"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_NE(plan.out.find("\"action\": \"query\""), std::string::npos);
  const auto pg_sql = RunProcess({BinaryPath(), "--db", "postgresql://127.0.0.1:1/none", "sql",
                                  "Сколько видео набрало больше 100 000 просмотров за всё время?"},
                                 {}, {"VIDEOBOT_PLANNER=rules"});
  ASSERT_EQ(pg_sql.exit_code, 0) << pg_sql.err;
  EXPECT_NE(pg_sql.out.find("$1::bigint"), std::string::npos) << pg_sql.out;
  EXPECT_NE(pg_sql.out.find("100000"), std::string::npos);
}

TEST_F(Cli, RunPlanRejectsHostilePlansAndLeavesTablesIntact) {
  LoadSample();
  const std::string before = Count("Сколько всего видео есть в системе?");
  const std::vector<std::string> hostile{
      R"({"action":"query","source":"videos; DROP TABLE videos","aggregate":"count"})",
      R"({"action":"query","refusal_reason":null,"source":"videos","aggregate":"count","field":null,"filters":{"creator_ids":["x' OR '1'='1"],"video_ids":null,"published":null,"measured":null,"hours_after_publication":null,"conditions":[]},"group_by":null,"order":null,"limit":null})",
      R"({"action":"query","refusal_reason":null,"source":"videos","aggregate":"count","field":null,"filters":{"creator_ids":null,"video_ids":null,"published":null,"measured":null,"hours_after_publication":null,"conditions":[]},"group_by":null,"order":null,"limit":null,"sql":"DELETE FROM videos"})",
      "DELETE FROM videos;", "", std::string(70000, '{')};
  for (const auto& document : hostile) {
    const auto result = Run({"run-plan", "-"}, document);
    EXPECT_EQ(result.exit_code, 2) << document.substr(0, 80);
    EXPECT_TRUE(result.out.empty());
    EXPECT_NE(result.err.find("plan_"), std::string::npos) << result.err;
  }
  EXPECT_EQ(Count("Сколько всего видео есть в системе?"), before);
}

TEST_F(Cli, RunPlanExecutesAValidPlan) {
  LoadSample();
  const std::string document =
      R"({"action":"query","refusal_reason":null,"source":"snapshots","aggregate":"count","field":null,"filters":{"creator_ids":null,"video_ids":null,"published":null,"measured":null,"hours_after_publication":null,"conditions":[]},"group_by":null,"order":null,"limit":null})";
  const auto result = Run({"run-plan", "-"}, document);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, Count("Сколько всего есть замеров статистики?"));
}

TEST_F(Cli, LoadErrorsHaveTheirExitCodes) {
  const auto missing = Run({"load", dir_.path() + "/no-such-file.json"});
  EXPECT_EQ(missing.exit_code, 1);
  const auto malformed = Run({"load", "-"}, R"({"videos": [{"id": 1}]})");
  EXPECT_EQ(malformed.exit_code, 2);
  EXPECT_NE(malformed.err.find("/videos/0"), std::string::npos) << malformed.err;
}

TEST_F(Cli, UnreachableDatabaseIsAnEnvironmentError) {
  const auto result = RunProcess({BinaryPath(), "--db", "postgresql://127.0.0.1:1/none?connect_timeout=2", "ask",
                                  "Сколько всего видео есть в системе?"},
                                 {}, {"VIDEOBOT_PLANNER=rules"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(result.out.empty());
}

TEST_F(Cli, ChatAnswersLineByLine) {
  LoadSample();
  const auto result = Run({"chat"}, "Сколько всего видео есть в системе?\nпривет\n/explain Сколько всего видео есть в системе?\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.substr(0, 3), "30\n");
  EXPECT_NE(result.out.find("SELECT"), std::string::npos);
}

}  // namespace
}  // namespace videobot::testing
