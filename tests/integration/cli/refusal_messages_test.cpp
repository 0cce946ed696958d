// Every way a question is refused, with the whole message a person reads: the rows of
// tests/cases/refusals/messages.tsv run through the real binary.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_env.hpp"

namespace videobot::testing {
namespace {

struct Row {
  int line = 0;
  std::string state;
  std::string command;
  std::string input;
  int exit_code = 0;
  std::string message;
};

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::istringstream in(line);
  for (std::string field; std::getline(in, field, '\t');) fields.push_back(field);
  return fields;
}

std::vector<Row> ReadRows() {
  std::ifstream file(std::filesystem::path(SourceDir()) / "tests" / "cases" / "refusals" / "messages.tsv");
  std::vector<Row> rows;
  int number = 0;
  for (std::string line; std::getline(file, line);) {
    ++number;
    if (line.empty() || line.starts_with('#')) continue;
    const auto fields = SplitTabs(line);
    EXPECT_EQ(fields.size(), 5u) << "messages.tsv:" << number << " needs five tab-separated fields";
    if (fields.size() != 5) continue;
    rows.push_back({number, fields[0], fields[1], fields[2], std::stoi(fields[3]), fields[4]});
  }
  return rows;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

std::string TooLongQuestion() {
  std::string question;
  while (question.size() < 4000) question += "видео ";
  return question;
}

class RefusalMessages : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto sample = RunProcess({BinaryPath(), "generate", "--videos", "40", "--creators", "5", "--seed", "7"});
    ASSERT_EQ(sample.exit_code, 0) << sample.err;
    ASSERT_EQ(Run(DbPath("sample"), {"load", "-"}, sample.out).exit_code, 0);
    ASSERT_EQ(Run(DbPath("empty"), {"migrate"}).exit_code, 0);
  }

  std::string DbPath(const std::string& state) const { return dir_.path() + "/" + state + ".db"; }

  ProcessResult Run(const std::string& db, std::vector<std::string> args, const std::string& input = {}) {
    args.insert(args.begin(), {BinaryPath(), "--db", "sqlite:" + db, "--now", "2025-12-02T12:00:00Z", "--tz", "UTC"});
    return RunProcess(args, input, {"VIDEOBOT_PLANNER=rules", "LLM_API_KEY="});
  }

  ProcessResult RunRow(const Row& row) {
    const std::string db = DbPath(row.state);
    if (row.command == "run-plan") return Run(db, {"run-plan", "-"}, row.input);
    return Run(db, {row.command, row.input == "{too long}" ? TooLongQuestion() : row.input});
  }

  TempDir dir_;
};

TEST_F(RefusalMessages, EveryRowGetsItsWholeMessage) {
  const auto rows = ReadRows();
  ASSERT_GE(rows.size(), 15u);
  for (const Row& row : rows) {
    SCOPED_TRACE("messages.tsv:" + std::to_string(row.line) + " " + row.input.substr(0, 120));
    ASSERT_TRUE(row.state == "missing" || row.state == "empty" || row.state == "sample") << row.state;
    const auto result = RunRow(row);
    EXPECT_EQ(result.exit_code, row.exit_code);
    EXPECT_EQ(result.out, "") << "a refusal prints nothing on stdout";
    EXPECT_EQ(result.err, Replace(row.message, "{db}", DbPath(row.state)) + "\n");
  }
  EXPECT_FALSE(std::filesystem::exists(DbPath("missing"))) << "a read command created the database";
}

}  // namespace
}  // namespace videobot::testing
