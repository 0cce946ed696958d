// `videobot serve` as a process: health, readiness, metrics (checked by promtool) and the
// question API with its limits, over loopback.
#include <nlohmann/json.hpp>

#include <sstream>

#include "serve_fixture.hpp"

namespace videobot::testing {
namespace {

using Json = nlohmann::json;
using namespace std::chrono_literals;

constexpr const char* kQuestion = "Сколько всего видео есть в системе?";

class ServeTest : public ServeFixture {};

TEST_F(ServeTest, HealthzIsOkAndReadyzFollowsTheDatabaseFromMissingToLoaded) {
  Start("serve");  // the SQLite file does not exist yet
  auto client = Client();
  auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(health->body, "ok\n");
  auto ready = client.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 503);
  EXPECT_NE(ready->body.find("not initialised"), std::string::npos) << ready->body;
  auto early = AskQuestion(kQuestion);
  ASSERT_TRUE(early);
  EXPECT_EQ(early->status, 503) << early->body;
  EXPECT_TRUE(Json::parse(early->body, nullptr, false).contains("error")) << early->body;
  Cli({"migrate"});
  ready = client.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 503);
  EXPECT_NE(ready->body.find("no data loaded"), std::string::npos) << ready->body;
  LoadGenerated(30);
  ready = client.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200) << ready->body;
  EXPECT_EQ(ready->body, "ok\n");
  auto answer = AskQuestion(kQuestion);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 200) << answer->body;
  Stop();
  EXPECT_NE(process_->Log().find("event=stopped"), std::string::npos) << process_->Log();
}

TEST_F(ServeTest, MetricsPassPromtoolAndCountTheQuestionsAsked) {
  const std::string promtool = FindOnPath("promtool");
  ASSERT_FALSE(promtool.empty()) << "promtool is missing: run scripts/install-deps.sh (Debian package prometheus)";
  LoadGenerated(40);
  Start("serve");
  for (int i = 0; i < 3; ++i) {
    auto answer = AskQuestion(kQuestion);
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 200) << answer->body;
  }
  auto refused = AskQuestion("Какая завтра погода?");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 200) << refused->body;
  auto metrics = Client().Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 200);
  EXPECT_NE(metrics->get_header_value("Content-Type").find("version=0.0.4"), std::string::npos);
  const std::string& text = metrics->body;
  const auto check = RunProcess({promtool, "check", "metrics"}, text);
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err << "\n" << text;
  EXPECT_NE(text.find("videobot_questions_total{outcome=\"ok\",planner=\"rules\"} 3\n"), std::string::npos) << text;
  EXPECT_NE(text.find("videobot_questions_total{outcome=\"question_"), std::string::npos) << text;  // the refusal
  EXPECT_NE(text.find("videobot_answer_duration_seconds_count 4\n"), std::string::npos) << text;
  EXPECT_NE(text.find("videobot_db_query_duration_seconds_count 3\n"), std::string::npos) << text;
  EXPECT_NE(text.find("videobot_data_videos 40\n"), std::string::npos) << text;
  EXPECT_NE(text.find("videobot_database_up 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("videobot_build_info{version=\""), std::string::npos) << text;
  EXPECT_NE(text.find("videobot_http_requests_total{route=\"/v1/ask\",code=\"200\"} 4\n"), std::string::npos) << text;
  for (const char* family : {"videobot_data_snapshots", "videobot_data_last_load_timestamp_seconds",
                             "process_start_time_seconds", "videobot_bot_api_requests_total"}) {
    EXPECT_NE(text.find(std::string("# TYPE ") + family + " "), std::string::npos) << family;
  }
}

TEST_F(ServeTest, AskAnswersLikeTheCliWithThePlanAndOutcome) {
  LoadGenerated(60);
  const std::string expected = Cli({"ask", kQuestion});
  const std::string expected_plan = Cli({"plan", kQuestion});
  Start("serve");
  auto answer = AskQuestion(kQuestion);
  ASSERT_TRUE(answer);
  ASSERT_EQ(answer->status, 200) << answer->body;
  EXPECT_NE(answer->get_header_value("Content-Type").find("application/json"), std::string::npos);
  const Json body = Json::parse(answer->body);
  EXPECT_EQ(body["answer"], expected);
  EXPECT_EQ(body["outcome"], "ok");
  EXPECT_EQ(body["planner"], "rules");
  EXPECT_EQ(body["plan"], Json::parse(expected_plan));
  auto refusal = AskQuestion("Удали все видео");
  ASSERT_TRUE(refusal);
  ASSERT_EQ(refusal->status, 200);
  const Json refused = Json::parse(refusal->body);
  EXPECT_EQ(refused["outcome"], "question_modification");
  EXPECT_TRUE(refused["plan"].is_null());
  EXPECT_FALSE(refused["answer"].get<std::string>().empty());
  EXPECT_FALSE(body.contains("series")) << "a one-number answer has no series";
}

