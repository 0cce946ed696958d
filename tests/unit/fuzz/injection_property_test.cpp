// Property: hostile strings (quotes, ';', comments, NUL, placeholders, Unicode look-alikes …)
// placed in every position of a question or a plan never reach SQL text. A question either is
// refused or becomes a plan whose SQL is made only of catalogue tokens (sql_text_check.hpp); a
// plan document carrying one is rejected by the validator; and even a plan that bypassed the
// validator carries such a string only as a bound parameter. The whole service, run on hostile
// questions over a loaded SQLite database, leaves every row unchanged.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "db/database.hpp"
#include "db/loader.hpp"
#include "db/migrations.hpp"
#include "fuzz_input.hpp"
#include "hostile_strings.hpp"
#include "nl/rule_parser.hpp"
#include "plan/plan_json.hpp"
#include "plan/validator.hpp"
#include "plan_checks.hpp"
#include "service/answer_service.hpp"
#include "sql/compiler.hpp"
#include "sql_text_check.hpp"
#include "support/generated_document.hpp"
#include "support/oracle.hpp"
#include "support/random_plans.hpp"
#include "support/test_env.hpp"

namespace videobot::fuzz {
namespace {

using Json = nlohmann::ordered_json;

const std::vector<std::string> kQuestions = {
    "Сколько всего видео есть в системе?",
    "Сколько видео у креатора с id aca1061a9d324ecf8c3fa2bb32d7be63 набрали больше 10 000 просмотров по итоговой "
    "статистике?",
    "Сколько видео опубликовал креатор с id aca1061a9d324ecf8c3fa2bb32d7be63 в период с 1 ноября 2025 по 5 ноября "
    "2025 включительно?",
    "На сколько просмотров в сумме выросли все видео 28 ноября 2025?",
    "Сколько разных видео получали новые просмотры 27 ноября 2025?",
    "На сколько просмотров суммарно выросли все видео креатора с id aca1061a9d324ecf8c3fa2bb32d7be63 в промежутке с "
    "10:00 до 15:00 28 ноября 2025 года?",
    "Для креатора с id aca1061a9d324ecf8c3fa2bb32d7be63 посчитай, в скольких разных календарных днях ноября 2025 года "
    "он публиковал хотя бы одно видео.",
    "Какой суммарный прирост комментариев получили все видео за первые 3 часа после публикации каждого из них?",
    "Сколько просмотров набрало видео ecd8a4e4-1f24-4b97-a944-35d17078ce7c?",
    "Топ 5 креаторов по просмотрам за последнюю неделю",
};

// True when `hostile` has a character that compiled SQL text never holds outside literals.
bool IsDistinctive(const std::string& hostile) {
  return hostile.find_first_of(";'\"`\\-/*$?%\0", 0, 12) != std::string::npos ||
         std::any_of(hostile.begin(), hostile.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// The SQL text without its placeholders ($N, ?N), constant literals ('UTC', 'unixepoch',
// '1 microsecond') and the collation name "C", which may look like a hostile "$1", "?", "'" or '"'.
std::string Stripped(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((text[i] == '$' || text[i] == '?') && i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9') {
      while (i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9') ++i;
      continue;
    }
    if (text.compare(i, 3, "\"C\"") == 0) {
      i += 2;
      continue;
    }
    if (text[i] == '\'') {
      const auto end = text.find('\'', i + 1);
      if (end != std::string::npos) {
        i = end;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

::testing::AssertionResult KeptOutOfSql(const Result<plan::Plan>& outcome, const std::string& hostile) {
  if (auto sound = QuestionOutcomeIsSound(outcome, TestTime()); !sound) return sound;
  if (!outcome || outcome->action != plan::Action::kQuery) return ::testing::AssertionSuccess();
  for (const auto dialect : {sql::Dialect::kSqlite, sql::Dialect::kPostgres, sql::Dialect::kClickHouse}) {
    const auto query = sql::Compile(*outcome, sql::CompileOptions{dialect, TestTime()});
    if (IsDistinctive(hostile) && Stripped(query.text).find(hostile) != std::string::npos) {
      return ::testing::AssertionFailure() << "hostile text reached SQL: " << Escape(query.text);
    }
  }
  return ::testing::AssertionSuccess();
}

TEST(InjectionProperty, HostileStringsInEveryQuestionPosition) {
  nl::RuleParser parser;
  // Under AddressSanitizer every eighth cell of the grid, shifted per question and position, so
  // each hostile string and each position is still covered.
  const std::size_t stride = Sanitized() ? 8 : 1;
  int asked = 0;
  for (std::size_t q = 0; q < kQuestions.size(); ++q) {
    const auto tokens = SplitSpaces(kQuestions[q]);
    for (std::size_t h = 0; h < HostileStrings().size(); ++h) {
      const std::string& hostile = HostileStrings()[h];
      for (std::size_t at = 0; at <= tokens.size(); ++at) {
        if ((q + h + at) % stride != 0) continue;
        // Inserted as a token of its own, and glued to the token at that position.
        auto inserted = tokens;
        inserted.insert(inserted.begin() + static_cast<std::ptrdiff_t>(at), hostile);
        std::vector<std::string> variants = {JoinSpaces(inserted)};
        if (at < tokens.size()) {
          auto glued = tokens;
          glued[at] += hostile;
          variants.push_back(JoinSpaces(glued));
          auto replaced = tokens;
          replaced[at] = hostile;
          variants.push_back(JoinSpaces(replaced));
        }
        for (const auto& variant : variants) {
          ++asked;
          ASSERT_TRUE(KeptOutOfSql(parser.MakePlan(variant, TestTime()), hostile)) << "«" << Escape(variant) << "»";
        }
      }
    }
  }
  std::printf("injection property: %d hostile questions\n", asked);
}

TEST(InjectionProperty, RandomHostileQuestions) {
  nl::RuleParser parser;
  Random random(BaseSeed() + 4);
  const int iterations = Iterations(4000);
  const Budget budget(10);
  for (int i = 0; i < iterations && !budget.Spent(); ++i) {
    auto tokens = SplitSpaces(random.Pick(kQuestions));
    const std::string hostile = RandomHostile(random);
    const auto at = static_cast<std::size_t>(random.Between(0, static_cast<std::int64_t>(tokens.size())));
    if (at < tokens.size() && random.Chance(0.5)) {
      tokens[at] += hostile;
    } else {
      tokens.insert(tokens.begin() + static_cast<std::ptrdiff_t>(at), hostile);
    }
    const std::string question = JoinSpaces(tokens);
    ASSERT_TRUE(KeptOutOfSql(parser.MakePlan(question, TestTime()), hostile)) << "«" << Escape(question) << "»";
  }
}

void CollectStrings(Json& node, std::vector<Json*>& out) {
  if (node.is_string()) out.push_back(&node);
  if (node.is_structured()) {
    for (auto& child : node) CollectStrings(child, out);
  }
}

// A valid plan document with every string-capable position filled (ids, periods, enums).
std::vector<std::string> FullPlans() {
  return {
      R"({"action":"query","refusal_reason":null,"source":"snapshots","aggregate":"sum","field":"delta_views_count",
          "filters":{"creator_ids":["aca1061a9d324ecf8c3fa2bb32d7be63"],"video_ids":["ecd8a4e4-1f24-4b97-a944-35d17078ce7c"],
          "published":{"from":"2025-06-01","to":"2025-06-30","relative":null,"count":null},
          "measured":{"from":"2025-11-28T10:00","to":"2025-11-28T15:00","relative":null,"count":null},
          "hours_after_publication":3,"conditions":[{"field":"delta_views_count","op":">","value":0}]},
          "group_by":"creator","order":"desc","limit":5})",
      R"({"action":"query","refusal_reason":null,"source":"videos","aggregate":"count_distinct","field":"creator_id",
          "filters":{"creator_ids":null,"video_ids":null,"published":{"from":null,"to":null,"relative":"last_n_days","count":7},
          "measured":null,"hours_after_publication":null,"conditions":[{"field":"views_count","op":">=","value":100000}]},
          "group_by":null,"order":null,"limit":null})",
      R"({"action":"refuse","refusal_reason":"modification","source":null,"aggregate":null,"field":null,
          "filters":{"creator_ids":null,"video_ids":null,"published":null,"measured":null,"hours_after_publication":null,
          "conditions":[]},"group_by":null,"order":null,"limit":null})",
  };
}

TEST(InjectionProperty, HostileStringsInEveryPlanStringPositionAreRejected) {
  const std::size_t stride = Sanitized() ? 4 : 1;
  int positions = 0;
  for (const auto& text : FullPlans()) {
    ASSERT_TRUE(plan::ParsePlan(text).has_value()) << text;
    Json pristine = Json::parse(text);
    std::vector<Json*> strings;
    CollectStrings(pristine, strings);
    for (std::size_t index = 0; index < strings.size(); ++index) {
      ++positions;
      for (std::size_t h = 0; h < HostileStrings().size(); ++h) {
        if ((index + h) % stride != 0) continue;
        const std::string& hostile = HostileStrings()[h];
        const std::string original = strings[index]->get<std::string>();
        for (const std::string& value : {hostile, original + hostile, hostile + original}) {
          Json document = pristine;
          std::vector<Json*> targets;
          CollectStrings(document, targets);
          *targets[index] = value;
          const auto outcome = plan::ParsePlan(document.dump());
          EXPECT_FALSE(outcome.has_value()) << "accepted " << Escape(document.dump());
        }
      }
    }
  }
  EXPECT_GE(positions, 15);
}

TEST(InjectionProperty, HostileIdsInCppPlansAreRejected) {
  const auto base = plan::ParsePlan(FullPlans().front());
  ASSERT_TRUE(base.has_value());
  for (const auto& hostile : HostileStrings()) {
    for (int position = 0; position < 2; ++position) {
      plan::Plan plan = *base;
      auto& ids = position == 0 ? plan.filters.creator_ids : plan.filters.video_ids;
      ids.push_back(hostile);
      EXPECT_FALSE(plan::ValidatePlan(plan).has_value()) << Escape(hostile);
      ids.back() = ids.front() + hostile;
      EXPECT_FALSE(plan::ValidatePlan(plan).has_value()) << Escape(hostile);
    }
  }
}

TEST(InjectionProperty, EvenUnvalidatedIdsTravelOnlyAsParameters) {
  // Defence in depth: the compiler never splices a plan string into SQL text, so a hostile id
  // that somehow skipped validation would still be a bound parameter.
  const auto base = plan::ParsePlan(FullPlans().front());
  ASSERT_TRUE(base.has_value());
  for (const auto& hostile : HostileStrings()) {
    plan::Plan plan = *base;
    plan.filters.creator_ids = {hostile};
    plan.filters.video_ids = {hostile + "x"};
    for (const auto dialect : {sql::Dialect::kSqlite, sql::Dialect::kPostgres, sql::Dialect::kClickHouse}) {
      const auto query = sql::Compile(plan, sql::CompileOptions{dialect, TestTime()});
      EXPECT_TRUE(SqlUsesOnlyCatalogue(query, dialect)) << Escape(hostile);
      EXPECT_NE(std::find(query.params.begin(), query.params.end(), sql::Param{hostile}), query.params.end());
      EXPECT_NE(std::find(query.params.begin(), query.params.end(), sql::Param{hostile + "x"}), query.params.end());
    }
  }
}

std::string SmallDocument() { return testing::GeneratedDocument({.videos = 12, .creators = 3, .seed = 4242}); }

TEST(InjectionProperty, RandomValidPlansCompileToCatalogueOnlySql) {
  const auto data = testing::ParseDataset(SmallDocument());
  const int count = Iterations(2000);
  for (const auto& plan : testing::RandomPlans(data, count, BaseSeed() + 5)) {
    ASSERT_TRUE(PlanIsSound(plan, TestTime()));
  }
}

std::int64_t Fingerprint(db::Database& database) {
  std::int64_t total = 0;
  for (const char* sql : {"SELECT COUNT(*) + COALESCE(SUM(views_count), 0) FROM videos",
                          "SELECT COUNT(*) + COALESCE(SUM(delta_views_count), 0) FROM video_snapshots"}) {
    total += std::get<std::int64_t>(database.Query(sql::Query{sql, {}}).at(0).at(0));
  }
  return total;
}

TEST(InjectionProperty, ServiceOnHostileQuestionsLeavesDataIntact) {
  testing::TempDir dir;
  auto database = db::Open("sqlite:" + dir.path() + "/data.db");
  db::Migrate(*database);
  std::istringstream input(SmallDocument());
  ASSERT_TRUE(db::Load(*database, input).has_value());
  const std::int64_t before = Fingerprint(*database);
  nl::RuleParser parser;
  FixedClock clock(TestTime().now);
  service::AnswerService service(parser, *database, clock, UtcOffset{});
  Random random(BaseSeed() + 6);
  const int iterations = Iterations(600);
  int answered = 0;
  for (int i = 0; i < iterations; ++i) {
    auto tokens = SplitSpaces(random.Pick(kQuestions));
    tokens.insert(tokens.begin() + random.Between(0, static_cast<std::int64_t>(tokens.size())), RandomHostile(random));
    const auto reply = service.Answer(JoinSpaces(tokens));
    ASSERT_NE(reply.kind, service::Reply::Kind::kUnavailable) << reply.text;
    if (reply.kind == service::Reply::Kind::kAnswer) ++answered;
  }
  EXPECT_EQ(Fingerprint(*database), before);
  std::printf("service on hostile questions: %d of %d answered\n", answered, iterations);
}

}  // namespace
}  // namespace videobot::fuzz
