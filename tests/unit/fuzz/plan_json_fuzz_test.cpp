// The plan validator on mutated plan documents: type flips, huge and non-finite numbers, deep
// nesting, unicode escapes, duplicate, missing and unknown keys, byte-level damage. ParsePlan
// never crashes and always returns a Result; an accepted plan is sound (plan_checks.hpp); and
// rewritings that keep the meaning (key order, whitespace, \u escapes) keep the outcome.
// Inputs that once failed are replayed from fuzz_regressions/plans.tsv.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "fuzz_input.hpp"
#include "plan/validator.hpp"
#include "plan_checks.hpp"
#include "support/golden_file.hpp"
#include "support/test_env.hpp"

namespace videobot::fuzz {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kMark = "@@fuzz-mark@@";

// Valid plan documents: the plans of the golden records (tests/cases/golden).
const std::vector<std::string>& SeedPlans() {
  static const std::vector<std::string> seeds = [] {
    std::vector<std::string> out;
    for (const auto& c : testing::golden::AllCases()) {
      if (c.record.plan) out.push_back(testing::golden::FullPlan(c.record));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }();
  return seeds;
}

// The deepest bracket nesting of a JSON text (strings skipped). nlohmann's parser is iterative,
// but copying and dumping a document recurse: the mutators only take documents of modest depth.
int NestingDepth(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

constexpr int kMaxMutableDepth = 64;

void CollectNodes(Json& node, std::vector<Json*>& out) {
  out.push_back(&node);
  if (node.is_structured()) {
    for (auto& child : node) CollectNodes(child, out);
  }
}

// Raw JSON text that nlohmann cannot hold as a value, spliced in place of a node.
std::string RawValue(Random& random) {
  static const std::vector<std::string> kRaw = {
      "NaN",
      "Infinity",
      "-Infinity",
      "nan",
      "1e400",
      "-1e400",
      "1e-400",
      "99999999999999999999",
      "18446744073709551615",
      "18446744073709551616",
      "-9223372036854775808",
      "-9223372036854775809",
      "0x10",
      "01",
      "1.",
      ".5",
      "+1",
      "--1",
      "1e",
      "\"\\ud800\"",
      "\"\\udc00\\ud800\"",
      "\"\\u0000\"",
      "\"\\uZZZZ\"",
      "\"\\x41\"",
      "undefined",
      "True",
      "nul",
      "'query'",
      "\"query",
      "[",
      "{",
      "]",
      "}",
      "",
  };
  switch (random.Between(0, 3)) {
    case 0: {
      const auto depth = static_cast<std::size_t>(random.Between(1, 20000));
      return std::string(depth, '[') + std::string(depth, ']');
    }
    case 1: {
      const auto depth = static_cast<std::size_t>(random.Between(1, 6000));
      std::string text;
      for (std::size_t i = 0; i < depth; ++i) text += "{\"a\":";
      text += "1";
      text += std::string(depth, '}');
      return text;
    }
    default: return random.Pick(kRaw);
  }
}

Json RandomValue(Random& random) {
  switch (random.Between(0, 11)) {
    case 0: return nullptr;
    case 1: return random.Chance(0.5);
    case 2: return random.Between(-3, 3);
    case 3:
      return random.Chance(0.5) ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
    case 4: return std::numeric_limits<std::uint64_t>::max();
    case 5: return random.Chance(0.5) ? 1.5 : 1e300;
    case 6: return Json::array();
    case 7: return Json::object();
    case 8: return random.Utf8(static_cast<std::size_t>(random.Between(0, 40)));
    case 9: return std::string(static_cast<std::size_t>(random.Between(1, 70000)), 'a');
    case 10: return Json::array({random.Between(0, 100), "x", nullptr});
    default:
      return random.Pick(std::vector<std::string>{"query", "refuse", "videos", "snapshots", "count", "sum",
                                                  "views_count", "2025-11-28", "2025-11-28T10:00", "last_n_days",
                                                  "aca1061a9d324ecf8c3fa2bb32d7be63", ">", "!="});
  }
}

// Escapes some ASCII characters of the document's strings as \uXXXX; escape sequences already in
// the text are copied whole.
std::string WithUnicodeEscapes(const Json& document, Random& random) {
  const std::string text = document.dump();
  std::string out;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!in_string) {
      in_string = c == '"';
      out += c;
    } else if (c == '\\') {
      const std::size_t length = text[i + 1] == 'u' ? 6 : 2;
      out.append(text, i, length);
      i += length - 1;
    } else if (c == '"') {
      in_string = false;
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x80 && random.Chance(0.3)) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
      out += buffer;
    } else {
      out += c;
    }
  }
  return out;
}

