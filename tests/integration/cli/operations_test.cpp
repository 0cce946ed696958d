// Operating the binary: `load --replace`, the settings table and its guide, a schema newer than
// the binary, and the SQLite busy timeout setting.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "db/database.hpp"
#include "support/test_env.hpp"

namespace videobot::testing {
namespace {

const char* const kQuestions[] = {
    "Сколько всего видео есть в системе?",
    "Сколько всего есть замеров статистики?",
    "Сколько видео набрали больше 1000 просмотров по итоговой статистике?",
    "На сколько просмотров в сумме выросли все видео 28 ноября 2025?",
};

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream out;
  out << file.rdbuf();
  return out.str();
}

class Operations : public ::testing::Test {
 protected:
  ProcessResult Run(const std::string& url, std::vector<std::string> args, const std::string& input = {},
                    std::vector<std::string> env = {}) {
    args.insert(args.begin(), {BinaryPath(), "--db", url, "--now", "2025-12-02T12:00:00Z"});
    env.insert(env.end(), {"VIDEOBOT_PLANNER=rules", "LLM_API_KEY="});
    return RunProcess(args, input, env);
  }

  std::string Generate(int videos, int seed) {
    const auto generated = RunProcess({BinaryPath(), "generate", "--videos", std::to_string(videos), "--creators", "5",
                                       "--seed", std::to_string(seed)});
    EXPECT_EQ(generated.exit_code, 0) << generated.err;
    return generated.out;
  }

  std::vector<std::string> Answers(const std::string& url) {
    std::vector<std::string> answers;
    for (const char* question : kQuestions) {
      const auto result = Run(url, {"ask", question});
      answers.push_back(std::to_string(result.exit_code) + ":" + result.out);
    }
    return answers;
  }

  TempDir dir_;
  std::string url_ = "sqlite:" + dir_.path() + "/ops.db";
  std::string fresh_url_ = "sqlite:" + dir_.path() + "/fresh.db";
};

TEST_F(Operations, LoadReplaceAnswersLikeAFreshLoadOfTheSameFile) {
  ASSERT_EQ(Run(url_, {"load", "-"}, Generate(30, 3)).exit_code, 0);
  const std::string replacement = Generate(12, 4);
  const auto replaced = Run(url_, {"load", "--replace", "-"}, replacement);
  ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
  EXPECT_NE(replaced.err.find("removed 30 videos absent from the file"), std::string::npos) << replaced.err;
  ASSERT_EQ(Run(fresh_url_, {"load", "-"}, replacement).exit_code, 0);
  const auto answers = Answers(url_);
  EXPECT_EQ(answers, Answers(fresh_url_));
  EXPECT_EQ(answers[0], "0:12\n");
  // Twice: nothing more to remove.
  const auto again = Run(url_, {"load", "--replace", "-"}, replacement);
  EXPECT_NE(again.err.find("removed 0 videos absent from the file"), std::string::npos) << again.err;
  EXPECT_EQ(Answers(url_), answers);
}

TEST_F(Operations, LoadReplaceRefusesAnEmptyFileUnlessAllowed) {
  ASSERT_EQ(Run(url_, {"load", "-"}, Generate(10, 5)).exit_code, 0);
  const auto refused = Run(url_, {"load", "--replace", "-"}, R"({"videos": []})");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("--allow-empty"), std::string::npos) << refused.err;
  EXPECT_EQ(Run(url_, {"ask", kQuestions[0]}).out, "10\n");
  const auto emptied = Run(url_, {"load", "--replace", "--allow-empty", "-"}, R"({"videos": []})");
  EXPECT_EQ(emptied.exit_code, 0) << emptied.err;
  EXPECT_NE(emptied.err.find("removed 10 videos absent from the file"), std::string::npos) << emptied.err;
}

TEST_F(Operations, ReadCommandsRefuseASchemaNewerThanTheBinary) {
  ASSERT_EQ(Run(url_, {"load", "-"}, Generate(5, 6)).exit_code, 0);
  db::Open(url_)->Execute(
      "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9999, '9999_future', 'x', 0)");
  const auto result = Run(url_, {"ask", kQuestions[0]});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(result.out.empty()) << result.out;
  EXPECT_NE(result.err.find("schema is at version 9999, newer than this videobot knows (version "), std::string::npos)
      << result.err;
  EXPECT_NE(Run(url_, {"migrate"}).err.find("version 9999"), std::string::npos);
}

TEST_F(Operations, AMalformedBusyTimeoutIsRefusedNamingTheVariable) {
  ASSERT_EQ(Run(url_, {"load", "-"}, Generate(5, 7)).exit_code, 0);
  const auto result = Run(url_, {"ask", kQuestions[0]}, {}, {"VIDEOBOT_SQLITE_BUSY_TIMEOUT_MS=soon"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("VIDEOBOT_SQLITE_BUSY_TIMEOUT_MS"), std::string::npos) << result.err;
  EXPECT_EQ(Run(url_, {"ask", kQuestions[0]}, {}, {"VIDEOBOT_SQLITE_BUSY_TIMEOUT_MS=0"}).out, "5\n");
}

// The variables named by the rows of `videobot settings`.
std::set<std::string> CatalogueVariables(const std::string& table) {
  std::set<std::string> names;
  const std::regex row(R"(^\| `([A-Z][A-Z0-9_]+)` \|)");
  std::istringstream lines(table);
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (std::regex_search(line, match, row)) names.insert(match[1]);
  }
  return names;
}

