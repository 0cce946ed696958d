#include "llm/plan_cache.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "nl/normalizer.hpp"

namespace videobot::llm {
namespace {

plan::Plan CountWithLimit(int limit) {
  plan::Plan plan;
  plan.group_by = plan::GroupBy::kCreator;
  plan.limit = limit;
  return plan;
}

TEST(LlmNormalizeQuestion, FoldsCaseYoAndSpaces) {
  EXPECT_EQ(NormalizeQuestion("  Сколько   ВСЕГО\tвидео\u00A0ЁЖИКОВ?  "), "сколько всего видео ежиков?");
  EXPECT_EQ(NormalizeQuestion("Likes ЗА Ноябрь"), "likes за ноябрь");
  EXPECT_EQ(NormalizeQuestion("ё Ё е"), "е е е");
  EXPECT_EQ(NormalizeQuestion(""), "");
  // Invalid UTF-8 is kept byte for byte rather than dropped.
  EXPECT_EQ(NormalizeQuestion("a\xFF b"), "a\xFF b");
}

// The cache key folds letters exactly as the parser does, so two questions the parser reads
// alike share one entry, and two it reads differently never do.
TEST(LlmNormalizeQuestion, FoldsLettersAsTheParserDoes) {
  const std::vector<std::string> questions = {
      "ЁЛКА ёлка Ёлка",            // ё and Ё read as е
      "İstanbul ISTANBUL ıi",      // Turkish dotted capital I and dotless i
      "STRASSE Straße ẞ",          // sharp s, small and capital
      "Видео VIDEO Βίντεο ვიდეო",  // Cyrillic, Latin, Greek, Georgian
      "ΣΊΣΥΦΟΣ Ǆ ǅ ǆ Ꭰ",           // final sigma, titlecase digraphs, Cherokee
      "Ѐ Ѓ Џ ѐ ѓ џ",               // the Cyrillic block beyond А–Я
  };
  for (const std::string& question : questions) {
    const auto parsed = nl::Normalize(question);
    ASSERT_TRUE(parsed.has_value()) << question;
    EXPECT_EQ(NormalizeQuestion(question), *parsed) << question;
  }
  EXPECT_EQ(NormalizeQuestion("ЁЛКА"), "елка");
  EXPECT_EQ(NormalizeQuestion("ΣΊΣΥΦΟΣ"), "σίσυφοσ");  // simple folding: every sigma alike
}

TEST(LlmPlanCacheKey, DependsOnLocalDateNotTimeOfDay) {
  const Instant morning = ToInstant(DateTime{Date{2025, 11, 28}, 9 * 3600}, UtcOffset{0});
  const Instant evening = morning + 10 * kMicrosPerHour;
  const Instant next_day = morning + 24 * kMicrosPerHour;
  const plan::TimeContext a{morning, UtcOffset{0}};
  EXPECT_EQ(PlanCacheKey("Вчера", a), PlanCacheKey("  вчера ", plan::TimeContext{evening, UtcOffset{0}}));
  EXPECT_NE(PlanCacheKey("вчера", a), PlanCacheKey("вчера", plan::TimeContext{next_day, UtcOffset{0}}));
  // 21:00 UTC is already the next day in Moscow.
  EXPECT_NE(PlanCacheKey("вчера", plan::TimeContext{morning + 12 * kMicrosPerHour, UtcOffset{0}}),
            PlanCacheKey("вчера", plan::TimeContext{morning + 12 * kMicrosPerHour, UtcOffset{180}}));
}

TEST(LlmPlanCache, EvictsLeastRecentlyUsed) {
  PlanCache cache(2);
  cache.Insert("a", CountWithLimit(1));
  cache.Insert("b", CountWithLimit(2));
  ASSERT_TRUE(cache.Find("a"));  // "a" is now the most recent
  cache.Insert("c", CountWithLimit(3));
  EXPECT_EQ(cache.Size(), 2u);
  EXPECT_FALSE(cache.Find("b"));
  ASSERT_TRUE(cache.Find("a"));
  EXPECT_EQ(cache.Find("a")->limit, 1);
  EXPECT_EQ(cache.Find("c")->limit, 3);
  cache.Insert("c", CountWithLimit(4));
  EXPECT_EQ(cache.Find("c")->limit, 4);
  EXPECT_EQ(cache.Size(), 2u);
}

TEST(LlmPlanCache, ZeroCapacityStoresNothing) {
  PlanCache cache(0);
  cache.Insert("a", CountWithLimit(1));
  EXPECT_FALSE(cache.Find("a"));
  EXPECT_EQ(cache.Size(), 0u);
}

TEST(LlmPlanCache, ConcurrentUseStaysBounded) {
  PlanCache cache(16);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 2000; ++i) {
        const std::string key = std::to_string((t * 7 + i) % 40);
        if (!cache.Find(key)) cache.Insert(key, CountWithLimit(i % 100 + 1));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(cache.Size(), 16u);
}

}  // namespace
}  // namespace videobot::llm