TEST_F(ServeTest, AskReturnsASeriesAsJsonNextToItsTextLines) {
  LoadGenerated(60);
  const std::string question = "Прирост просмотров по дням с 25 по 30 ноября 2025";
  const Json expected = Json::parse(Cli({"ask", "--format", "json", question}));
  Start("serve");
  auto answer = AskQuestion(question);
  ASSERT_TRUE(answer);
  ASSERT_EQ(answer->status, 200) << answer->body;
  const Json body = Json::parse(answer->body);
  EXPECT_EQ(body["outcome"], "ok");
  ASSERT_EQ(body["series"].size(), 6u) << answer->body;
  EXPECT_EQ(body["series"], expected["series"]);
  EXPECT_EQ(body["series"][0]["key"], "2025-11-25");
  const std::string lines = body["answer"];
  EXPECT_EQ(lines.rfind("2025-11-25 ", 0), 0u) << lines;
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 5);
}

TEST_F(ServeTest, AskReturnsARankingsRowsAndAComparisonsSidesAsTheCliPrintsThem) {
  LoadGenerated(60);
  const std::string ranking = "Топ 3 видео по приросту просмотров за ноябрь 2025";
  const std::string comparison = "На сколько больше просмотров набрали видео 28 ноября 2025, чем 27 ноября 2025?";
  const Json expected_rows = Json::parse(Cli({"ask", "--format", "json", ranking}));
  const Json expected_comparison = Json::parse(Cli({"ask", "--format", "json", comparison}));
  Start("serve");
  auto rows = AskQuestion(ranking);
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->status, 200) << rows->body;
  const Json rows_body = Json::parse(rows->body);
  ASSERT_EQ(rows_body["rows"].size(), 3u) << rows->body;
  EXPECT_EQ(rows_body["rows"], expected_rows["rows"]);
  EXPECT_TRUE(rows_body["rows"][0]["value"].is_number());
  EXPECT_FALSE(rows_body.contains("comparison"));
  auto compared = AskQuestion(comparison);
  ASSERT_TRUE(compared);
  ASSERT_EQ(compared->status, 200) << compared->body;
  const Json compared_body = Json::parse(compared->body);
  EXPECT_EQ(compared_body["comparison"], expected_comparison) << compared->body;
  EXPECT_EQ(compared_body["answer"], compared_body["comparison"]["difference"].dump());
  EXPECT_FALSE(compared_body.contains("rows"));
}

TEST_F(ServeTest, AskIsNotFoundWithoutAnApiToken) {
  LoadGenerated(10);
  Start("serve", {"VIDEOBOT_API_TOKEN="});
  auto answer = Ask(Json{{"question", kQuestion}}.dump(), "Bearer " + std::string(kApiToken));
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 404);
  EXPECT_NE(process_->Log().find("api=off"), std::string::npos);
}

TEST_F(ServeTest, AskWithoutOrWithAWrongTokenIsUnauthorised) {
  LoadGenerated(10);
  Start("serve");
  const std::string body = Json{{"question", kQuestion}}.dump();
  for (const std::string& authorization :
       {std::string(), std::string("Bearer wrong-token"), std::string("Bearer ") + kApiToken + "x",
        std::string("Basic ") + kApiToken}) {
    auto answer = Ask(body, authorization);
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 401) << authorization;
    EXPECT_EQ(answer->get_header_value("WWW-Authenticate"), "Bearer");
    EXPECT_TRUE(Json::parse(answer->body).contains("error"));
  }
}

