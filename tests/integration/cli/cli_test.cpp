// The command-line contract, driven through the real binary: exit codes, stdout/stderr split,
// hostile plans rejected before any SQL, tables intact afterwards.
#include <gtest/gtest.h>

#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <limits>

#include "common/version.hpp"
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
  EXPECT_EQ(version.out, std::string(kVersion) + "\n");  // the one version, from project(VERSION …)
  EXPECT_EQ(RunProcess({BinaryPath(), "no-such-command"}).exit_code, 2);
  EXPECT_EQ(RunProcess({BinaryPath()}).exit_code, 2);
}

// Every usage or configuration error leaves the same way: status 2, nothing on stdout, a
// Russian message naming the setting on stderr, before any database is touched.
void ExpectConfigurationError(const ProcessResult& result, const std::string& setting) {
  EXPECT_EQ(result.exit_code, 2) << setting << ": " << result.err;
  EXPECT_TRUE(result.out.empty()) << setting << ": " << result.out;
  EXPECT_NE(result.err.find("ошибка настройки: "), std::string::npos) << setting << ": " << result.err;
  EXPECT_NE(result.err.find(setting), std::string::npos) << setting << ": " << result.err;
}

TEST_F(Cli, ConfigurationErrorsLeaveWithStatusTwoAndOneMessage) {
  const std::string question = "Сколько всего видео есть в системе?";
  const std::vector<std::string> rules = {"VIDEOBOT_PLANNER=rules", "LLM_API_KEY="};
  ExpectConfigurationError(RunProcess({BinaryPath(), "--no-such-flag", "status"}), "--no-such-flag");
  ExpectConfigurationError(RunProcess({BinaryPath(), "--tz", "Mars/Olympus", "plan", question}, {}, rules), "--tz");
  ExpectConfigurationError(RunProcess({BinaryPath(), "--now", "вчера", "plan", question}, {}, rules), "--now");
  ExpectConfigurationError(RunProcess({BinaryPath(), "--db", "mysql://localhost/x", "ask", question}, {}, rules),
                           "--db");
  ExpectConfigurationError(RunProcess({BinaryPath(), "--planner", "oracle", "plan", question}, {}, rules), "--planner");
  ExpectConfigurationError(
      RunProcess({BinaryPath(), "--db", url_, "bot"}, {}, {"BOT_TOKEN=", "VIDEOBOT_PLANNER=rules"}), "BOT_TOKEN");
  ExpectConfigurationError(
      RunProcess({BinaryPath(), "--db", url_, "serve"}, {}, {"VIDEOBOT_HTTP_ADDR=", "VIDEOBOT_PLANNER=rules"}),
      "VIDEOBOT_HTTP_ADDR");
  // None of them created the database.
  EXPECT_FALSE(std::filesystem::exists(dir_.path() + "/cli.db"));
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

// Splits stdout into lines (without the final newline).
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

TEST_F(Cli, AskWritesASeriesChartAndRefusesAChartOfOneNumber) {
  LoadSample();
  const std::string path = dir_.path() + "/chart.png";
  const auto series = Run({"ask", "--chart", path, "Покажи почасовой прирост лайков 28 ноября 2025"});
  ASSERT_EQ(series.exit_code, 0) << series.err;
  EXPECT_EQ(Lines(series.out).size(), 24u) << "the numbers are printed as without --chart";
  std::ifstream file(path, std::ios::binary);
  std::ostringstream png_buffer;
  png_buffer << file.rdbuf();
  const std::string png = png_buffer.str();
  ASSERT_GE(png.size(), 24u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png.substr(16, 8), std::string("\0\0\x05\0\0\0\x02\xd0", 8)) << "1280 × 720";
  const std::string scalar_path = dir_.path() + "/scalar.png";
  const auto scalar = Run({"ask", "--chart", scalar_path, "Сколько всего видео есть в системе?"});
  EXPECT_EQ(scalar.exit_code, 2);
  EXPECT_EQ(scalar.out, "");
  EXPECT_NE(scalar.err.find("--chart draws a series"), std::string::npos) << scalar.err;
  EXPECT_FALSE(std::filesystem::exists(scalar_path));
}

TEST_F(Cli, AskWritesARankingChartAndPrintsItsRowsInEveryFormat) {
  LoadSample();
  const std::string question = "Покажи 5 видео с наибольшим количеством лайков";
  const std::string path = dir_.path() + "/ranking.png";
  const auto ranking = Run({"ask", "--chart", path, question});
  ASSERT_EQ(ranking.exit_code, 0) << ranking.err;
  const auto lines = Lines(ranking.out);
  ASSERT_EQ(lines.size(), 5u) << ranking.out;
  std::int64_t previous = std::numeric_limits<std::int64_t>::max();
  for (const auto& line : lines) {
    const std::int64_t value = std::stoll(line.substr(line.rfind(' ') + 1));
    EXPECT_LE(value, previous) << "rows in rank order: " << ranking.out;
    previous = value;
  }
  std::ifstream file(path, std::ios::binary);
  std::ostringstream png_buffer;
  png_buffer << file.rdbuf();
  const std::string png = png_buffer.str();
  ASSERT_GE(png.size(), 24u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png.substr(16, 8), std::string("\0\0\x05\0\0\0\x02\xd0", 8)) << "1280 × 720";
  // The leader is the video with the most likes: the superlative answers the same row.
  const auto leader = Run({"ask", "Самое залайканное видео"});
  ASSERT_EQ(leader.exit_code, 0) << leader.err;
  EXPECT_EQ(leader.out, lines.front() + "\n");
  const auto csv = Run({"ask", "--format", "csv", question});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  const auto csv_lines = Lines(csv.out);
  ASSERT_EQ(csv_lines.size(), 6u) << csv.out;
  EXPECT_EQ(csv_lines.front(), "key,value");
  const std::string first = lines.front();
  EXPECT_EQ(csv_lines[1], first.substr(0, first.rfind(' ')) + "," + first.substr(first.rfind(' ') + 1));
  const auto json = Run({"ask", "--format", "json", question});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto parsed = nlohmann::json::parse(json.out);
  ASSERT_EQ(parsed.at("rows").size(), 5u) << json.out;
  EXPECT_EQ(parsed.at("rows")[0].at("key").get<std::string>(), first.substr(0, first.rfind(' ')));
}

TEST_F(Cli, AskPrintsASeriesAsKeyValueLinesInTextCsvAndJson) {
  LoadSample();
  // The hourly growth of a day: 24 lines, never the day's total alone.
  const std::string question = "Покажи почасовой прирост лайков 28 ноября 2025";
  const auto text = Run({"ask", question});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  const auto lines = Lines(text.out);
  ASSERT_EQ(lines.size(), 24u) << text.out;
  EXPECT_EQ(lines.front().rfind("2025-11-28 00:00 ", 0), 0u) << lines.front();
  EXPECT_EQ(lines.back().rfind("2025-11-28 23:00 ", 0), 0u) << lines.back();
  std::int64_t total = 0;
  for (const auto& line : lines) total += std::stoll(line.substr(line.rfind(' ') + 1));
  EXPECT_EQ(std::to_string(total) + "\n", Count("Какой суммарный прирост лайков был 28 ноября 2025?"));
  // The same series as CSV and JSON.
  const auto csv = Run({"ask", "--format", "csv", question});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  const auto csv_lines = Lines(csv.out);
  ASSERT_EQ(csv_lines.size(), 25u);
  EXPECT_EQ(csv_lines[0], "key,value");
  EXPECT_EQ(csv_lines[1].rfind("2025-11-28 00:00,", 0), 0u) << csv_lines[1];
  const auto json = Run({"ask", "--format", "json", question});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto document = nlohmann::json::parse(json.out);
  ASSERT_EQ(document.at("series").size(), 24u);
  EXPECT_EQ(document["series"][23]["key"], "2025-11-28 23:00");
  std::int64_t json_total = 0;
  for (const auto& point : document["series"]) json_total += point.at("value").get<std::int64_t>();
  EXPECT_EQ(json_total, total);
  // A week series keys its buckets by their Monday; +03:00 moves day buckets.
  const auto weeks = Lines(Run({"ask", "Прирост просмотров по неделям с 24 ноября по 7 декабря 2025"}).out);
  ASSERT_EQ(weeks.size(), 2u);
  EXPECT_EQ(weeks[0].rfind("2025-11-24 ", 0), 0u);
  EXPECT_EQ(weeks[1].rfind("2025-12-01 ", 0), 0u);
  // A one-number answer: the number under text, a sensible CSV and JSON.
  const auto scalar_csv = Run({"ask", "--format", "csv", "Сколько всего видео есть в системе?"});
  EXPECT_EQ(scalar_csv.out, "value\n30\n");
  const auto scalar_json = Run({"ask", "--format", "json", "Сколько всего видео есть в системе?"});
  EXPECT_EQ(nlohmann::json::parse(scalar_json.out), nlohmann::json::parse(R"({"value":30})"));
  EXPECT_EQ(Run({"ask", "--format", "xml", "Сколько всего видео есть в системе?"}).exit_code, 2);
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
      "DELETE FROM videos;",
      "",
      std::string(70000, '{')};
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

// Runs the binary with `args` in `directory`, where the default database (sqlite:videobot.db)
// lives, with the defaults taken from no environment variable.
ProcessResult RunIn(const std::string& directory, const std::vector<std::string>& args, const std::string& input = {},
                    const std::vector<std::string>& env = {}) {
  std::vector<std::string> argv = {
      "/bin/sh", "-c",      "cd \"$1\" && shift && unset DATABASE_URL VIDEOBOT_NOW VIDEOBOT_TZ && exec \"$@\"",
      "sh",      directory, BinaryPath()};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<std::string> environment = {"VIDEOBOT_PLANNER=rules", "LLM_API_KEY="};
  environment.insert(environment.end(), env.begin(), env.end());
  return RunProcess(argv, input, environment);
}

std::vector<std::string> Entries(const std::string& directory) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) names.push_back(entry.path().filename());
  return names;
}