// One structural mutation of a valid document, as text.
std::string MutateDocument(const std::string& seed, Random& random) {
  Json document = Json::parse(seed);
  std::vector<Json*> nodes;
  CollectNodes(document, nodes);
  Json& target = *random.Pick(nodes);
  switch (random.Between(0, 7)) {
    case 0: target = RandomValue(random); return document.dump();
    case 1: {
      target = std::string(kMark);
      std::string text = document.dump();
      const std::string quoted = "\"" + std::string(kMark) + "\"";
      return text.replace(text.find(quoted), quoted.size(), RawValue(random));
    }
    case 2:  // delete a key
      if (target.is_object() && !target.empty()) {
        auto it = target.begin();
        std::advance(it, random.Between(0, static_cast<std::int64_t>(target.size()) - 1));
        target.erase(it);
      }
      return document.dump();
    case 3:  // an unknown key
      if (target.is_object()) target[random.Utf8(static_cast<std::size_t>(random.Between(0, 8)))] = RandomValue(random);
      return document.dump();
    case 4: {  // a duplicate key, spliced in as text (the later value wins in nlohmann)
      std::string text = document.dump();
      const auto at =
          text.find('{', static_cast<std::size_t>(random.Between(0, static_cast<std::int64_t>(text.size()) - 1)));
      if (at == std::string::npos) return text;
      static const std::vector<std::string> kDuplicates = {
          "\"action\":\"refuse\",",    "\"action\":\"query\",",    "\"limit\":1,",
          "\"limit\":null,",           "\"from\":\"2025-01-01\",", "\"field\":\"views_count\",",
          "\"source\":\"snapshots\",", "\"conditions\":[],",       "\"value\":1,"};
      return text.insert(at + 1, random.Pick(kDuplicates));
    }
    case 5: return WithUnicodeEscapes(document, random);
    case 6: return random.MutateBytes(document.dump(), {"null", "[]", "{}", "\"\"", "1e999", ",", ":", "\\u0000"}, 3);
    default: {  // swap the values of two nodes
      Json& other = *random.Pick(nodes);
      if (&other == &target) return document.dump();
      // Swapping a node with its own ancestor would make it contain itself: copy instead.
      Json copy = other;
      target = std::move(copy);
      return document.dump();
    }
  }
}

::testing::AssertionResult OutcomeIsSound(const Result<plan::Plan>& outcome) {
  if (outcome) return PlanIsSound(*outcome, TestTime());
  const ErrorCode code = outcome.error().code;
  if (code == ErrorCode::kPlanNotJson || code == ErrorCode::kPlanSchema || code == ErrorCode::kPlanSemantic ||
      code == ErrorCode::kPlanTimeRange || code == ErrorCode::kPlanLimit) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "unexpected code " << outcome.error().Describe();
}

bool SameOutcome(const Result<plan::Plan>& a, const Result<plan::Plan>& b) {
  if (a.has_value() != b.has_value()) return false;
  return a ? *a == *b : a.error().code == b.error().code;
}

TEST(PlanJsonFuzz, SeedPlansAreValid) {
  ASSERT_GT(SeedPlans().size(), 100u);
  for (const auto& seed : SeedPlans()) {
    const auto outcome = plan::ParsePlan(seed);
    ASSERT_TRUE(outcome.has_value()) << seed << ": " << outcome.error().Describe();
    EXPECT_TRUE(PlanIsSound(*outcome, TestTime())) << seed;
  }
}

TEST(PlanJsonFuzz, MutatedPlansGiveSoundResults) {
  Random random(BaseSeed() + 1);
  const int iterations = Iterations(6000);
  const Budget budget(15);
  int done = 0;
  int accepted = 0;
  for (; done < iterations && !budget.Spent(); ++done) {
    std::string text = random.Pick(SeedPlans());
    const auto rounds = random.Between(1, 3);
    for (std::int64_t r = 0; r < rounds; ++r) {
      // Later rounds work on text that may no longer be JSON: fall back to byte mutations.
      if (r == 0 || (NestingDepth(text) <= kMaxMutableDepth && nlohmann::json::accept(text))) {
        try {
          text = MutateDocument(text, random);
        } catch (const nlohmann::json::exception&) {
          text = random.MutateBytes(text, {}, 2);
        }
      } else {
        text = random.MutateBytes(text, {}, 2);
      }
    }
    const auto outcome = plan::ParsePlan(text);
    if (outcome) ++accepted;
    ASSERT_TRUE(OutcomeIsSound(outcome)) << "iteration " << done << " input «" << Escape(text.substr(0, 4000)) << "»";
  }
  std::printf("plan fuzz: %d documents (%d accepted) in %.1f s\n", done, accepted, budget.Elapsed());
  EXPECT_GT(accepted, 0);
}