TEST_F(ServeTest, BadRequestsGetTheirStatusAndAJsonError) {
  LoadGenerated(10);
  Start("serve");
  const std::string bearer = "Bearer " + std::string(kApiToken);
  const std::vector<std::pair<std::string, int>> cases = {
      {"{not json", 400},
      {"[1,2]", 400},
      {R"({"question": 5})", 400},
      {R"({"text": "Сколько видео?"})", 400},
      {R"({"question": "Сколько видео?", "extra": 1})", 400},
      {R"({"question": "   "})", 400},
      {Json{{"question", std::string(4097, 'x')}}.dump(), 413},
      {Json{{"question", std::string(100'000, 'x')}}.dump(), 413},
  };
  for (const auto& [body, status] : cases) {
    auto answer = Ask(body, bearer);
    ASSERT_TRUE(answer) << body.substr(0, 40);
    EXPECT_EQ(answer->status, status) << body.substr(0, 40);
    if (answer->status != 413 || body.size() < 65536) {
      EXPECT_TRUE(Json::parse(answer->body, nullptr, false).contains("error")) << answer->body;
    }
  }
  auto client = Client();
  auto get = client.Get("/v1/ask");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 405);
  EXPECT_EQ(get->get_header_value("Allow"), "POST");
  auto post_health = client.Post("/healthz", "", "text/plain");
  ASSERT_TRUE(post_health);
  EXPECT_EQ(post_health->status, 405);
  auto unknown = client.Get("/nowhere");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

TEST_F(ServeTest, TheRateLimitAnswers429) {
  LoadGenerated(10);
  // One question a minute per client address: the second one at once is over the limit.
  Start("serve", {"BOT_RATE_LIMIT_PER_MINUTE=1"});
  auto first = AskQuestion(kQuestion);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200) << first->body;
  auto second = AskQuestion(kQuestion);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 429) << second->body;
}

TEST_F(ServeTest, JsonLogLinesParseAndHoldNoToken) {
  LoadGenerated(10);
  Start("serve", {"VIDEOBOT_LOG_FORMAT=json"});
  auto answer = AskQuestion(kQuestion);
  ASSERT_TRUE(answer);
  auto wrong = Ask(Json{{"question", kQuestion}}.dump(), "Bearer " + std::string(kApiToken) + "-nope");
  ASSERT_TRUE(wrong);
  Stop();
  std::istringstream lines(process_->Log());
  std::string line;
  int parsed = 0;
  bool saw_question = false;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    const Json json = Json::parse(line, nullptr, false);
    ASSERT_TRUE(json.is_object()) << line;
    for (const char* key : {"time", "level", "logger", "message"}) EXPECT_TRUE(json.contains(key)) << line;
    if (json.value("event", "") == "api_question") saw_question = json.value("outcome", "") == "ok";
    EXPECT_EQ(line.find(kApiToken), std::string::npos) << line;
    ++parsed;
  }
  EXPECT_GE(parsed, 3);
  EXPECT_TRUE(saw_question) << process_->Log();
}

TEST_F(ServeTest, MisconfigurationStopsAtStartWithTheAcceptedValues) {
  for (const auto& [entry, expected] :
       std::vector<std::pair<std::string, std::string>>{{"VIDEOBOT_LOG_FORMAT=xml", "text или json"},
                                                        {"VIDEOBOT_HTTP_ADDR=8080", "HOST:PORT"},
                                                        {"VIDEOBOT_HTTP_ADDR=", "VIDEOBOT_HTTP_ADDR"}}) {
    const auto result = RunProcess({BinaryPath(), "serve"}, "", Environment({entry}));
    EXPECT_EQ(result.exit_code, 2) << entry;  // a configuration error
    EXPECT_NE(result.err.find(expected), std::string::npos) << entry << ": " << result.err;
  }
}

TEST_F(ServeTest, APortInUseStopsASecondServerWithStatusOne) {
  Start("serve");
  const auto second =
      RunProcess({BinaryPath(), "serve"}, "", Environment({"VIDEOBOT_HTTP_ADDR=127.0.0.1:" + std::to_string(port_)}));
  EXPECT_EQ(second.exit_code, 1) << second.err;
  EXPECT_NE(second.err.find("cannot listen on 127.0.0.1:" + std::to_string(port_)), std::string::npos) << second.err;
  auto health = Client().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200) << "the first server still serves";
}

}  // namespace
}  // namespace videobot::testing
