// The development questions of ../shared over their data files, answered through the whole
// service (offline parser → validator → compiler → database) on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "fixtures.hpp"
#include "nl/rule_parser.hpp"
#include "service/answer_service.hpp"
#include "support/clickhouse_env.hpp"

namespace videobot::testing {
namespace {

struct QuestionSet {
  const char* questions;
  const char* data;
};

const QuestionSet kSets[] = {
    {"questions/dev.tsv", "data/dev_videos.json"},
    {"questions/real_excerpt.tsv", "data/real_excerpt_6_videos.json"},
};

void ExpectAllAnswered(db::Database& database, const QuestionSet& set) {
  nl::RuleParser parser;
  SystemClock clock;
  service::AnswerService service(parser, database, clock, UtcOffset{0});
  std::ifstream tsv(SharedDir() + "/" + set.questions);
  std::string line;
  int checked = 0;
  while (std::getline(tsv, line)) {
    const auto tab = line.rfind('\t');
    if (tab == std::string::npos) continue;
    const std::string question = line.substr(0, tab);
    const std::string expected = line.substr(tab + 1);
    const auto reply = service.Answer(question);
    ++checked;
    if (expected == "REFUSE") {
      EXPECT_EQ(reply.kind, service::Reply::Kind::kRefusal) << question << " → " << reply.text;
      continue;
    }
    ASSERT_EQ(reply.kind, service::Reply::Kind::kAnswer) << question << " → " << reply.text;
    if (expected.find('.') != std::string::npos) {
      EXPECT_NEAR(std::stod(reply.text), std::stod(expected), 0.01) << question;
    } else {
      EXPECT_EQ(reply.text, expected) << question;
    }
  }
  EXPECT_GT(checked, 5) << set.questions;
}

TEST(SharedQuestions, SqliteAnswersEveryQuestion) {
  VIDEOBOT_REQUIRE_SHARED();
  for (const auto& set : kSets) {
    TempDir dir;
    auto database = LoadedDatabase("sqlite:" + dir.path() + "/shared.db", ReadFile(SharedDir() + "/" + set.data));
    ExpectAllAnswered(*database, set);
  }
}

TEST(SharedQuestions, PostgresAnswersEveryQuestion) {
  VIDEOBOT_REQUIRE_SHARED();
  VIDEOBOT_REQUIRE_POSTGRES();
  for (const auto& set : kSets) {
    ScratchPostgres scratch;
    auto database = LoadedDatabase(scratch.url(), ReadFile(SharedDir() + "/" + set.data));
    ExpectAllAnswered(*database, set);
  }
}

TEST(SharedQuestions, ClickHouseAnswersEveryQuestion) {
  VIDEOBOT_REQUIRE_SHARED();
  VIDEOBOT_REQUIRE_CLICKHOUSE();
  for (const bool cluster : {false, true}) {
    for (const auto& set : kSets) {
      ScratchClickHouse scratch(cluster);
      auto database = LoadedDatabase(scratch.url(), ReadFile(SharedDir() + "/" + set.data));
      ExpectAllAnswered(*database, set);
    }
  }
}

}  // namespace
}  // namespace videobot::testing