// Says the database is not initialised and how to fix it; no SQL, no driver text.
void ExpectNotInitialised(const ProcessResult& result, const std::string& what) {
  EXPECT_EQ(result.exit_code, 1) << what << ": " << result.err;
  EXPECT_TRUE(result.out.empty()) << what << ": " << result.out;
  EXPECT_NE(result.err.find("не инициализирована"), std::string::npos) << what << ": " << result.err;
  EXPECT_NE(result.err.find("videobot load FILE"), std::string::npos) << what << ": " << result.err;
  for (const char* word : {"SELECT", "no such table", "FROM", "SQLite:", "sqlite_master"}) {
    EXPECT_EQ(result.err.find(word), std::string::npos) << what << ": " << result.err;
  }
}

const std::string kCountPlan =
    R"({"action":"query","refusal_reason":null,"source":"videos","aggregate":"count","field":null,"filters":{"creator_ids":null,"video_ids":null,"published":null,"measured":null,"hours_after_publication":null,"conditions":[]},"group_by":null,"order":null,"limit":null})";

TEST_F(Cli, ReadCommandsInAnEmptyDirectorySayTheDatabaseIsNotInitialisedAndCreateNothing) {
  TempDir empty;
  const std::string question = "Сколько всего видео есть в системе?";
  ExpectNotInitialised(RunIn(empty.path(), {"ask", question}), "ask");
  ExpectNotInitialised(RunIn(empty.path(), {"run-plan", "-"}, kCountPlan), "run-plan");
  ExpectNotInitialised(RunIn(empty.path(), {"chat"}, question + "\n"), "chat");
  ExpectNotInitialised(
      RunIn(empty.path(), {"bot"}, {}, {"BOT_TOKEN=123456:not-a-real-token", "TELEGRAM_API_URL=http://127.0.0.1:1"}),
      "bot");
  EXPECT_EQ(Entries(empty.path()), std::vector<std::string>{});
  // Commands that need no data still work there, and create nothing either.
  EXPECT_EQ(RunIn(empty.path(), {"plan", question}).exit_code, 0);
  EXPECT_EQ(RunIn(empty.path(), {"sql", question}).exit_code, 0);
  EXPECT_EQ(Entries(empty.path()), std::vector<std::string>{});
}

