// Plan validation and compilation time: JSON text → validated plan → SQL for each dialect.
#include <benchmark/benchmark.h>

#include "plan/plan_json.hpp"
#include "plan/validator.hpp"
#include "sql/compiler.hpp"

namespace {

using namespace videobot;

// A representative plan: creator filter, time window, delta sum (question family 9).
const char* kPlanJson = R"({"action":"query","refusal_reason":null,"source":"snapshots","aggregate":"sum",
  "field":"delta_views_count","filters":{"creator_ids":["aca1061a9d324ecf8c3fa2bb32d7be63"],"video_ids":null,
  "published":null,"measured":{"from":"2025-11-28T10:00","to":"2025-11-28T15:00","relative":null,"count":null},
  "hours_after_publication":null,"conditions":[{"field":"delta_views_count","op":">","value":0}]},
  "group_by":null,"order":null,"limit":null})";

void BM_ParseAndValidateJson(benchmark::State& state) {
  for (auto _ : state) {
    auto plan = plan::ParsePlan(kPlanJson);
    benchmark::DoNotOptimize(plan);
  }
}
BENCHMARK(BM_ParseAndValidateJson);

void BM_ValidatePlanStruct(benchmark::State& state) {
  const plan::Plan plan = plan::ParsePlan(kPlanJson).value();
  for (auto _ : state) {
    auto validated = plan::ValidatePlan(plan);
    benchmark::DoNotOptimize(validated);
  }
}
BENCHMARK(BM_ValidatePlanStruct);

void BM_Compile(benchmark::State& state) {
  const plan::Plan plan = plan::ParsePlan(kPlanJson).value();
  const auto dialect = state.range(0) == 0 ? sql::Dialect::kSqlite : sql::Dialect::kPostgres;
  for (auto _ : state) {
    auto query = sql::Compile(plan, sql::CompileOptions{dialect, {}});
    benchmark::DoNotOptimize(query);
  }
}
BENCHMARK(BM_Compile)->Arg(0)->Arg(1);

void BM_ValidateAndCompile(benchmark::State& state) {
  for (auto _ : state) {
    auto plan = plan::ParsePlan(kPlanJson);
    auto query = sql::Compile(*plan, sql::CompileOptions{sql::Dialect::kPostgres, {}});
    benchmark::DoNotOptimize(query);
  }
}
BENCHMARK(BM_ValidateAndCompile);

}  // namespace

BENCHMARK_MAIN();
