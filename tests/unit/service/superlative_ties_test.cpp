// A superlative's answer: the top row and every row tied with it, never one of them by id order.
#include "service/superlative_ties.hpp"

#include <gtest/gtest.h>

#include "service/answerer.hpp"
#include "service/series_chart.hpp"

namespace videobot::service {
namespace {

plan::Plan Superlative() {
  plan::Plan plan;
  plan.source = plan::Source::kVideos;
  plan.aggregate = plan::Aggregate::kSum;
  plan.field = plan::Field::kComments;
  plan.group_by = plan::GroupBy::kVideo;
  plan.order = plan::Order::kDesc;
  plan.limit = 1;
  return plan;
}

db::Row RowOf(const char* key, std::int64_t value) { return db::Row{std::string(key), value}; }

TEST(SuperlativeTies, TheQueryReadsOneRowMoreThanItCanList) {
  const auto query = CompileAnswerQuery(Superlative(), sql::CompileOptions{sql::Dialect::kSqlite, {}});
  ASSERT_EQ(query.params.empty(), false);
  plan::Plan ranking = Superlative();
  ranking.limit = 5;
  const auto five = CompileAnswerQuery(ranking, sql::CompileOptions{sql::Dialect::kSqlite, {}});
  EXPECT_EQ(five.text, query.text) << "the limit is a parameter; only its value differs";
  EXPECT_NE(five.params, query.params);
  ranking.limit = kMaxTiedRows + 1;
  EXPECT_EQ(CompileAnswerQuery(ranking, sql::CompileOptions{sql::Dialect::kSqlite, {}}).params, query.params);
}

TEST(SuperlativeTies, AnUntiedTopIsOneRow) {
  const auto rows = AnswerRows(Superlative(), {RowOf("a", 9), RowOf("b", 7), RowOf("c", 7)});
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0], RowOf("a", 9));
}

TEST(SuperlativeTies, EveryRowTiedWithTheTopIsTheAnswer) {
  const auto rows = AnswerRows(Superlative(), {RowOf("a", 9), RowOf("b", 9), RowOf("c", 7)});
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[1], RowOf("b", 9));
}

TEST(SuperlativeTies, MoreTiesThanItCanListAreRefused) {
  std::vector<db::Row> all;
  for (int i = 0; i <= kMaxTiedRows; ++i) all.push_back(RowOf("v", 3));
  const auto rows = AnswerRows(Superlative(), all);
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().code, ErrorCode::kQuestionAmbiguous);
  all.pop_back();
  ASSERT_TRUE(AnswerRows(Superlative(), all));
  EXPECT_EQ(AnswerRows(Superlative(), all)->size(), static_cast<std::size_t>(kMaxTiedRows));
}

TEST(SuperlativeTies, ARankingKeepsAllItsRows) {
  plan::Plan ranking = Superlative();
  ranking.limit = 3;
  const auto rows = AnswerRows(ranking, {RowOf("a", 9), RowOf("b", 9), RowOf("c", 7)});
  ASSERT_TRUE(rows);
  EXPECT_EQ(rows->size(), 3u);
}

TEST(SuperlativeTies, TiedTopRowsAreTextNotABarChart) {
  Reply reply{Reply::Kind::kAnswer, "a 9\nb 9", "ok", "test"};
  reply.ranking = {RankingRow{"a", 9}, RankingRow{"b", 9}};
  reply.ranking_layout =
      RankingLayout{"Видео с наибольшим числом комментариев", "число комментариев", true, false, "", true};
  EXPECT_FALSE(AnswersWithChart(reply));
  reply.ranking_layout->superlative = false;
  EXPECT_TRUE(AnswersWithChart(reply));
}

}  // namespace
}  // namespace videobot::service
