// Periods at the ends of the calendar (0001-01-01, 9999-12-31) in the farthest time zones give
// the same answers on PostgreSQL and SQLite. PostgreSQL cannot read year 0, which a period from
// 0001-01-01 in a zone east of UTC reaches; this once failed there with a database error.
#include <gtest/gtest.h>

#include <optional>
#include <sstream>

#include "db/database.hpp"
#include "db/loader.hpp"
#include "db/migrations.hpp"
#include "plan/validator.hpp"
#include "sql/compiler.hpp"
#include "support/generated_document.hpp"
#include "support/test_env.hpp"

namespace videobot::testing {
namespace {

std::unique_ptr<db::Database> Loaded(const std::string& url) {
  auto database = db::Open(url);
  db::Migrate(*database);
  std::istringstream input(GeneratedDocument({.videos = 6, .creators = 2, .seed = 9}));
  EXPECT_TRUE(db::Load(*database, input).has_value());
  return database;
}

std::string PeriodPlan(const std::string& key, const std::string& from, const std::string& to) {
  const std::string period = R"({"from":)" + from + R"(,"to":)" + to + R"(,"relative":null,"count":null})";
  const bool measured = key == "measured";
  return std::string(R"({"action":"query","refusal_reason":null,"source":")") + (measured ? "snapshots" : "videos") +
         R"(","aggregate":"count","field":null,"filters":{"creator_ids":null,"video_ids":null,"published":)" +
         (measured ? "null" : period) + R"(,"measured":)" + (measured ? period : "null") +
         R"(,"hours_after_publication":null,"conditions":[]},"group_by":null,"order":null,"limit":null})";
}

TEST(ExtremePeriods, SameAnswersOnBothEngines) {
  VIDEOBOT_REQUIRE_POSTGRES();
  ScratchPostgres scratch;
  TempDir dir;
  auto postgres = Loaded(scratch.url());
  auto sqlite = Loaded("sqlite:" + dir.path() + "/data.db");
  const Instant now = ParseTimestamp("2025-12-02T12:00:00Z").value();
  for (const char* zone : {"-12:00", "UTC", "+03:00", "+14:00", "+18:00", "-18:00"}) {
    for (const char* key : {"published", "measured"}) {
      for (const auto& [from, to] :
           std::vector<std::pair<std::string, std::string>>{{R"("0001-01-01")", "null"},
                                                            {"null", R"("0001-01-01")"},
                                                            {R"("0001-01-01")", R"("0001-01-01T00:30")"},
                                                            {R"("9999-12-31")", "null"},
                                                            {"null", R"("9999-12-31")"},
                                                            {R"("0001-01-01")", R"("9999-12-31")"},
                                                            {R"("9999-12-31T23:59:59")", R"("9999-12-31")"}}) {
        const std::string text = PeriodPlan(key, from, to);
        const auto plan = plan::ParsePlan(text);
        ASSERT_TRUE(plan.has_value()) << text << ": " << plan.error().Describe();
        const plan::TimeContext time{now, ParseUtcOffset(zone).value()};
        std::vector<db::Value> answers;
        for (db::Database* database : {postgres.get(), sqlite.get()}) {
          const auto query = sql::Compile(*plan, sql::CompileOptions{database->dialect(), time});
          try {
            answers.push_back(database->Query(query).at(0).at(0));
          } catch (const db::DatabaseError& error) {
            FAIL() << zone << " " << text << ": " << error.what();
          }
        }
        EXPECT_EQ(answers[0], answers[1]) << zone << " " << text;
      }
    }
  }
}

}  // namespace
}  // namespace videobot::testing