TEST_F(Cli, AnEmptyFileOrADatabaseWithoutTablesIsNotInitialisedEither) {
  TempDir directory;
  const std::string file = directory.path() + "/videobot.db";
  std::ofstream(file).close();
  ExpectNotInitialised(RunIn(directory.path(), {"ask", "Сколько всего видео есть в системе?"}), "ask");
  EXPECT_EQ(std::filesystem::file_size(file), 0u);
  EXPECT_EQ(Entries(directory.path()), std::vector<std::string>{"videobot.db"});
}

TEST_F(Cli, LoadInitialisesTheDatabaseThatReadCommandsThenUse) {
  TempDir directory;
  const auto generated = RunProcess({BinaryPath(), "generate", "--videos", "12", "--creators", "3", "--seed", "5"});
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  const auto loaded = RunIn(directory.path(), {"load", "-"}, generated.out);
  ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  const auto answer = RunIn(directory.path(), {"ask", "Сколько всего видео есть в системе?"});
  EXPECT_EQ(answer.exit_code, 0) << answer.err;
  EXPECT_EQ(answer.out, "12\n");
}

std::string Upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

TEST_F(Cli, UppercaseIdsInTheFileAreFoundByQuestionsInAnyCase) {
  const auto generated = RunProcess({BinaryPath(), "generate", "--videos", "20", "--creators", "4", "--seed", "9"});
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  nlohmann::json document = nlohmann::json::parse(generated.out);
  const std::string creator = document["videos"][0]["creator_id"].get<std::string>();
  const std::string video = document["videos"][0]["id"].get<std::string>();
  int published = 0;
  for (auto& v : document["videos"]) {
    published += v["creator_id"] == creator ? 1 : 0;
    v["id"] = Upper(v["id"].get<std::string>());
    v["creator_id"] = Upper(v["creator_id"].get<std::string>());
    for (auto& s : v["snapshots"]) {
      s["id"] = Upper(s["id"].get<std::string>());
      s["video_id"] = v["id"];
    }
  }
  ASSERT_EQ(Run({"load", "-"}, document.dump()).exit_code, 0);
  for (const std::string& id : {creator, Upper(creator)}) {
    EXPECT_EQ(Count("Сколько видео у креатора с id " + id + " набрали больше 0 просмотров по итоговой статистике?"),
              std::to_string(published) + "\n")
        << id;
  }
  const std::string snapshots = std::to_string(document["videos"][0]["snapshots"].size()) + "\n";
  const std::string plan =
      R"({"action":"query","refusal_reason":null,"source":"snapshots","aggregate":"count","field":null,"filters":{"creator_ids":null,"video_ids":[")" +
      video +
      R"("],"published":null,"measured":null,"hours_after_publication":null,"conditions":[]},"group_by":null,"order":null,"limit":null})";
  const auto by_plan = Run({"run-plan", "-"}, plan);
  EXPECT_EQ(by_plan.exit_code, 0) << by_plan.err;
  EXPECT_EQ(by_plan.out, snapshots);
}

TEST_F(Cli, ARejectedFileIsReportedWithItsPathAndNoSql) {
  const auto generated = RunProcess({BinaryPath(), "generate", "--videos", "3", "--seed", "4"});
  nlohmann::json document = nlohmann::json::parse(generated.out);
  document["videos"][1]["snapshots"][0]["created_at"] = "9999-12-31T23:00:00-14:00";
  const auto result = Run({"load", "-"}, document.dump());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("/videos/1/snapshots/0/created_at"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("value_out_of_range"), std::string::npos) << result.err;
  for (const char* word : {"COPY", "SELECT", "INSERT", "out of range for type"}) {
    EXPECT_EQ(result.err.find(word), std::string::npos) << result.err;
  }
}

TEST_F(Cli, ChatAnswersLineByLine) {
  LoadSample();
  const auto result =
      Run({"chat"}, "Сколько всего видео есть в системе?\nпривет\n/explain Сколько всего видео есть в системе?\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.substr(0, 3), "30\n");
  EXPECT_NE(result.out.find("SELECT"), std::string::npos);
}

}  // namespace
}  // namespace videobot::testing
