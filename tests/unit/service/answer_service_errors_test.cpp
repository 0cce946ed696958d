// How AnswerService reports the database's failures: a statement timeout is its own outcome, a
// missing schema says how to fix it, a sum past the exact range is explained — never SQL text.
#include <gtest/gtest.h>

#include <functional>

#include "service/answer_service.hpp"

namespace videobot::service {
namespace {

// A plan source that always plans "how many videos are there".
class CountVideos final : public plan::PlanSource {
 public:
  Result<plan::Plan> MakePlan(std::string_view, const plan::TimeContext&) override { return plan::Plan{}; }
  std::string_view Name() const override { return "fake"; }
};

// A database whose every query throws what the test chose.
class FailingDatabase final : public db::Database {
 public:
  explicit FailingDatabase(std::function<void()> fail) : fail_(std::move(fail)) {}
  sql::Dialect dialect() const override { return sql::Dialect::kSqlite; }
  std::vector<db::Row> Query(const sql::Query&) override {
    fail_();
    return {};
  }
  void Execute(std::string_view) override {}
  void Execute(const sql::Query&) override {}
  void Begin() override {}
  void Commit() override {}
  void Rollback() override {}

 private:
  std::function<void()> fail_;
};

Reply AnswerWith(std::function<void()> fail) {
  CountVideos planner;
  FailingDatabase database(std::move(fail));
  FixedClock clock(0);
  AnswerService service(planner, database, clock, UtcOffset{0});
  return service.Answer("Сколько видео?");
}

TEST(AnswerServiceErrors, StatementTimeoutIsItsOwnOutcome) {
  const auto reply = AnswerWith([] { throw db::QueryTimeoutError("canceling statement due to statement timeout"); });
  EXPECT_EQ(reply.kind, Reply::Kind::kRefusal);
  EXPECT_EQ(reply.code, "timeout");
  EXPECT_NE(reply.text.find("Вопрос слишком тяжёлый"), std::string::npos) << reply.text;
  EXPECT_NE(reply.text.find("Сузьте период"), std::string::npos) << reply.text;
}

TEST(AnswerServiceErrors, MissingSchemaSaysHowToFixIt) {
  const auto reply = AnswerWith([] { throw db::NotInitialisedError("no schema"); });
  EXPECT_EQ(reply.kind, Reply::Kind::kUnavailable);
  EXPECT_EQ(reply.code, "data_not_initialised");
  EXPECT_EQ(reply.text, kNotInitialisedReply);
}

TEST(AnswerServiceErrors, OverflowIsExplainedWithoutDriverText) {
  const auto reply = AnswerWith([] { throw db::ValueOutOfRangeError("SELECT SUM(...) bigint out of range"); });
  EXPECT_EQ(reply.kind, Reply::Kind::kRefusal);
  EXPECT_EQ(reply.code, "value_out_of_range");
  EXPECT_EQ(reply.text.find("SELECT"), std::string::npos) << reply.text;
  EXPECT_EQ(reply.text.find("bigint"), std::string::npos) << reply.text;
}

TEST(AnswerServiceErrors, OtherFailuresAreUnavailableWithoutDriverText) {
  const auto reply = AnswerWith([] { throw db::DatabaseError("could not connect to server: SELECT 1"); });
  EXPECT_EQ(reply.kind, Reply::Kind::kUnavailable);
  EXPECT_EQ(reply.code, "database_unavailable");
  EXPECT_EQ(reply.text.find("SELECT"), std::string::npos) << reply.text;
}

}  // namespace
}  // namespace videobot::service
