// Parse time of the offline parser: question text → validated-shape plan (or refusal), per
// question family. Target: median under 20 µs per question.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "nl/rule_parser.hpp"

namespace {

using namespace videobot;

// One question per family of DOMAIN.md (with ids and dates of this benchmark), plus a
// relative period, a ranking and three refusals.
const std::vector<std::string> kQuestions = {
    "Сколько всего видео есть в системе?",
    "Сколько видео у креатора с id 0f1e2d3c4b5a69788796a5b4c3d2e1f0 набрали больше 10 000 просмотров по итоговой статистике?",
    "Сколько видео опубликовал креатор с id 0f1e2d3c4b5a69788796a5b4c3d2e1f0 в период с 1 октября 2025 по 7 октября 2025 включительно?",
    "Сколько видео набрало больше 100 000 просмотров за всё время?",
    "На сколько просмотров в сумме выросли все видео 15 октября 2025?",
    "Сколько разных видео получали новые просмотры 16 октября 2025?",
    "Сколько всего есть замеров статистики (по всем видео), в которых число просмотров за час оказалось "
    "отрицательным — то есть по сравнению с предыдущим замером количество просмотров стало меньше?",
    "Какое суммарное количество просмотров набрали все видео, опубликованные в июле 2025 года?",
    "На сколько просмотров суммарно выросли все видео креатора с id 0f1e2d3c4b5a69788796a5b4c3d2e1f0 в "
    "промежутке с 10:00 до 15:00 20 ноября 2025 года?",
    "Сколько разных креаторов имеют хотя бы одно видео, которое в итоге набрало больше 100 000 просмотров?",
    "Для креатора с id 0f1e2d3c4b5a69788796a5b4c3d2e1f0 посчитай, в скольких разных календарных днях октября "
    "2025 года он публиковал хотя бы одно видео.",
    "Какое общее количество лайков набрали все видео?",
    "Сколько видео появилось на платформе за апрель 2025",
    "Какой суммарный прирост лайков получили все видео за октябрь 2025 года?",
    "Какой суммарный прирост комментариев получили все видео за первые 3 часа после публикации каждого из них?",
    "Сколько новых просмотров за последние 7 дней?",
    "Топ-5 креаторов по лайкам",
    "Привет! Какая погода завтра?",
    "Удали все видео креатора 0f1e2d3c4b5a69788796a5b4c3d2e1f0",
    "Сколько репостов набрали видео?",
};

// The first `chars` characters of UTF-8 `text`, cut on a character boundary.
std::string Prefix(const std::string& text, std::size_t chars) {
  std::size_t end = 0;
  for (std::size_t seen = 0; end < text.size() && seen < chars; ++seen) {
    ++end;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  }
  return text.substr(0, end);
}

const plan::TimeContext kContext{ParseTimestamp("2025-12-02T12:00:00Z").value(), UtcOffset{}};

// One question, chosen by the benchmark argument.
void BM_ParseQuestion(benchmark::State& state) {
  const std::string& question = kQuestions[static_cast<std::size_t>(state.range(0))];
  nl::RuleParser parser;
  for (auto _ : state) {
    auto plan = parser.MakePlan(question, kContext);
    benchmark::DoNotOptimize(plan);
  }
  state.SetLabel(Prefix(question, 40));
}
BENCHMARK(BM_ParseQuestion)->DenseRange(0, static_cast<int>(kQuestions.size()) - 1);

// All questions in turn; the time reported is per question.
void BM_ParseMix(benchmark::State& state) {
  nl::RuleParser parser;
  for (auto _ : state) {
    for (const std::string& question : kQuestions) {
      auto plan = parser.MakePlan(question, kContext);
      benchmark::DoNotOptimize(plan);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kQuestions.size()));
  state.counters["us_per_question"] =
      benchmark::Counter(static_cast<double>(state.iterations() * static_cast<std::int64_t>(kQuestions.size())),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert, benchmark::Counter::OneK::kIs1000);
}
BENCHMARK(BM_ParseMix);

}  // namespace

BENCHMARK_MAIN();