// The environment variables the sources read, in the idioms the modules use: std::getenv("X"),
// the CLI's EnvOr("X"), and the settings readers' get("X") / lookup("X").
std::set<std::string> VariablesReadBySources() {
  std::set<std::string> names;
  const std::regex read(R"re(\b(?:getenv|EnvOr|get|lookup)\s*\(\s*"([A-Z][A-Z0-9]*_[A-Z0-9_]+)")re");
  for (const char* folder : {"src", "app"}) {
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(std::filesystem::path(SourceDir()) / folder)) {
      const auto extension = entry.path().extension();
      if (extension != ".cpp" && extension != ".hpp") continue;
      const std::string text = ReadFile(entry.path());
      for (std::sregex_iterator it(text.begin(), text.end(), read), end; it != end; ++it) names.insert((*it)[1]);
    }
  }
  return names;
}

TEST_F(Operations, EverySettingTheCodeReadsHasARowAndEveryRowIsRead) {
  const auto table = RunProcess({BinaryPath(), "settings"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  const auto listed = CatalogueVariables(table.out);
  const auto read = VariablesReadBySources();
  // The scan must find the readers of every module (CLI, database, model, bot).
  for (const char* sample : {"DATABASE_URL", "VIDEOBOT_SQLITE_BUSY_TIMEOUT_MS", "LLM_API_KEY", "BOT_TOKEN"}) {
    EXPECT_TRUE(read.contains(sample)) << sample << " not found by the source scan";
  }
  for (const auto& name : read) EXPECT_TRUE(listed.contains(name)) << name << " is read but has no settings row";
  for (const auto& name : listed)
    EXPECT_TRUE(read.contains(name)) << name << " has a settings row but nothing reads it";
}

// The binary's variables `.env.example` (the package's /etc/videobot/videobot.env and compose's
// .env) shows, set or commented out: `NAME=…` or `# NAME=…` at the start of a line, before the
// section of variables only compose.yaml reads.
std::set<std::string> ExampleFileVariables(std::string text) {
  text = text.substr(0, text.find("# --- compose.yaml only"));
  std::set<std::string> names;
  const std::regex line(R"(^(?:# )?([A-Z][A-Z0-9_]+)=)", std::regex::multiline);
  for (std::sregex_iterator it(text.begin(), text.end(), line), last; it != last; ++it) names.insert((*it)[1]);
  return names;
}

TEST_F(Operations, TheExampleConfigurationListsEverySettingAndNoOther) {
  const auto table = RunProcess({BinaryPath(), "settings"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  const auto listed = CatalogueVariables(table.out);
  const auto shown = ExampleFileVariables(ReadFile(std::filesystem::path(SourceDir()) / ".env.example"));
  for (const auto& name : listed) EXPECT_TRUE(shown.contains(name)) << name << " is missing from .env.example";
  for (const auto& name : shown) EXPECT_TRUE(listed.contains(name)) << name << " in .env.example is not a setting";
}

TEST_F(Operations, TheOperationsGuideHoldsTheGeneratedSettingsTable) {
  const auto table = RunProcess({BinaryPath(), "settings"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  ASSERT_NE(table.out.find("| `DATABASE_URL` | `--db` |"), std::string::npos) << table.out;
  const std::string guide = ReadFile(std::filesystem::path(SourceDir()) / "docs" / "operations.md");
  const std::string begin = "<!-- settings:begin -->\n";
  const std::string end = "<!-- settings:end -->";
  const auto from = guide.find(begin);
  const auto to = guide.find(end);
  ASSERT_NE(from, std::string::npos) << "docs/operations.md lacks " << begin;
  ASSERT_NE(to, std::string::npos) << "docs/operations.md lacks " << end;
  ASSERT_LT(from, to);
  EXPECT_EQ(guide.substr(from + begin.size(), to - from - begin.size()), table.out)
      << "regenerate the table: videobot settings";
}

TEST_F(Operations, TheReadmeExampleGivesItsAnswerOnTheSetupSample) {
  // The README's first example is `$ videobot ask "…"` then the answer, on the sample setup.sh loads.
  const std::string readme = ReadFile(std::filesystem::path(SourceDir()) / "README.md");
  std::smatch example;
  ASSERT_TRUE(std::regex_search(readme, example, std::regex("\\$ videobot ask \"([^\"]+)\"\n([^\n]+)\n")));
  const std::string setup = ReadFile(std::filesystem::path(SourceDir()) / "scripts" / "setup.sh");
  ASSERT_NE(setup.find("generate --seed 42 >"), std::string::npos) << "setup.sh's sample changed: update this test";
  const auto sample = RunProcess({BinaryPath(), "generate", "--seed", "42"});
  ASSERT_EQ(sample.exit_code, 0) << sample.err;
  ASSERT_EQ(Run(url_, {"load", "-"}, sample.out).exit_code, 0);
  const auto answer = Run(url_, {"ask", example[1].str()});
  EXPECT_EQ(answer.exit_code, 0) << answer.err;
  EXPECT_EQ(answer.out, example[2].str() + "\n") << "the README's example answer differs from the sample's";
}

}  // namespace
}  // namespace videobot::testing