TEST(PlanJsonFuzz, MeaningPreservingRewritesKeepTheOutcome) {
  Random random(BaseSeed() + 2);
  const int iterations = Iterations(1500);
  const Budget budget(10);
  for (int i = 0; i < iterations && !budget.Spent(); ++i) {
    const std::string seed = random.Pick(SeedPlans());
    const std::string mutated = MutateDocument(seed, random);
    if (NestingDepth(mutated) > kMaxMutableDepth || !nlohmann::json::accept(mutated)) continue;
    const auto expected = plan::ParsePlan(mutated);
    const Json document = Json::parse(mutated);
    // Keys in reverse order, pretty-printed, and with \u escapes in the strings.
    Json reversed = Json::object();
    if (document.is_object()) {
      std::vector<std::string> keys;
      for (const auto& [key, value] : document.items()) keys.push_back(key);
      for (auto it = keys.rbegin(); it != keys.rend(); ++it) reversed[*it] = document.at(*it);
    } else {
      reversed = document;
    }
    for (const std::string& rewrite : {reversed.dump(), document.dump(2), WithUnicodeEscapes(document, random)}) {
      if (rewrite.size() > plan::kMaxPlanBytes || mutated.size() > plan::kMaxPlanBytes) continue;
      EXPECT_TRUE(SameOutcome(expected, plan::ParsePlan(rewrite)))
          << Escape(mutated) << "\nrewritten: " << Escape(rewrite);
    }
  }
}

TEST(PlanJsonFuzz, DeepNestingInEveryPositionIsRejected) {
  // Arrays and objects nested as deep as 64 KiB allows, in place of every value of a plan.
  const std::string seed = SeedPlans().front();
  Json document = Json::parse(seed);
  std::vector<Json*> nodes;
  CollectNodes(document, nodes);
  const std::string quoted = "\"" + std::string(kMark) + "\"";
  for (std::size_t index = 0; index < nodes.size(); ++index) {
    for (int kind = 0; kind < 2; ++kind) {
      Json copy = Json::parse(seed);
      std::vector<Json*> targets;
      CollectNodes(copy, targets);
      *targets[index] = std::string(kMark);
      std::string text = copy.dump();
      const std::size_t room = plan::kMaxPlanBytes - (text.size() - quoted.size());
      std::string deep;
      if (kind == 0) {
        deep = std::string(room / 2, '[') + std::string(room / 2, ']');
      } else {
        const std::size_t depth = (room - 1) / 6;
        for (std::size_t i = 0; i < depth; ++i) deep += "{\"a\":";
        deep += "1" + std::string(depth, '}');
      }
      text.replace(text.find(quoted), quoted.size(), deep);
      ASSERT_LE(text.size(), plan::kMaxPlanBytes);
      const auto outcome = plan::ParsePlan(text);
      EXPECT_FALSE(outcome.has_value()) << "node " << index << " kind " << kind;
    }
  }
}

TEST(PlanJsonFuzz, SizeLimitIsExact) {
  const std::string seed = SeedPlans().front();
  std::string padded = seed;
  padded.insert(1, std::string(plan::kMaxPlanBytes - seed.size(), ' '));
  ASSERT_EQ(padded.size(), plan::kMaxPlanBytes);
  EXPECT_TRUE(plan::ParsePlan(padded).has_value());
  padded.insert(1, " ");
  const auto over = plan::ParsePlan(padded);
  ASSERT_FALSE(over.has_value());
  EXPECT_EQ(over.error().code, ErrorCode::kPlanLimit);
}

TEST(PlanJsonFuzz, RegressionCases) {
  const auto cases = ReadRegressionCases("plans.tsv");
  ASSERT_FALSE(cases.empty());
  for (const auto& c : cases) EXPECT_TRUE(OutcomeIsSound(plan::ParsePlan(c.input))) << c.name;
}

}  // namespace
}  // namespace videobot::fuzz
